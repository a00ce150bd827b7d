import Foundation
import LibXML
import OrgHealthEngine
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

    @Test("a roster team named with U+202E appears in the HTML without it")
    func report() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bidi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let team = "Sales\u{202E}0.09"
        var csv = "employee_id,name,manager_id,team\nE1,Chief,,Leadership\nE2,\"Ann \u{202E}nnA\",E1,\"\(team)\"\n"
        for index in 3...10 { csv += "E\(index),Person \(index),E2,\"\(team)\"\n" }
        let roster = folder.appendingPathComponent("roster.csv")
        try csv.write(to: roster, atomically: true, encoding: .utf8)
        let configuration = Configuration(organization: "Acme\u{202E}", period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster)
        let report = try await ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 1_790_000_000)).run(configuration)
        let html = String(decoding: try HTMLRenderer().render(report), as: UTF8.self)
        #expect(!html.unicodeScalars.contains("\u{202E}"))
        #expect(html.contains("Sales0.09"))
        // The machine-readable report keeps the name as the roster has it.
        #expect(report.scopes.contains { $0.scope == .team(team) })
    }
}
