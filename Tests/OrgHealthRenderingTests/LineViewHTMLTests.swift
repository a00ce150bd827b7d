import Foundation
import LibXML
import OrgHealthKit
import OrgHealthRendering
import Testing

/// The "by reporting line" view on the hostile fixture with line scopes planted after the gate
/// (the renderer is pure: what it draws depends only on the report value).
@Suite("HTML: reporting lines")
struct LineViewHTMLTests {
    static func line(_ id: String, _ name: String, headcount: Int, index: Double?) -> ScopeHealth {
        ScopeHealth(scope: .line(id), name: name, parent: nil, headcount: headcount, healthIndex: index, dimensions: [
            DimensionScore(dimension: HealthDimension("execution"), score: index, n: headcount, suppressed: index == nil),
            DimensionScore(dimension: HealthDimension("trust"), score: index, n: headcount, suppressed: index == nil),
        ])
    }

    static func section(_ report: HealthReport) throws -> ParsedNode? {
        let root = try #require(try HardenedParser.parseHTML(try HTMLRenderer().render(report)).root)
        return root.descendants(named: "section").first { $0.attribute("id") == "by-line" }
    }

    /// The body rows of a section's table: each row's cells' text.
    static func rows(_ section: ParsedNode) -> [[String]] {
        section.descendants(named: "tbody").flatMap { $0.descendants(named: "tr") }.map { row in
            row.children.filter { ["th", "td"].contains($0.name) }.map { $0.textContent.trimmingCharacters(in: .whitespaces) }
        }
    }

    @Test("no line scope (the organization edition): no section")
    func absent() throws {
        let report = try ReportFixtures.hostileReport()
        #expect(try Self.section(report) == nil)
        let root = try #require(try HardenedParser.parseHTML(try HTMLRenderer().render(report)).root)
        #expect(!root.descendants(named: "a").contains { $0.attribute("href") == "#by-line" })
    }

    @Test("one line (a manager's edition): open, the line's row with its n and index after the organization's")
    func managersOwnLine() throws {
        var report = try ReportFixtures.hostileReport()
        report.scopes.append(Self.line("E011", "Dana Line (E011)", headcount: 14, index: 61))
        let section = try #require(try Self.section(report))
        #expect(section.descendants(named: "h2").first?.textContent == "Your whole line")
        let root = try #require(try HardenedParser.parseHTML(try HTMLRenderer().render(report)).root)
        let links = root.descendants(named: "nav").flatMap { $0.descendants(named: "a") }
        #expect(links.contains { $0.attribute("href") == "#by-line" && $0.textContent == "Your whole line" })
        #expect(section.descendants(named: "details").isEmpty)
        let rows = Self.rows(section)
        // The fixture's organization: 33 people, index 68.5 (shown rounded: 69, as the heatmap does).
        let line = try #require(rows.first { $0.first?.contains("Dana Line (E011)") == true })
        #expect(line.dropFirst().first == "14")
        #expect(line.contains("61"))
        // The fixture holds three departments, so none is "the manager's": no department row.
        #expect(!rows.contains { $0.first?.contains("Engineering") == true })
    }

    @Test("several lines (HR's edition): collapsed, largest first, a withheld line's cells say suppressed")
    func hrLines() throws {
        var report = try ReportFixtures.hostileReport()
        report.scopes += [
            Self.line("E002", "Small Line (E002)", headcount: 9, index: nil),
            Self.line("E001", "Top Line (E001)", headcount: 30, index: 70),
        ]
        let section = try #require(try Self.section(report))
        #expect(section.descendants(named: "h2").first?.textContent == "By reporting line")
        let details = try #require(section.descendants(named: "details").first)
        #expect(details.descendants(named: "summary").first?.textContent == "2 reporting lines, largest first")
        let names = Self.rows(section).compactMap(\.first).filter { $0.contains("Line (") }
        #expect(names.count == 2)
        #expect(names.first?.contains("Top Line") == true)
        let small = try #require(Self.rows(section).first { $0.first?.contains("Small Line") == true })
        #expect(small.contains { $0.contains("suppressed") })
    }
}
