import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

private let roster = """
    employee_id,manager_id,team,department,email
    M,,Core,Eng,m@acme.example
    R,M,Core,Eng,r@acme.example

    """

private let good = "---\ndate: 2026-07-14\nmanager: M\nreport: R\n---\n- Feedback\n"

@Suite("Bad input: reported by file and line, skipped, the rest analysed")
struct BadInputTests {
    @Test("each broken file gets one diagnostic naming it; the good file is still analysed")
    func brokenFiles() async throws {
        let latin1 = "---\ndate: 2026-07-20\nmanager: M\nreport: R\n---\n- Résumé du café\n".unicodeScalars
            .map { UInt8(truncatingIfNeeded: $0.value) }
        let folder = try NotesFolder([
            "good.md": good,
            "imports/broken-front-matter.md": "---\ndate: 2026-07-17\nmanager: M\nreport: R\n\n## Notes\n- text\n",
            "imports/unparseable-date.md": "---\ndate: 17/07/2026\nmanager: M\nreport: R\n---\n- text\n",
            "imports/unknown-person.md": "---\ndate: 2026-07-18\nmanager: M\nreport: E9999\n---\n- text\n",
            "exports/tool.jsonl": "{\"date\":\"2026-07-21\",\"manager\":\"M\",\"report\":\"R\"}\n{\"date\": not json\n",
            "html/external-entity.html": "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<html><head><meta name=\"manager\" content=\"M\"><meta name=\"report\" content=\"R\"></head><body><h2>2026-07-22</h2><p>&x;</p></body></html>\n",
        ], bytes: [
            "imports/legacy-latin1.md": latin1,
            "attachments/diagram.bin": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A],
        ])
        let result = try await Fixture.analyze(folder, roster: roster, minGroupSize: 3)
        let bySource = Dictionary(grouping: result.diagnostics.filter { $0.source != nil }, by: { $0.source ?? "" })
        #expect(bySource["broken-front-matter.md"]?.map(\.line) == [1])
        #expect(bySource["unparseable-date.md"]?.map(\.line) == [2])
        #expect(bySource["unknown-person.md"]?.map(\.line) == [4])
        #expect(bySource["tool.jsonl"]?.map(\.line) == [2])
        #expect(bySource["external-entity.html"]?.map(\.line) == [1])
        #expect(bySource["legacy-latin1.md"]?.first?.message.contains("not UTF-8") == true)
        #expect(bySource["legacy-latin1.md"]?.first?.line == 6)
        #expect(bySource["diagram.bin"]?.first?.message.contains("binary") == true)
        #expect(bySource.values.allSatisfy { $0.count == 1 })
        // good.md (07-14) and the good JSON line (07-21): two held meetings of the one pair.
        #expect(Fixture.value(result, "oneonone.meetingsPerPair") == 2)
        #expect(Fixture.value(result, "oneonone.coverage") == 1)
    }

    @Test("an empty folder reports no data, not zeros")
    func emptyFolder() async throws {
        let result = try await Fixture.analyze(try NotesFolder(), roster: roster)
        #expect(result.metrics.isEmpty)
        #expect(result.signals.isEmpty)
        #expect(result.findings.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .info && $0.message.contains("no one-on-one notes were found") })
        guard case .text(let text)? = result.sections.first?.blocks.first else {
            Issue.record("expected a text block")
            return
        }
        #expect(text.hasPrefix("No data"))
    }

    @Test("notes only from another period: no data, and the ignored records are counted")
    func outsidePeriod() async throws {
        let folder = try NotesFolder(["old.md": "---\ndate: 2026-04-14\nmanager: M\nreport: R\n---\n"])
        let result = try await Fixture.analyze(folder, roster: roster)
        #expect(result.metrics.isEmpty)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("1 one-on-one records dated outside 2026-Q3") })
    }

    @Test("a missing folder is an error naming it")
    func missingFolder() async throws {
        let context = AnalysisContext(
            organization: "F", period: Fixture.period, roster: try Fixture.roster(roster),
            inputs: ["one-on-ones": [URL(fileURLWithPath: "/nonexistent/one-on-ones")]])
        await #expect(throws: AnalyzerError.self) { try await OneOnOneAnalyzer().analyze(context) }
    }

    @Test("options of the wrong type are errors naming the key", arguments: [
        ["maxGapDays": ConfigValue.string("thirty")],
        ["expectedCadenceDays": ConfigValue.number(0)],
        ["topics": ConfigValue.string("career")],
        ["topics": ConfigValue.object(["career": .string("promotion")])],
        ["topics": ConfigValue.object(["Career Talk": .array([.string("x")])])],
    ])
    func badOptions(options: [String: ConfigValue]) async throws {
        let folder = try NotesFolder(["good.md": good])
        await #expect(throws: AnalyzerError.self) { try await Fixture.analyze(folder, roster: roster, options: options) }
    }

    @Test("a configured topic replaces the defaults and adds its metric")
    func configuredTopics() async throws {
        let folder = try NotesFolder(["good.md": good + "- salary review\n"])
        let topics = ConfigValue.object(["feedback": .array([.string("kudos")]), "pay": .array([.string("salary")])])
        let result = try await Fixture.analyze(folder, roster: roster, options: ["topics": topics], minGroupSize: 3)
        #expect(Fixture.value(result, "oneonone.topic.feedback") == 0)
        #expect(Fixture.value(result, "oneonone.topic.pay") == 1)
    }
}
