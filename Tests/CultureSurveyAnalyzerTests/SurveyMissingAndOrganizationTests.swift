import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: groupColumn none, missing answers and placeholder comments")
struct SurveyMissingAndOrganizationTests {
    /// The plain export without its team column: an anonymous pulse survey.
    static func anonymousCSV() -> String {
        SurveyFixture.plainCSV().split(separator: "\n").map { line in
            String(line.drop { $0 != "," }.dropFirst())
        }.joined(separator: "\n") + "\n"
    }

    static let organizationOnly = SurveyFixture.definition().replacingOccurrences(of: "groupColumn: team", with: "groupColumn: none")

    @Test("groupColumn: none gives organization figures only, with participation over the whole headcount")
    func organizationOnly() async throws {
        let result = try await SurveyFixture.analyze(responses: Self.anonymousCSV(), definition: Self.organizationOnly)
        // 26 responses over a headcount of 34 (CEO 1 + Platform 15 + Web 6 + Data 4 + Field 8).
        #expect(result.value("survey.responses") == 26)
        #expect(result.value("survey.participation") == 26.0 / 34.0)
        // trust1 (T1) answers ≥ 4, by hand: Platform 5,4,4,3,5,2,4,4,5,3,4,4 → 9; Web 2,3,2,3,1 → 0;
        // Data 4,5,4 → 3; Field 4,3,4,5,4,2 → 4. 16 favourable of 26 answers.
        #expect(result.value("survey.item.trust1.favorability") == 16.0 / 26.0)
        // wb1 (W1) answers ≤ 2, by hand: Platform 2,2 → 2; Web 1,2,2,2,1 → 5; Data none; Field 2,2 → 2. 9 of 26.
        #expect(result.value("survey.item.wb1.unfavorability") == 9.0 / 26.0)
        // eNPS, by hand: 25 answers (one blank); promoters (9–10): Platform 10,9,10,9,10 = 5, Data 9,10 = 2,
        // Field 9,10 = 2 → 9; detractors (0–6): Platform 6,4 = 2, Web 3,5,6,2 = 4, Field 6,4 = 2 → 8.
        // 100 × (9 − 8) ÷ 25 = 4.
        #expect(result.value("survey.enps") == 4)
        // Nothing about teams or departments.
        #expect(!result.metrics.contains { $0.scope != .org })
        #expect(!result.signals.contains { $0.scope != .org })
        let overview = result.sections.first.map { section in
            section.blocks.compactMap { block -> String? in if case .text(let text) = block { return text } else { return nil } }
                .joined()
        } ?? ""
        #expect(overview.contains("carries no team information"))
        // The same figures as the plain export's organization figures.
        let plain = try await SurveyFixture.analyze()
        for id in ["survey.item.trust2.favorability", "survey.engagement", "survey.dimension.trust.favorability"] {
            #expect(result.value(id) == plain.value(id))
        }
    }

