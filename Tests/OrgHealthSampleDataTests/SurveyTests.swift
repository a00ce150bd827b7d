import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthSampleData

@Suite("Culture survey: Qualtrics export and definition")
struct SurveyTests {
    private func records() throws -> [[String]] {
        let text = try #require(GeneratedSample.standard).text("survey/responses.csv")
        #expect(text.hasPrefix("\u{FEFF}"))
        return CSVRecords.parse(String(text.dropFirst()))
    }

    @Test("the export has three header rows: ids, question text, import ids")
    func headerRows() throws {
        let records = try records()
        let ids = try #require(records.first)
        #expect(Array(ids.prefix(9)) == ["StartDate", "EndDate", "Status", "Progress", "Duration (in seconds)", "Finished",
                                         "RecordedDate", "ResponseId", "team"])
        #expect(Array(ids.suffix(2)) == ["enps", "comment"])
        #expect(records[1].contains("I know what is expected of me at work."))
        #expect(records[2].count == ids.count)
        #expect(records[2].allSatisfy { $0.hasPrefix("{\"ImportId\":") })
        #expect(records.allSatisfy { $0.count == ids.count })
        #expect(try #require(GeneratedSample.standard).text("survey/responses.csv").contains("\r\n"))
    }

    @Test("answers are choice text, with blanks, previews and unfinished rows")
    func answers() throws {
        let records = try records()
        let ids = records[0]
        let data = Array(records.dropFirst(3))
        let status = try #require(ids.firstIndex(of: "Status"))
        let finished = try #require(ids.firstIndex(of: "Finished"))
        let labels = Set(SampleSurveyDefinition.labels)
        let itemColumns = ids.indices.filter { ids[$0].hasPrefix("Q") }
        #expect(itemColumns.count == 24)
        for row in data { for column in itemColumns { #expect(row[column].isEmpty || labels.contains(row[column])) } }
        #expect(data.contains { row in itemColumns.contains { row[$0].isEmpty } })
        #expect(data.contains { $0[status] == "1" })
        #expect(data.contains { $0[finished] == "0" })
        #expect(data.contains { $0[finished] == "FALSE" })
        let counted = data.filter { $0[status] == "0" && $0[finished] == "1" }
        #expect(counted.count == (try #require(GeneratedSample.standard)).manifest.surveyResponses)
        let enps = try #require(ids.firstIndex(of: "enps"))
        #expect(counted.allSatisfy { $0[enps].isEmpty || (0...10).contains(Int($0[enps]) ?? -1) })
    }

    @Test("participation is realistic and the tiny team stays under five responses")
    func participation() throws {
        let sample = try #require(GeneratedSample.standard)
        let rate = Double(sample.manifest.surveyResponses) / Double(sample.manifest.headcountAtPeriodEnd)
        #expect(rate > 0.7 && rate < 0.9)
        let records = try records()
        let team = try #require(records[0].firstIndex(of: "team"))
        let tiny = records.dropFirst(3).filter { $0[team] == sample.manifest.planted.tinyTeam && $0[2] == "0" && $0[5] == "1" }
        #expect(tiny.count < 5)
    }

    @Test("the teams of low-1:1 managers answer clearly worse on trust and well-being")
    func lowTeams() throws {
        let sample = try #require(GeneratedSample.standard)
        let records = try records()
        let ids = records[0]
        let definition = SampleSurveyDefinition(organization: "Northwind Labs", period: try #require(GeneratedSample.period))
        let counted = records.dropFirst(3).filter { $0[2] == "0" && $0[5] == "1" }
        let team = try #require(ids.firstIndex(of: "team"))
        func favorability(_ rows: [[String]], dimension: String) -> Double {
            var favorable = 0
            var answered = 0
            for item in definition.items where item.dimension == dimension {
                guard let column = ids.firstIndex(of: item.column) else { continue }
                for row in rows {
                    guard let position = SampleSurveyDefinition.labels.firstIndex(of: row[column]) else { continue }
                    let value = item.reverse ? 5 - position : position + 1
                    answered += 1
                    if value >= 4 { favorable += 1 }
                }
            }
            return Double(favorable) / Double(max(1, answered))
        }
        let low = Set(sample.manifest.planted.lowOneOnOneTeams)
        let lowRows = counted.filter { low.contains($0[team]) }
        let otherRows = counted.filter { !low.contains($0[team]) }
        #expect(lowRows.count >= 10)
        for dimension in ["trust", "wellbeing"] {
            #expect(favorability(lowRows, dimension: dimension) + 0.25 < favorability(otherRows, dimension: dimension))
        }
    }

    @Test("comments carry the sentinel, and one carries a script tag")
    func comments() throws {
        let records = try records()
        let comment = try #require(records[0].firstIndex(of: "comment"))
        let comments = records.dropFirst(3).map { $0[comment] }.filter { !$0.isEmpty }
        #expect(!comments.isEmpty)
        #expect(comments.allSatisfy { $0.contains(SampleOrganization.surveySentinel) })
        #expect(comments.filter { $0.contains("<script>alert(1)</script>") }.count == 1)
    }

    @Test("the definition has 24 items over the seven dimensions, two reversed, closing inside the period")
    func definition() throws {
        let yaml = try #require(GeneratedSample.standard).text("survey/survey.yml")
        let period = try #require(GeneratedSample.period)
        let items = yaml.split(separator: "\n").filter { $0.hasPrefix("  - {id: ") }
        #expect(items.count == 24)
        #expect(items.filter { $0.contains("reverse: true") }.count == 2)
        for dimension in SurveyGenerator.dimensions { #expect(items.filter { $0.contains("dimension: \(dimension),") }.count == 3) }
        let closed = try #require(yaml.split(separator: "\n").first { $0.hasPrefix("closed: ") })
        #expect(CalendarDate(iso: closed.dropFirst(8)).map(period.contains) == true)
        for line in ["scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}", "groupColumn: team",
                     "outcome: [eng-proud, eng-stay, eng-recommend]", "enps: {column: enps}", "comments: [comment]",
                     "  \"Strongly agree\": 5"] {
            #expect(yaml.contains(line + "\n"), "missing: \(line)")
        }
    }
}
