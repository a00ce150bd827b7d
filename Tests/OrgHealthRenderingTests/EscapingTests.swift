import Foundation
import LibXML
import OrgHealthKit
import OrgHealthRendering
import Testing

@Suite("Hostile names are data")
struct EscapingTests {
    @Test("HTML: names come out escaped; no script element, no event handler, title intact")
    func html() async throws {
        let report = try ReportFixtures.hostileReport()
        let bytes = try HTMLRenderer().render(report)
        let html = String(decoding: bytes, as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        let document = try HardenedParser.parseHTML(bytes)
        let root = try #require(document.root)
        #expect(root.descendants(named: "script").isEmpty)
        #expect(root.descendants(named: "img").isEmpty)
        let all = [root] + root.descendants(named: "*")
        #expect(!all.contains { node in node.attributes.keys.contains { $0.hasPrefix("on") } })
        let title = try #require(root.descendants(named: "title").first)
        #expect(title.textContent == #"Acme & <Sons> "Ltd" — organizational health 2026-Q3"#)
        // The hostile team name appears as text, exactly.
        #expect(root.textContent.contains(ReportFixtures.hostileTeam))
    }

    @Test("HTML: the Content-Security-Policy forbids scripts and fetches")
    func csp() async throws {
        let report = try ReportFixtures.hostileReport()
        let document = try HardenedParser.parseHTML(try HTMLRenderer().render(report))
        let metas = try #require(document.root).descendants(named: "meta")
        let policy = metas.first { $0.attribute("http-equiv") == "Content-Security-Policy" }?.attribute("content")
        #expect(policy?.contains("default-src 'none'") == true)
        #expect(policy?.contains("script-src") == false)
    }

    @Test("XML: names round-trip exactly and the document is well-formed")
    func xml() async throws {
        let report = try ReportFixtures.hostileReport()
        let document = try HardenedParser.parseXML(try XMLRenderer().render(report))
        let root = try #require(document.root)
        #expect(root.attribute("organization") == #"Acme & <Sons> "Ltd""#)
        let names = root.descendants(named: "scope").compactMap { $0.attribute("name") }
        #expect(names.contains(ReportFixtures.hostileTeam))
        #expect(names.contains("R&D <Labs>"))
    }

    @Test("JSON: names are strings, decodable back to the same report")
    func json() async throws {
        let report = try ReportFixtures.hostileReport()
        let decoded = try JSONDecoder().decode(HealthReport.self, from: Data(try JSONRenderer().render(report)))
        #expect(decoded == report)
    }
}
