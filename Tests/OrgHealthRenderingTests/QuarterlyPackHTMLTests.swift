import Foundation
import LibXML
import OrgHealthKit
import OrgHealthRendering
import Testing

/// The survey headline cards, the movers block, change columns, series colours and wrapped
/// chart labels, on the hostile fixture with figures planted after the gate (the renderer is
/// pure, so what it draws depends only on the report value).
@Suite("HTML: survey headline, movers, change columns, colours, labels")
struct QuarterlyPackHTMLTests {
    static func render(_ report: HealthReport) throws -> ParsedNode {
        let document = try HardenedParser.parseHTML(try HTMLRenderer().render(report))
        return try #require(document.root)
    }

    static func metric(
        _ id: String, _ scope: Scope, _ value: Double, unit: MetricUnit = .ratio, n: Int = 40,
        trend: Double?, significant: Bool?
    ) -> Metric {
        var metric = Metric(id: id, scope: scope, value: value, unit: unit, n: n)
        metric.trend = trend
        metric.significant = significant
        return metric
    }

    @Test("eNPS, engagement and participation are summary cards with their change and its significance")
    func headlineCards() async throws {
        var report = try ReportFixtures.hostileReport()
        report.summary.previousPeriod = "2026-Q2"
        report.analyzers[0].result.metrics += [
            Self.metric("survey.enps", .org, -16.3, unit: .score, n: 179, trend: -6.5, significant: nil),
            Self.metric("survey.engagement", .org, 0.559, n: 181, trend: -0.05, significant: false),
            Self.metric("survey.participation", .org, 0.79, n: 181, trend: 0.125, significant: true),
        ]
        let root = try Self.render(report)
        let summary = try #require(root.descendants(named: "section").first { $0.attribute("id") == "summary" })
        let cards = summary.descendants(named: "div").filter { $0.attribute("class") == "headline-card" }
        #expect(cards.map { $0.attribute("data-metric") } == ["survey.enps", "survey.engagement", "survey.participation"])
        func texts(_ card: ParsedNode) -> [String] { card.children.map(\.textContent) }
        // By hand: −16.3 rounds to −16; −6.5 is not a proportion, so untested.
        #expect(texts(cards[0]) == ["eNPS", "-16", "−6.5 vs 2026-Q2, significance not tested", "n = 179"])
        // 0.559 → 55.9%; −0.05 → −5.0 percentage points.
        #expect(texts(cards[1]) == ["Engagement", "55.9%", "−5.0 pts vs 2026-Q2, not significant", "n = 181"])
        // 0.125 → +12.5 pts, significant: an arrow.
        #expect(texts(cards[2]) == ["Survey participation", "79%", "▲ +12.5 pts vs 2026-Q2, significant", "n = 181"])
    }

    @Test("movers list only significant, reportable changes, largest first; past 15 they wait in a <details>")
    func movers() async throws {
        var report = try ReportFixtures.hostileReport()
        report.summary.previousPeriod = "2026-Q2"
        // Changes of k percentage points for k = 1…17, alternating sign, all significant.
        for k in 1...17 {
            let change = Double(k) / 100 * (k.isMultiple(of: 2) ? -1 : 1)
            report.analyzers[0].result.metrics.append(
                Self.metric("test.share\(k)", .team("Web"), 0.5, trend: change, significant: true))
        }
        // Larger but not significant, and withheld: neither is a mover.
        report.analyzers[0].result.metrics.append(Self.metric("test.untested", .org, 0.5, trend: 0.4, significant: false))
        var withheld = Self.metric("test.withheld", .team("Tiny"), 0.5, trend: 0.5, significant: true)
        withheld.value = nil
        withheld.suppressed = .minGroupSize
        report.analyzers[0].result.metrics.append(withheld)

        let root = try Self.render(report)
        let section = try #require(root.descendants(named: "section").first { $0.attribute("id") == "movers" })
        let tables = section.descendants(named: "table")
        #expect(tables.count == 2)
        let open = tables[0].descendants(named: "tbody").flatMap { $0.descendants(named: "tr") }
        let collapsed = tables[1].descendants(named: "tbody").flatMap { $0.descendants(named: "tr") }
        #expect(open.count == 15)
        #expect(collapsed.count == 2)
        let order = (open + collapsed).map { $0.children.first?.textContent ?? "" }
        #expect(order == (1...17).reversed().map { "test.share\($0)" })
        // k = 17 is odd: +17 pts, from 33% to 50%.
        #expect(open[0].children.map(\.textContent) == ["test.share17", "team Web", "33%", "50%", "▲ +17.0 pts", "40"])
        #expect(!section.textContent.contains("test.untested"))
        #expect(!section.textContent.contains("test.withheld"))
        let details = try #require(section.descendants(named: "details").first)
        #expect(details.attribute("open") == nil)
    }

