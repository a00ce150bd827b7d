import Foundation
import LibXML
import OrgHealthKit
import OrgHealthRendering
import Testing

/// Issue 14, row 10: a team name with U+202E (right-to-left override) was written raw into
/// the HTML nine times, so "Sales‮0.09" displayed as "Sales90.0". The HTML builder now removes
/// every bidi control from text and attribute values; XML and JSON keep the data as it was.
@Suite("Bidi controls cannot spoof the HTML")
struct BidiSpoofingTests {
    static let controls: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        "\u{200E}", "\u{200F}", "\u{061C}",
    ]

    @Test("the builder removes every bidi control from text and attributes, and nothing else")
    func builder() throws {
        let builder = try HTMLDocumentBuilder()
        let spoof = "Sales\u{202E}0.09 \u{2066}x\u{2069} \u{200F}\u{061C}عربي"
        builder.body.element("p", [("title", spoof)], text: spoof)
        let html = try builder.serialize()
        #expect(!html.unicodeScalars.contains { Self.controls.contains($0) })
        // By hand: the same strings with the controls taken out; Arabic letters stay.
        #expect(html.contains("<p title=\"Sales0.09 x عربي\">Sales0.09 x عربي</p>"))
    }

    @Test("a team named with U+202E appears in the HTML without it")
    func report() throws {
        // The hand-made report with a team, a person and the organization spelled with U+202E,
        // as the roster reader passes them on (issue 14, row 10).
        var report = try ReportFixtures.hostileReport()
        let team = "Sales\u{202E}0.09"
        report.organization = "Acme\u{202E}"
        report.scopes.append(ScopeHealth(scope: .team(team), name: team, parent: .department("Engineering"), headcount: 9,
                                         healthIndex: 70, dimensions: report.summary.dimensions))
        report.analyzers[0].result.sections.append(ReportSection(title: "Planted", blocks: [.table(ReportTable(
            columns: ["Manager", "Team"], rows: [ReportTable.Row(["Ann \u{202E}nnA", team])]))]))
        let html = String(decoding: try HTMLRenderer().render(report), as: UTF8.self)
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("Sales0.09"))
        #expect(html.contains("Ann nnA"))
        // The machine-readable report keeps the name as given.
        let decoded = try JSONDecoder().decode(HealthReport.self, from: Data(try JSONRenderer().render(report)))
        #expect(decoded.scopes.contains { $0.name == team })
    }
}
