import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: export shapes")
struct SurveyShapeTests {
    /// The figures the plain export gives, keyed by "id|scope".
    func figures(_ result: AnalyzerResult) -> [String: Double] {
        Dictionary(result.metrics.map { ("\($0.id)|\($0.scope.id)", $0.value ?? .nan) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("a Qualtrics export with choice text gives the plain export's figures; previews and unfinished rows are left out and counted")
    func qualtrics() async throws {
        let plain = try await SurveyFixture.analyze()
        let qualtrics = try await SurveyFixture.analyze(responses: SurveyFixture.qualtricsCSV())
        #expect(figures(qualtrics) == figures(plain))
        #expect(qualtrics.value("survey.responses") == 26)
        let note = qualtrics.diagnostics.first { $0.message.hasPrefix("read as a Qualtrics export") }
        #expect(note?.severity == .info)
        // One preview (Status 1), two unfinished (Finished 0 and FALSE).
        #expect(note?.message.contains("left out 1 row whose Status is not a real response") == true)
        #expect(note?.message.contains("2 rows of unfinished responses") == true)
        #expect(qualtrics.sections.first?.blocks.contains { block in
            if case .text(let text) = block { return text.contains("Qualtrics") }
            return false
        } == true)
    }

    @Test("a Google Forms export (Timestamp, question text as headers) is matched by the items' text")
    func googleForms() async throws {
        let plain = try await SurveyFixture.analyze()
        let forms = try await SurveyFixture.analyze(responses: SurveyFixture.googleFormsCSV())
        #expect(figures(forms) == figures(plain))
        // A definition naming the question text as the column works as well.
        let byColumn = try await SurveyFixture.analyze(
            responses: SurveyFixture.googleFormsCSV(), definition: SurveyFixture.definition(columns: SurveyFixture.questions))
        #expect(figures(byColumn) == figures(plain))
        #expect(!forms.diagnostics.contains { $0.severity != .info })
    }

    @Test("employee ids are looked up in the roster for the team and never appear in the result")
    func employeeIDs() async throws {
        // The same rows, each given by an employee of its team: Platform P1…, Web W1…, Data D1…, Field F1….
        var counters: [String: Int] = [:]
        var lines = ["employee_id,T1,T2,T3,W1,E1,E2,enps,comment"]
        for row in SurveyFixture.rows {
            let number = counters[row.team, default: 0] + 1
            counters[row.team] = number
            lines.append((["\(row.team.prefix(1))\(number)"] + row.answers.map { $0.map(String.init) ?? "" }
                          + [row.enps.map(String.init) ?? "", SurveyFixture.csvField(row.comment)]).joined(separator: ","))
        }
        let result = try await SurveyFixture.analyze(responses: lines.joined(separator: "\n") + "\n")
        let plain = try await SurveyFixture.analyze()
        #expect(figures(result) == figures(plain))
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        for id in ["P1", "P12", "W3", "D2", "F6"] { #expect(!json.contains("\"\(id)\"") && !json.contains(" \(id) ")) }
    }

    @Test("labels and team names are matched ignoring case and surrounding spaces; numbers work beside labels")
    func labels() async throws {
        let csv = "team,T1,T2,T3,W1,E1,E2,enps,comment\n"
            + (1...5).map { _ in " WEB , strongly AGREE ,Disagree,4,agree,5,Strongly agree,9,\n" }.joined()
        let result = try await SurveyFixture.analyze(responses: csv)
        let web = Scope.team("Web")
        #expect(result.value("survey.item.trust1.favorability", web) == 1)
        // "Disagree" = 2 on a reverse-coded item is 4: favorable.
        #expect(result.value("survey.item.trust2.favorability", web) == 1)
        #expect(result.value("survey.item.trust2.mean", web) == 4)
        // Only the note naming the shape ("read as plain CSV").
        #expect(result.diagnostics.allSatisfy { $0.severity == .info })
    }

    @Test("the config's columns mapping renames the team column")
    func columnMapping() async throws {
        let csv = SurveyFixture.plainCSV().replacingOccurrences(of: "team,T1", with: "Squad,T1")
        let result = try await SurveyFixture.analyze(
            responses: csv, options: ["columns": .object(["team": .string("Squad")])])
        #expect(result.value("survey.responses") == 26)
    }
}
