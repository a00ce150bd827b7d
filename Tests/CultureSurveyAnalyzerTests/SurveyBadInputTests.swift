import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: bad input")
struct SurveyBadInputTests {
    @Test("a definition naming a column the export lacks: a diagnostic at the item's line, the item left out, the rest analysed")
    func missingColumn() async throws {
        var columns = SurveyFixture.columns
        columns[3] = "W9"
        let result = try await SurveyFixture.analyze(definition: SurveyFixture.definition(columns: columns))
        let note = result.diagnostics.first { $0.message.contains("'W9'") }
        #expect(note?.source == "survey.yml")
        // The items start on line 16 of the definition: wb1 is the fourth, on line 19.
        #expect(note?.line == 19)
        #expect(result.metric("survey.item.wb1.favorability") == nil)
        #expect(result.metric("survey.dimension.wellbeing.favorability") == nil)
        #expect(result.value("survey.responses") == 26)
        #expect(result.metric("survey.item.trust1.favorability") != nil)
    }

    @Test("answers outside the scale or not among the labels: a diagnostic with file and line, only that answer skipped")
    func badAnswers() async throws {
        var lines = SurveyFixture.plainCSV().split(separator: "\n").map(String.init)
        // Line 2 is Platform's first response (T1 = 5): make T1 a 7; line 3's T3 "Maybe".
        lines[1] = lines[1].replacingOccurrences(of: "Platform,5,", with: "Platform,7,")
        lines[2] = "Platform,4,2,Maybe,3,4,4,9,"
        let result = try await SurveyFixture.analyze(responses: lines.joined(separator: "\n") + "\n")
        let range = result.diagnostics.first { $0.line == 2 }
        #expect(range?.source == "responses.csv")
        #expect(range?.message.contains("outside the scale 1–5") == true)
        #expect(range?.message.contains("'T1'") == true)
        let text = result.diagnostics.first { $0.line == 3 }
        #expect(text?.message.contains("labels") == true)
        #expect(text?.message.contains("Maybe") == false)
        // Both responses still count; T1 has 25 answers, T3 25.
        #expect(result.value("survey.responses") == 26)
        #expect(result.metric("survey.item.trust1.favorability")?.n == 25)
        #expect(result.metric("survey.item.trust3.favorability")?.n == 25)
        #expect(result.metric("survey.item.trust2.favorability")?.n == 25)  // its usual blank
    }

    @Test("a row with the wrong number of fields and an unknown team: diagnostics with line, the row skipped")
    func badRows() async throws {
        let csv = SurveyFixture.plainCSV() + "Web,3,3,3\n" + "Nowhere,4,2,4,4,4,4,9,\n" + ",4,2,4,4,4,4,9,\n"
        let result = try await SurveyFixture.analyze(responses: csv)
        // Header + 26 rows = lines 1–27; the bad rows are 28, 29, 30.
        #expect(result.diagnostics.contains { $0.line == 28 && $0.message.contains("fields") })
        #expect(result.diagnostics.contains { $0.line == 29 && $0.message.contains("not in the roster") })
        #expect(result.diagnostics.contains { $0.line == 30 && $0.message.contains("no team") })
        #expect(!result.diagnostics.contains { $0.message.contains("Nowhere") })
        #expect(result.value("survey.responses") == 26)
    }

    @Test("many bad rows are listed up to a limit, then counted once")
    func capped() async throws {
        let csv = SurveyFixture.plainCSV() + String(repeating: "Nowhere,4,2,4,4,4,4,9,\n", count: 30)
        let result = try await SurveyFixture.analyze(responses: csv)
        #expect(result.diagnostics.filter { $0.message.contains("not in the roster, so it was skipped") }.count == 20)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("30 responses whose team is not in the roster") })
    }

    @Test("a definition that does not parse fails the analyzer, naming the file and line")
    func brokenDefinition() async throws {
        let broken = SurveyFixture.definition().replacingOccurrences(of: "scale: {min: 1,", with: "scale: {min: [1,")
        do {
            _ = try await SurveyFixture.analyze(definition: broken)
            Issue.record("expected the analyzer to fail")
        } catch let error as AnalyzerError {
            #expect(error.source == "survey.yml")
            #expect(error.line == 4)
            #expect(error.message.contains("not valid YAML"))
        }
    }

    @Test("a definition with a wrong value fails naming the key's line")
    func wrongValue() async throws {
        let wrong = SurveyFixture.definition().replacingOccurrences(of: "favorableMin: 4", with: "favorableMin: high")
        await #expect(throws: AnalyzerError("scale.favorableMin must be a whole number", source: "survey.yml", line: 4)) {
            try await SurveyFixture.analyze(definition: wrong)
        }
        let duplicate = SurveyFixture.definition(extra: "  - {id: trust1, column: T1, dimension: trust}\n")
        await #expect(throws: AnalyzerError.self) { try await SurveyFixture.analyze(definition: duplicate) }
    }

    @Test("a single path for culture-survey fails with a message asking for responses and definition")
    func singlePath() async throws {
        let base = try SurveyFixture.context()
        defer { SurveyFixture.removeFiles(of: base) }
        let context = AnalysisContext(
            organization: "Fixture", period: base.period, roster: base.roster,
            inputs: ["culture-survey": base.files(of: "culture-survey").prefix(1).map { $0 }])
        do {
            _ = try await CultureSurveyAnalyzer().analyze(context)
            Issue.record("expected the analyzer to fail")
        } catch let error as AnalyzerError {
            #expect(error.message.contains("responses"))
            #expect(error.message.contains("definition"))
        }
    }

    @Test("a survey that closed outside the period is skipped with a diagnostic and no figures")
    func otherPeriod() async throws {
        let result = try await SurveyFixture.analyze(definition: SurveyFixture.definition(closed: "2026-06-20"))
        #expect(result.metrics.isEmpty && result.signals.isEmpty && result.sections.isEmpty)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.line == 3)
        #expect(result.diagnostics.first?.message.contains("outside the report's period 2026-Q3") == true)
    }

    @Test("responses with neither a team nor an employee id column fail naming the file")
    func noGroup() async throws {
        let csv = SurveyFixture.plainCSV().replacingOccurrences(of: "team,T1", with: "office,T1")
        await #expect(throws: AnalyzerError.self) { try await SurveyFixture.analyze(responses: csv) }
    }
}
