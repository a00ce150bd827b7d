import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: drafting a definition from an export")
struct SurveyDraftTests {
    static let today = CalendarDate(iso: "2026-09-10")!

    func draft(_ csv: String, roster: String? = nil) throws -> SurveyDraft {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("draft-\(UUID().uuidString).csv")
        try Data(csv.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let people = try roster.map { try RosterReader().read(csv: $0).roster }
        return try SurveyDraft(export: url, roster: people, today: Self.today)
    }

    @Test("a SurveyMonkey export drafts its matrix statements as items; the unchanged draft gives the plain export's item figures")
    func surveyMonkey() async throws {
        let export = SurveyVendorFixtures.surveyMonkey()
        let drafted = try draft(export, roster: SurveyFixture.rosterCSV)
        #expect(drafted.itemCount == 6)
        #expect(drafted.text.contains("read as a SurveyMonkey export"))
        #expect(drafted.text.contains("groupColumn: \"team\""))
        #expect(drafted.text.contains("enps: {column: \"enps\"}"))
        #expect(drafted.text.contains("comments: [\"comment\"]"))
        // The dates are US-style, so the draft falls back on the day it was made, marked TODO.
        #expect(drafted.text.contains("closed: 2026-09-10"))
        // No comment of the fixture appears in the draft.
        for row in SurveyFixture.rows where !row.comment.isEmpty { #expect(!drafted.text.contains(row.comment)) }
        let result = try await SurveyFixture.analyze(responses: export, definition: drafted.text)
        #expect(!result.diagnostics.contains { $0.severity != .info })
        let plain = try await SurveyFixture.analyze()
        // Items are drafted in column order, so item i of the draft is item i of the fixture.
        let ids = drafted.text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "- {id: ") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "," })
        }
        #expect(ids.count == 6)
        for (draftID, fixtureID) in zip(ids, SurveyFixture.itemIDs) {
            for figure in ["favorability", "unfavorability", "mean"] {
                #expect(result.value("survey.item.\(draftID).\(figure)") == plain.value("survey.item.\(fixtureID).\(figure)"))
            }
        }
        // "People are blamed for mistakes." is proposed as reverse-coded, as the fixture has it.
        #expect(drafted.text.contains("People are blamed for mistakes.\", dimension: trust, reverse: true}"))
    }

    @Test("numeric answers with non-answer options: the scale is 1–5, the options go to missing:, the draft runs without warnings")
    func numericWithNonAnswers() async throws {
        var lines = SurveyFixture.plainCSV().split(separator: "\n").map(String.init)
        // Two non-answers in T1 and T3 (columns 1 and 3): "Don't know" and the code −1.
        for (row, column, text) in [(2, 1, "Don't know"), (5, 3, "-1")] {
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[column] = text
            lines[row] = fields.joined(separator: ",")
        }
        let csv = lines.joined(separator: "\n") + "\n"
        let drafted = try draft(csv)
        #expect(drafted.text.contains("scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}"))
        #expect(drafted.text.contains("missing: [\"Don't know\", -1]"))
        #expect(!drafted.text.contains("\nlabels:"))
        let result = try await SurveyFixture.analyze(responses: csv, definition: drafted.text)
        #expect(!result.diagnostics.contains { $0.severity == .warning })
        #expect(result.diagnostics.contains { $0.message.hasPrefix("2 answers declared missing") })
    }

    @Test("a 7-point agreement export drafts a 1–7 scale with its labels in order")
    func sevenPoint() throws {
        let points = ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree",
                      "Agree", "Strongly agree"]
        var lines = ["team,Q1,Q2"]
        for index in 0..<14 { lines.append("Platform,\(points[index % 7]),\(points[(index + 3) % 7])") }
        let drafted = try draft(lines.joined(separator: "\n") + "\n")
        #expect(drafted.text.contains("scale: {min: 1, max: 7, favorableMin: 5, unfavorableMax: 3}"))
        #expect(drafted.text.contains("\"Somewhat disagree\": 3"))
        #expect(drafted.text.contains("\"Agree\": 6"))
    }

    @Test("a Google Forms export: the timestamps (with a time-zone name) give closed:, the Email Address column is no question")
    func googleForms() async throws {
        let export = SurveyVendorFixtures.googleFormsWithEmail()
        let drafted = try draft(export)
        #expect(drafted.text.contains("read as a Google Forms export"))
        #expect(drafted.text.contains("closed: 2026-09-01"))
        #expect(!drafted.text.contains("Email Address"))
        #expect(!drafted.text.contains("@example.com"))
        #expect(drafted.itemCount == 6)
        let result = try await SurveyFixture.analyze(responses: export, definition: drafted.text)
        #expect(result.value("survey.responses") == 26)
    }

    @Test("a file that is not a survey export is refused with a message naming it")
    func notAnExport() throws {
        #expect(throws: AnalyzerError.self) { _ = try draft(SurveyFixture.rosterCSV) }
    }
}