    @Test("groupColumn: none with teamItemDetail: on is a clear error")
    func organizationOnlyWithTeamDetail() async throws {
        await #expect(throws: AnalyzerError.self) {
            _ = try await SurveyFixture.analyze(responses: Self.anonymousCSV(), definition: Self.organizationOnly,
                                                options: ["teamItemDetail": .string("on")])
        }
        do {
            _ = try await SurveyFixture.analyze(responses: Self.anonymousCSV(), definition: Self.organizationOnly,
                                                options: ["teamItemDetail": .string("on")])
        } catch let error as AnalyzerError {
            #expect(error.message.contains("groupColumn: none"))
            #expect(error.source == "survey.yml")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// The plain export with some answers replaced by non-answers, and the same with blanks.
    static func withNonAnswers(_ replacements: [(row: Int, column: Int, text: String)]) -> (coded: String, blank: String) {
        var coded = SurveyFixture.plainCSV().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var blank = coded
        for replacement in replacements {
            coded[replacement.row + 1][replacement.column] = replacement.text
            blank[replacement.row + 1][replacement.column] = ""
        }
        func text(_ rows: [[String]]) -> String { rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n" }
        return (text(coded), text(blank))
    }

    @Test("answers declared under missing: are left out without a warning and counted; per-item missing: replaces the survey's")
    func declaredMissing() async throws {
        // Columns: team 0, T1 1, T2 2, T3 3, W1 4, E1 5, E2 6, enps 7. W1 declares its own list (NA only).
        let (coded, blank) = Self.withNonAnswers([
            (0, 1, "Don't know"), (3, 2, "-1"), (5, 3, "prefer not to say"), (7, 4, "NA"), (13, 7, "Don't know"),
        ])
        let definition = SurveyFixture.definition(extra: "missing: [\"Don't know\", \"Prefer not to say\", -1]\n")
            .replacingOccurrences(of: "{id: wb1, column: W1,", with: "{id: wb1, missing: [NA], column: W1,")
        let result = try await SurveyFixture.analyze(responses: coded, definition: definition)
        let expected = try await SurveyFixture.analyze(responses: blank)
        func figures(_ result: AnalyzerResult) -> [String: Double] {
            Dictionary(result.metrics.map { ("\($0.id)|\($0.scope.id)", $0.value ?? .nan) }, uniquingKeysWith: { first, _ in first })
        }
        #expect(figures(result) == figures(expected))
        #expect(!result.diagnostics.contains { $0.severity == .warning })
        let note = try #require(result.diagnostics.first { $0.message.contains("declared missing") })
        #expect(note.message.hasPrefix("5 answers declared missing"))
        // W1's own list replaces the survey's: "Don't know" there is not missing, so it is reported.
        let (unlisted, _) = Self.withNonAnswers([(7, 4, "Don't know")])
        let warned = try await SurveyFixture.analyze(responses: unlisted, definition: definition)
        #expect(warned.diagnostics.contains { $0.severity == .warning && $0.message.contains("column 'W1'") })
    }

    @Test("a missing: value that is also a label or a scale point is a configuration error")
    func missingConflicts() async throws {
        for entry in ["\"Agree\"", "3"] {
            let definition = SurveyFixture.definition(extra: "missing: [\(entry)]\n")
            await #expect(throws: AnalyzerError.self) { _ = try await SurveyFixture.analyze(definition: definition) }
        }
    }

    @Test("a comment that is only a placeholder is not a comment; commentPlaceholders: extends the list")
    func placeholderComments() async throws {
        // Column 8 is the comment. The fixture has 4 real comments (Platform 3, Web 1).
        let (coded, _) = Self.withNonAnswers([
            (1, 8, "NA"), (2, 8, "n/a"), (4, 8, "None."), (6, 8, " - "), (8, 8, "No comment"), (16, 8, "see above"),
        ])
        let result = try await SurveyFixture.analyze(responses: coded)
        // "see above" is not a built-in placeholder: 4 + 1 = 5 commenters.
        #expect(result.value("survey.comments") == 5)
        let note = try #require(result.diagnostics.first { $0.message.contains("only a placeholder") })
        #expect(note.message.hasPrefix("5 comments were"))
        let extended = try await SurveyFixture.analyze(
            responses: coded, definition: SurveyFixture.definition(extra: "commentPlaceholders: [\"see above\"]\n"))
        #expect(extended.value("survey.comments") == 4)
    }

    @Test("the placeholder list: trailing full stops and case are ignored, real short comments are kept")
    func placeholderList() {
        let placeholders = CommentPlaceholders()
        func check(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { placeholders.contains($0) }
        }
        for text in ["NA", "n/a", "N/A.", "None!", "-", "–", ".", "nothing", "No", "no comment", "Nothing to add."] {
            #expect(check(text), "\(text) is a placeholder")
        }
        for text in ["No career path", "Nope, too much overtime", "OK", "Pay"] {
            #expect(!check(text), "\(text) is a comment")
        }
    }

    @Test("an ASCII comment's placeholder key, worked out on its bytes, is the String key")
    func asciiPlaceholderKey() {
        // Edge cases of trimming (every ASCII whitespace byte, CR LF), lowercasing and the
        // trailing full stops and exclamation marks, against the String-based key.
        let texts = [
            "NA", " n/a. ", "\tNone!\r\n", ".", "..", "...", "!", " . ", "No comment!!.", "\u{0B}-\u{0C}", "x.\r\n.",
            "Nothing To Add . ", "a\r\n.", ".\r\n.", "", "   ", "ZZ top", "@[`{", "n. a",
        ]
        for text in texts {
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer(CommentPlaceholders.asciiKey)
            #expect(fromBytes == CommentPlaceholders.key(text), "\(text.debugDescription)")
        }
        #expect(Array("café".utf8).withUnsafeBufferPointer(CommentPlaceholders.asciiKey) == nil)
    }
}
