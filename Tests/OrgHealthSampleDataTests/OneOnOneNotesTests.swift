import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthSampleData

@Suite("1:1 notes: four forms, sentinels and planted malformed files")
struct OneOnOneNotesTests {
    private func noteFiles(_ sample: GeneratedSample) -> [String] {
        let malformed = Set(sample.manifest.planted.malformedNoteFiles.map(sample.relative))
        return sample.paths(under: "one-on-ones/").filter { !malformed.contains($0) }
    }

    @Test("all four forms are present in roughly the intended mix")
    func forms() throws {
        let sample = try #require(GeneratedSample.standard)
        let files = noteFiles(sample)
        let perMeeting = files.filter { $0.hasPrefix("one-on-ones/by-manager/") }
        let running = files.filter { $0.hasPrefix("one-on-ones/shared-docs/") }
        let html = files.filter { $0.hasSuffix(".html") }
        let jsonLines = files.filter { $0.hasSuffix(".jsonl") }
        #expect(perMeeting.count > running.count)
        #expect(!running.isEmpty && !html.isEmpty && !jsonLines.isEmpty)
        #expect(html.contains { $0.contains("__") })
        #expect(html.contains { sample.text($0).contains("<meta name=\"manager\"") })
        #expect(perMeeting.allSatisfy { sample.text($0).hasPrefix("---\ndate: ") })
        #expect(running.allSatisfy { sample.text($0).hasPrefix("---\nmanager: ") })
    }

    @Test("every note body carries the sentinel")
    func sentinels() throws {
        let sample = try #require(GeneratedSample.standard)
        var meetingsWithSentinel = 0
        for path in sample.paths(under: "one-on-ones/") {
            let text = sample.text(path)
            #expect(text.contains(SampleOrganization.noteSentinel), "\(path) has no sentinel")
            if path.hasSuffix(".jsonl") {
                for line in text.split(separator: "\n") { #expect(line.contains(SampleOrganization.noteSentinel)) }
            }
            meetingsWithSentinel += text.components(separatedBy: SampleOrganization.noteSentinel).count - 1
        }
        #expect(meetingsWithSentinel >= sample.manifest.meetings)
    }

    @Test("statuses, checkbox styles, reference styles and orderings vary")
    func variety() throws {
        let sample = try #require(GeneratedSample.standard)
        let all = noteFiles(sample).map(sample.text).joined(separator: "\n")
        for marker in [
            "status: cancelled", "status: no-show", " (cancelled)\n", " (no-show)", "\"status\":\"cancelled\"",
            "- [ ] @E", "- [x] @E", "* [X] @E", "<input type=\"checkbox\" checked>", "<input type=\"checkbox\">",
            "☑ @E", "☐ @E", "### Action items", "## Agenda", "(due 2026-", "@northwind.example", "@Northwind.example",
            "Skip-level:",
        ] {
            #expect(all.contains(marker), "no note contains \(marker)")
        }
        let running = sample.paths(under: "one-on-ones/shared-docs/").map(sample.text)
        #expect(running.contains { $0.contains("Newest entries at the top") })
        #expect(running.contains { !$0.contains("Newest entries at the top") })
    }

    @Test("an action item is copied forward unchanged and checked later")
    func carriedForward() throws {
        let sample = try #require(GeneratedSample.standard)
        var found = false
        for path in sample.paths(under: "one-on-ones/shared-docs/") where !found {
            let lines = sample.text(path).split(separator: "\n").map(String.init)
            let open = Set(lines.filter { $0.hasPrefix("- [ ] @") || $0.hasPrefix("* [ ] @") }.map { String($0.dropFirst(6)) })
            let done = Set(lines.filter { $0.hasPrefix("- [x] @") || $0.hasPrefix("- [X] @") || $0.hasPrefix("* [X] @") }
                .map { String($0.dropFirst(6)) })
            found = !open.intersection(done).isEmpty
        }
        #expect(found)
    }

    @Test("history before the period is included and meetings stay inside their window")
    func dates() throws {
        let sample = try #require(GeneratedSample.standard)
        let period = try #require(GeneratedSample.period)
        var before = 0
        var inside = 0
        for path in sample.paths(under: "one-on-ones/by-manager/") {
            guard let line = sample.text(path).split(separator: "\n").dropFirst().first,
                  let date = CalendarDate(iso: line.dropFirst("date: ".count)) else { continue }
            #expect(date <= period.end)
            #expect(date >= period.previous.start)
            if date < period.start { before += 1 } else { inside += 1 }
        }
        #expect(before > 0 && inside > 0)
    }

    @Test("the nearly silent manager holds almost no 1:1s in the period")
    func lowOneOnOneManagers() throws {
        let sample = try #require(GeneratedSample.standard)
        let period = try #require(GeneratedSample.period)
        let silent = sample.manifest.planted.nearlySilentManagerID
        let chart = OrgChartBuilder(employees: 120, seed: 7, period: period, organization: "Northwind Labs").build()
        let index = try #require(chart.people.firstIndex { $0.id == silent })
        let planner = MeetingPlanner(chart: chart, profile: ManagerProfile.make(manager: index, chart: chart))
        var inPeriod = 0
        var history = 0
        for report in chart.directReports[index] {
            for meeting in planner.meetings(manager: index, report: report) where meeting.status == .held {
                if period.contains(meeting.date) { inPeriod += 1 } else { history += 1 }
            }
        }
        #expect(inPeriod <= chart.directReports[index].count / 2)
        #expect(history > inPeriod)
    }

    @Test("the planted malformed files are there and broken as intended")
    func malformed() throws {
        let sample = try #require(GeneratedSample.standard)
        let malformed = Set(sample.manifest.planted.malformedNoteFiles.map(sample.relative))
        #expect(malformed == [
            MalformedNotesGenerator.brokenFrontMatter, MalformedNotesGenerator.unparseableDate,
            MalformedNotesGenerator.unknownPerson, MalformedNotesGenerator.legacyExport, MalformedNotesGenerator.latin1,
            MalformedNotesGenerator.externalEntity,
        ])