    @Test("a table tied to metrics with changes gets a change column named after the metric's column")
    func changeColumn() async throws {
        var report = try ReportFixtures.hostileReport()
        report.analyzers[0].result.metrics.append(Self.metric("test.fav", .team("Web"), 0.5, trend: 0.05, significant: true))
        report.analyzers[0].result.sections.append(ReportSection(title: "Planted", blocks: [.table(ReportTable(
            caption: "Planted favorability", columns: ["Team", "Favorable"],
            rows: [ReportTable.Row(["Web", "50%"], ref: DataReference(scope: .team("Web"), metric: "test.fav"))]))]))
        let root = try Self.render(report)
        let table = try #require(root.descendants(named: "table").first {
            $0.descendants(named: "caption").first?.textContent == "Planted favorability"
        })
        #expect(table.descendants(named: "th").map(\.textContent).prefix(3) == ["Team", "Favorable", "Change in Favorable"])
        #expect(table.descendants(named: "td").map(\.textContent) == ["50%", "▲ +5.0 pts *"])
    }

    @Test("favorable is green, neutral grey, unfavorable red-orange, each bar titled in words", arguments: [
        ["Favorable", "Neutral", "Unfavorable"], ["% favorable", "% neutral", "% unfavorable"],
    ])
    func seriesColours(names: [String]) async throws {
        var report = try ReportFixtures.hostileReport()
        let chart = ReportChart(kind: .stackedBar, title: "Planted favorability chart", unit: .ratio, series: [
            .init(name: names[0], points: [.init(label: "Org", value: 0.6)]),
            .init(name: names[1], points: [.init(label: "Org", value: 0.3)]),
            .init(name: names[2], points: [.init(label: "Org", value: 0.1)]),
        ])
        report.analyzers[0].result.sections.append(ReportSection(title: "Planted", blocks: [.chart(chart)]))
        let root = try Self.render(report)
        let figure = try #require(root.descendants(named: "figure").first {
            $0.descendants(named: "figcaption").first?.textContent == "Planted favorability chart"
        })
        let bars = figure.descendants(named: "rect").filter { $0.descendants(named: "title").count == 1 }
        #expect(bars.map { $0.attribute("fill") } == ["#1f7a4d", "#9aa4b1", "#c2410c"])
        #expect(bars.map { $0.descendants(named: "title").first?.textContent } == ["\(names[0]): 60%", "\(names[1]): 30%", "\(names[2]): 10%"])
    }

    @Test("long chart labels are wrapped onto lines, never cut")
    func wrappedLabels() async throws {
        var report = try ReportFixtures.hostileReport()
        let label = "I often feel exhausted at the end of the work week, more than I would like to admit."
        let chart = ReportChart(kind: .bar, title: "Planted driver chart", unit: .correlation, series: [
            .init(name: "Correlation with engagement (r)", points: [.init(label: label, value: 0.67)]),
        ])
        report.analyzers[0].result.sections.append(ReportSection(title: "Planted", blocks: [.chart(chart)]))
        let root = try Self.render(report)
        let figure = try #require(root.descendants(named: "figure").first {
            $0.descendants(named: "figcaption").first?.textContent == "Planted driver chart"
        })
        let labelText = try #require(figure.descendants(named: "text").first { !$0.descendants(named: "tspan").isEmpty })
        let lines = labelText.descendants(named: "tspan").map(\.textContent)
        // 84 characters at about 6 px each in a 180 px column: at least three lines.
        #expect(lines.count >= 3)
        #expect(lines.joined(separator: " ") == label)
        #expect(!figure.textContent.contains("…"))
    }
}
