import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: every vendor's export")
struct SurveyVendorShapeTests {
    func figures(_ result: AnalyzerResult) -> [String: Double] {
        Dictionary(result.metrics.map { ("\($0.id)|\($0.scope.id)", $0.value ?? .nan) }, uniquingKeysWith: { first, _ in first })
    }

    func note(_ result: AnalyzerResult, containing text: String) -> Diagnostic? {
        result.diagnostics.first { $0.message.contains(text) }
    }

    /// The legacy export names its eNPS and comment columns Q7 and Q8_TEXT in row 1.
    func legacyDefinition(columns: [String]) -> String {
        SurveyFixture.definition(columns: columns)
            .replacingOccurrences(of: "enps: {column: enps}", with: "enps: {column: Q7}")
            .replacingOccurrences(of: "comments: [comment]", with: "comments: [Q8_TEXT]")
    }

    @Test("a Qualtrics legacy export (V-ids in row 1) leaves out exactly its 15 Status 2 test rows; items may name either row")
    func qualtricsLegacy() async throws {
        let plain = try await SurveyFixture.analyze()
        let byID = try await SurveyFixture.analyze(
            responses: SurveyVendorFixtures.qualtricsLegacy(), definition: legacyDefinition(columns: ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]))
        #expect(figures(byID) == figures(plain))
        #expect(byID.value("survey.responses") == 26)
        let shape = try #require(note(byID, containing: "read as a Qualtrics legacy export"))
        #expect(shape.severity == .info)
        #expect(shape.message.contains("left out 15 rows whose Status is not a real response"))
        #expect(shape.message.contains("0 rows of unfinished responses"))
        // Row 2 holds the question text: a definition naming it finds the same columns.
        let byText = try await SurveyFixture.analyze(
            responses: SurveyVendorFixtures.qualtricsLegacy(), definition: legacyDefinition(columns: SurveyFixture.questions))
        #expect(figures(byText) == figures(plain))
        #expect(!byText.diagnostics.contains { $0.severity == .warning })
    }

    @Test("a legacy export without its Status column warns that test responses cannot be told apart")
    func legacyWithoutStatus() async throws {
        let result = try await SurveyFixture.analyze(
            responses: SurveyVendorFixtures.qualtricsLegacy(status: false),
            definition: legacyDefinition(columns: ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]))
        let warning = try #require(note(result, containing: "without a Status column"))
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("cannot be told apart"))
        #expect(result.value("survey.responses") == 26)
    }

    @Test("the 2017 Insights export (ImportId in single quotes, Status as text) leaves out its 15 tests and previews")
    func qualtricsInsights() async throws {
        let plain = try await SurveyFixture.analyze()
        let result = try await SurveyFixture.analyze(responses: SurveyVendorFixtures.qualtricsInsights())
        #expect(figures(result) == figures(plain))
        let shape = try #require(note(result, containing: "read as a Qualtrics export"))
        // 10 "Survey Test" + 5 "Survey Preview" rows; one Finished = False row.
        #expect(shape.message.contains("left out 15 rows whose Status is not a real response"))
        #expect(shape.message.contains("1 row of unfinished responses"))
    }

    @Test("Qualtrics Status codes: 0, 4, 16, 32 and 36 (and their texts) are real responses; 1, 2, 8, 9, 12 and 17 are not")
    func statusCodes() {
        // From Qualtrics' Response Type list: IP Address 0, Survey Preview 1, Survey Test 2,
        // Imported 4, Spam 8, Preview Spam 9, Imported Spam 12, Offline 16, Offline Preview 17.
        // Employee Experience projects: 32 EX (a normal response) and 36 Imported.
        for real in ["0", "4", "16", "32", "36", "IP Address", "Imported", "Offline", "EX", ""] {
            #expect(ResponseScanner.realStatuses.contains(real.lowercased()))
        }
        for notReal in ["1", "2", "8", "9", "12", "17", "Survey Preview", "Survey Test", "Spam"] {
            #expect(!ResponseScanner.realStatuses.contains(notReal.lowercased()))
        }
    }

    @Test("a SurveyMonkey export: two header rows, matrix items usable by their sub-question text or as 'Question - Sub-question'")
    func surveyMonkey() async throws {
        let plain = try await SurveyFixture.analyze()
        let bySub = try await SurveyFixture.analyze(
            responses: SurveyVendorFixtures.surveyMonkey(), definition: SurveyFixture.definition(columns: SurveyFixture.questions))
        #expect(figures(bySub) == figures(plain))
        #expect(bySub.value("survey.responses") == 26)
        #expect(note(bySub, containing: "read as a SurveyMonkey export") != nil)
        #expect(!bySub.diagnostics.contains { $0.severity == .warning })
        let combined = SurveyFixture.questions.map { "\(SurveyVendorFixtures.matrixQuestion) - \($0)" }
        let byCombined = try await SurveyFixture.analyze(
            responses: SurveyVendorFixtures.surveyMonkey(), definition: SurveyFixture.definition(columns: combined))
        #expect(figures(byCombined) == figures(plain))
    }

    @Test("a SurveyMonkey export with a response status column counts completed responses only")
    func surveyMonkeyIncomplete() async throws {
        // The API's response_status values: completed, partial, overquota, disqualified. Three
        // partial responses (copies of real rows) are added; they must be left out.
        var lines = SurveyVendorFixtures.surveyMonkey().split(separator: "\r\n").map(String.init)
        lines[0] += ",Response Status"
        lines[1] += ","
        for index in 2..<lines.count { lines[index] += ",completed" }
        lines += [lines[2], lines[3], lines[20]].map { $0.replacingOccurrences(of: ",completed", with: ",partial") }
        let plain = try await SurveyFixture.analyze()
        let result = try await SurveyFixture.analyze(
            responses: lines.joined(separator: "\r\n") + "\r\n", definition: SurveyFixture.definition(columns: SurveyFixture.questions))
        #expect(figures(result) == figures(plain))
        #expect(note(result, containing: "left out 3 rows of incomplete responses") != nil)
    }

    @Test("a Microsoft Forms export (ID, Start time, Completion time, Email, Name) gives the plain export's figures")
    func microsoftForms() async throws {
        let plain = try await SurveyFixture.analyze()
        let result = try await SurveyFixture.analyze(
            responses: SurveyVendorFixtures.microsoftForms(), definition: SurveyFixture.definition(columns: SurveyFixture.questions))
        #expect(figures(result) == figures(plain))
        #expect(note(result, containing: "read as a Microsoft Forms export") != nil)
    }

    @Test("Google Forms with an Email Address column and time-zone names in the timestamps")
    func googleFormsWithEmail() async throws {
        let plain = try await SurveyFixture.analyze()
        let result = try await SurveyFixture.analyze(responses: SurveyVendorFixtures.googleFormsWithEmail())
        #expect(figures(result) == figures(plain))
        #expect(note(result, containing: "read as a Google Forms export") != nil)
    }

    @Test("an export of no known shape is read as plain CSV, and the data-quality notes say so")
    func plainIsNamed() async throws {
        let result = try await SurveyFixture.analyze()
        let shape = try #require(note(result, containing: "read as plain CSV"))
        #expect(shape.severity == .info)
        #expect(shape.message.contains("no Qualtrics, SurveyMonkey, Microsoft Forms or Google Forms header was recognised"))
    }
}