        let broken = sample.text(MalformedNotesGenerator.brokenFrontMatter)
        #expect(broken.hasPrefix("---\n") && broken.components(separatedBy: "\n---\n").count == 1)

        let badDate = sample.text(MalformedNotesGenerator.unparseableDate)
        let dateLine = try #require(badDate.split(separator: "\n").first { $0.hasPrefix("date: ") })
        #expect(CalendarDate(iso: dateLine.dropFirst(6)) == nil)

        let roster = Set(CSVRecords.rows(sample.text("roster.csv")).compactMap { $0["employee_id"] })
        let unknown = sample.text(MalformedNotesGenerator.unknownPerson)
        let reportLine = try #require(unknown.split(separator: "\n").first { $0.hasPrefix("report: ") })
        #expect(!roster.contains(String(reportLine.dropFirst(8))))

        let lines = sample.text(MalformedNotesGenerator.legacyExport).split(separator: "\n")
        let invalid = lines.filter { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) == nil }
        #expect(invalid.count == 1)
        #expect(lines.count > invalid.count)

        let latin1 = try #require(sample.files[MalformedNotesGenerator.latin1])
        #expect(latin1.contains(0xE9))
        #expect(Array(String(decoding: latin1, as: UTF8.self).utf8) != latin1)

        let entity = sample.text(MalformedNotesGenerator.externalEntity)
        #expect(entity.hasPrefix("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"))
        #expect(entity.contains("&x;"))
    }

    @Test("well-formed JSON Lines exports parse line by line with the documented fields")
    func jsonLines() throws {
        let sample = try #require(GeneratedSample.standard)
        for path in sample.paths(under: "one-on-ones/exports/") where path != MalformedNotesGenerator.legacyExport {
            for line in sample.text(path).split(separator: "\n") {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["date"] is String && object["manager"] is String && object["report"] is String)
                #expect(object["action_items"] is [Any])
            }
        }
    }
}
