import Foundation
import OrgHealthKit
import Testing
@testable import CultureSurveyAnalyzer

/// The same responses saved the ways spreadsheets save them give the same figures.
@Suite("Culture survey: the same export with another delimiter or encoding")
struct SurveyDelimiterTests {
    /// Excel's "CSV (semicolon)" as a German/French locale writes it: `;` between fields (the
    /// Windows list separator where the decimal symbol is a comma — Microsoft's regional
    /// settings, Control Panel > Region > Additional settings > List separator), CRLF line ends,
    /// only fields holding `;` or quotes quoted (so "Great team, but …" stays bare).
    static func semicolonCSV() -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = ["team;T1;T2;T3;W1;E1;E2;enps;comment"]
        for row in SurveyFixture.rows {
            lines.append(([row.team] + row.answers.map { $0.map(String.init) ?? "" }
                          + [row.enps.map(String.init) ?? "", field(row.comment)]).joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Every figure, as text, in a stable order.
    static func figures(_ result: AnalyzerResult) -> [String] {
        result.metrics.map { "\($0.id) \($0.scope) \($0.value.map { String($0) } ?? "-") n=\($0.n)" }.sorted()
    }

    @Test func semicolonExportGivesTheSameFiguresAsTheCommaOne() async throws {
        let comma = try await SurveyFixture.analyze(responses: SurveyFixture.plainCSV())
        let semicolon = try await SurveyFixture.analyze(responses: Self.semicolonCSV())
        #expect(!Self.figures(comma).isEmpty)
        #expect(Self.figures(semicolon) == Self.figures(comma))
        // The fixture has 26 responses (12 Platform, 5 Web, 3 Data, 6 Field); every one is read.
        #expect(semicolon.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    /// Headers with a no-break space and other case (Survey tools paste question text with
    /// U+00A0; Excel keeps it) still find the definition's `team` and `T1` … columns.
    @Test func headersWithNoBreakSpacesAndOtherCaseMatch() async throws {
        let plain = SurveyFixture.plainCSV()
        let header = "\u{00A0}Team\u{00A0},t1,T2 ,T3,W1,E1,E2,ENPS,Comment"
        let respaced = header + "\n" + plain.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            .joined(separator: "\n")
        let comma = try await SurveyFixture.analyze(responses: plain)
        let odd = try await SurveyFixture.analyze(responses: respaced)
        #expect(Self.figures(odd) == Self.figures(comma))
    }
}
