import Foundation
import LibXML
import OrgHealthKit
import OrgHealthRendering
import Testing

/// The heatmap's structure and order, the ranked watchlist, ranked findings and strengths, on
/// the hostile fixture with figures planted after the gate.
@Suite("HTML: heatmap, watchlist, findings and strengths are prioritised")
struct PrioritiesHTMLTests {
    static func section(_ id: String, _ report: HealthReport, order: HeatmapOrder = .worstFirst) throws -> ParsedNode {
        let document = try HardenedParser.parseHTML(try HTMLRenderer(heatmapOrder: order).render(report))
        let root = try #require(document.root)
        return try #require(root.descendants(named: "section").first { $0.attribute("id") == id })
    }

    static func rowLabels(_ table: ParsedNode) -> [String] {
        table.descendants(named: "tbody").flatMap { $0.descendants(named: "tr") }.map { $0.children.first?.textContent ?? "" }
    }

    @Test("every team is in the heatmap, grouped by department, under an organization baseline row with n")
    func everyTeam() async throws {
        let report = try ReportFixtures.hostileReport()
        let heatmap = try Self.section("heatmap", report)
        let tables = heatmap.descendants(named: "table")
        let first = try #require(tables.first)
        let baseline = try #require(first.descendants(named: "tbody").first?.descendants(named: "tr").first)
        #expect(baseline.children.map(\.textContent).prefix(2) == ["Organization (baseline)", String(report.summary.headcount)])
        let teams = report.scopes.filter { $0.scope.kind == .team }.map(\.name)
        #expect(teams.count == 5)  // Leadership, Platform, Web, the hostile team and Tiny (ReportFixtures)
        let listed = tables.dropFirst().flatMap { Self.rowLabels($0).dropFirst() }
        #expect(listed.sorted() == teams.sorted())
        // Each department's teams sit in their own <details>.
        #expect(heatmap.descendants(named: "details").count == report.scopes.filter { $0.scope.kind == .department }.count)
    }

    @Test("departments come worst first or alphabetically, as configured; significant changes are marked")
    func orderAndMarkers() async throws {
        var report = try ReportFixtures.hostileReport()
        report.summary.previousPeriod = "2026-Q2"
        let planted: [String: Double] = ["Engineering": 50, "Leadership": 40]
        for index in report.scopes.indices where report.scopes[index].scope.kind == .department {
            report.scopes[index].healthIndex = planted[report.scopes[index].name] ?? 70
        }
        let platform = try #require(report.scopes.firstIndex { $0.scope == .team("Platform") })
        let firstDimension = try #require(report.summary.dimensions.first).dimension
        var planted55 = DimensionScore(dimension: firstDimension, score: 55, n: 9, trend: -8)
        planted55.significant = true
        report.scopes[platform].dimensions = [planted55]

        let worstTable = try Self.section("heatmap", report).descendants(named: "table").first
        let worst = Self.rowLabels(try #require(worstTable))
        // By hand: Leadership 40, Engineering 50, the hostile department 70.
        #expect(worst.count == 4)
        #expect(Array(worst.prefix(3)) == ["Organization (baseline)", "Leadership", "Engineering"])
        #expect(worst[3].hasPrefix("R&D"))
        let alphabeticalTable = try Self.section("heatmap", report, order: .alphabetical).descendants(named: "table").first
        let alphabetical = Self.rowLabels(try #require(alphabeticalTable))
        #expect(Array(alphabetical.prefix(3)) == ["Organization (baseline)", "Engineering", "Leadership"])

        let heatmap = try Self.section("heatmap", report)
        let row = try #require(heatmap.descendants(named: "tr").first { $0.children.first?.textContent == "Platform" })
        // Cells: name, n, index, then the first dimension: 55 with a downward marker.
        try #require(row.children.count > 3)
        #expect(row.children[3].textContent == "55 ▼")
        #expect(row.children[3].attribute("title")?.contains("significant change −8.0") == true)
    }

    @Test("the watchlist ranks by points below the organization × headcount; ten shown, the rest collapsed")
    func watchlist() async throws {
        var report = try ReportFixtures.hostileReport()
        report.summary.healthIndex = 70
        for index in report.scopes.indices {
            if report.scopes[index].scope == .team("Platform") { report.scopes[index].headcount = 20 }
            if report.scopes[index].scope == .team("Web") { report.scopes[index].headcount = 5 }
        }
        // By hand: Platform (70 − 65) × 20 = 100; Web (70 − 45) × 5 = 125. Planted T1…T12 are in
        // no scope, so headcount 0 and weight 0: they follow in the engine's order.
        report.watchlist = [WatchlistEntry(scope: .team("Platform"), healthIndex: 65, weakDimensions: [], reason: "planted")]
            + (1...12).map { WatchlistEntry(scope: .team("T\($0)"), healthIndex: 50, weakDimensions: [], reason: "planted") }
            + [WatchlistEntry(scope: .team("Web"), healthIndex: 45, weakDimensions: [], reason: "planted")]
        let summary = try Self.section("summary", report)
        let tables = summary.descendants(named: "table").filter { $0.attribute("class") == "watchlist" }
        #expect(tables.count == 2)
        #expect(Self.rowLabels(tables[0]) == ["Web", "Platform"] + (1...8).map { "T\($0)" })
        #expect(Self.rowLabels(tables[1]) == (9...12).map { "T\($0)" })
        let web = try #require(tables[0].descendants(named: "tr").first { $0.children.first?.textContent == "Web" })
        #expect(web.children.map(\.textContent).prefix(4) == ["Web", "5", "45", "25.0"])
    }

    @Test("findings rank by severity then evidence strength; five open per analyzer, the rest collapsed; strengths apart")
    func findings() async throws {
        var report = try ReportFixtures.hostileReport()
        report.analyzers[0].result.findings = []
        report.crossSourceFindings = []
        report.analyzers[0].result.metrics += [
            Metric(id: "test.big", scope: .org, value: 1, unit: .count, n: 100),
            Metric(id: "test.small", scope: .org, value: 1, unit: .count, n: 10),
        ]
        func finding(_ id: String, _ severity: FindingSeverity, evidence: [String] = []) -> Finding {
            Finding(id: id, severity: severity, scope: .org, title: "Planted \(id)", detail: "", recommendation: "", evidence: evidence)
        }
        report.analyzers[0].result.findings = [
            finding("info", .info), finding("weak", .warning, evidence: ["test.small"]), finding("strong", .warning, evidence: ["test.big"]),
            finding("w3", .warning), finding("w4", .warning), finding("crit", .critical), finding("w5", .warning),
            finding("good", .strength),
        ]
        let summary = try Self.section("summary", report)
        let titles = summary.descendants(named: "span").filter { $0.attribute("class") == "title" }.map(\.textContent)
        // Summary: the top five non-strengths — critical, then warnings by evidence n (100, 10, none in order) — then the strength.
        #expect(titles == ["Planted crit", "Planted strong", "Planted weak", "Planted w3", "Planted w4", "Planted good"])
        let strengths = try #require(summary.descendants(named: "div").first { $0.attribute("id") == "strengths" })
        #expect(strengths.textContent.contains("Planted good"))

        let analyzer = try Self.section("analyzer-\(report.analyzers[0].descriptor.id)", report)
        let collapsed = try #require(analyzer.descendants(named: "details").first { $0.attribute("class") == "more-findings" })
        let hidden = collapsed.descendants(named: "span").filter { $0.attribute("class") == "title" }.map(\.textContent)
        // Eight findings: five open, then w5, info, and the strength last.
        #expect(hidden == ["Planted w5", "Planted info", "Planted good"])
    }
}
