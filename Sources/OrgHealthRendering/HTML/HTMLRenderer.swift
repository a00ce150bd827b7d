import LibXML
import OrgHealthKit

/// Renders the report as one self-contained HTML page: inline CSS and SVG, no script, no
/// external fetch (a Content-Security-Policy forbids both), built as a libxml2 tree so every
/// piece of data is escaped by construction.
public struct HTMLRenderer: ReportRenderer {
    /// How the heatmap orders departments and teams.
    public let heatmapOrder: HeatmapOrder

    /// Creates the renderer.
    public init(heatmapOrder: HeatmapOrder = .worstFirst) { self.heatmapOrder = heatmapOrder }

    public var format: ReportFormat { .html }

    /// The page's Content-Security-Policy: nothing may load or run; only the inline stylesheet applies.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    public func render(_ report: HealthReport) throws -> [UInt8] {
        let document = try HTMLDocumentBuilder(language: "en")
        let head = document.head
        head.element("meta", [("charset", "utf-8")])
        head.element("meta", [("http-equiv", "Content-Security-Policy"), ("content", Self.contentSecurityPolicy)])
        head.element("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        head.element("meta", [("name", "generator"), ("content", report.tool)])
        head.element("title", text: "\(report.organization) — organizational health \(report.period.label)")
        try head.style(HTMLStyles.css + CoverageView.css + PackStyles.css + PackStyles.heatmapCSS + PackStyles.printCSS)

        // Shown only in print, at the top of every page (PackStyles.printCSS); the h1 says it on screen.
        document.body.element("div", [("class", "running-title"), ("aria-hidden", "true")],
                              text: "\(report.organization) · organizational health \(report.period.label)")
        let main = document.body.element("main")
        header(report, main)
        let priorities = Priorities(report: report)
        SummaryView(report: report, priorities: priorities).render(into: main)
        MoversView(report: report, names: priorities.names).render(into: main)
        HeatmapView(report: report, order: heatmapOrder).render(into: main)
        AttributeView(report: report).render(into: main)
        LineView(report: report).render(into: main)
        for run in report.analyzers { AnalyzerView(run: run, names: priorities.names, priorities: priorities).render(into: main) }
        DataQualityView(report: report).render(into: main)
        MethodologyView(report: report).render(into: main)
        let footer = main.element("footer")
        footer.text("Generated \(report.generatedAt) by \(report.tool). Figures for groups smaller than "
            + "\(report.methodology.privacy.minGroupSize) are withheld. This report contains HR data: share it on a need-to-know basis.")
        return Array(try document.serialize().utf8)
    }

    private func header(_ report: HealthReport, _ main: HTMLNode) {
        let header = main.element("header", [("class", "report-header")])
        header.element("h1", text: "\(report.organization): organizational health")
        header.element("p", [("class", "subtitle")],
                       text: "\(report.period.label) · \(report.period.start) to \(report.period.end) · "
                           + "\(report.summary.headcount) people")
        let nav = header.element("nav", [("class", "toc"), ("aria-label", "Contents")])
        nav.element("a", [("href", "#summary")], text: "Summary")
        nav.element("a", [("href", "#movers")], text: "Biggest movers")
        nav.element("a", [("href", "#heatmap")], text: "Heatmap")
        if report.scopes.contains(where: { $0.scope.kind == .attribute }) {
            nav.element("a", [("href", "#by-attribute")], text: "By attribute")
        }
        let lineCount = report.scopes.count { $0.scope.kind == .line }
        if lineCount > 0 {
            nav.element("a", [("href", "#by-line")], text: lineCount == 1 ? "Your whole line" : "By reporting line")
        }
        for run in report.analyzers { nav.element("a", [("href", "#analyzer-\(anchor(run.descriptor.id))")], text: run.descriptor.name) }
        nav.element("a", [("href", "#data-quality")], text: "Data quality")
        nav.element("a", [("href", "#methodology")], text: "Methodology")
    }
}

/// An id fragment made of letters, digits and dashes only.
func anchor(_ text: String) -> String {
    String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
}

/// How a scope is named in prose: "team Platform", "manager Ana Lopez (E0042)".
/// Built once for the page (issue 16: at 10^6 people each index of the 230,000 scopes took a
/// tenth of the HTML), it also gives a scope's headcount.
struct ScopeNames {
    private let scopes: [ScopeHealth]
    /// Each scope's first place in `scopes`.
    private let positions: [Scope: Int]

    init(_ report: HealthReport) {
        scopes = report.scopes
        var positions: [Scope: Int] = [:]
        positions.reserveCapacity(scopes.count)
        for (position, scope) in scopes.enumerated() where positions[scope.scope] == nil { positions[scope.scope] = position }
        self.positions = positions
    }

    /// The scope's headcount in the report; 0 when the report has no such scope.
    func headcount(of scope: Scope) -> Int {
        positions[scope].map { scopes[$0].headcount } ?? 0
    }

    func describe(_ scope: Scope) -> String {
        switch scope {
        case .org: return "whole organization"
        case .attribute(let name, let value): return "people with \(name) \(value)"
        default: return "\(scope.kind.rawValue) \(positions[scope].map { scopes[$0].name } ?? scope.name)"
        }
    }
}

/// Draws a finding as a callout.
func renderFinding(_ finding: Finding, into parent: HTMLNode, names: ScopeNames, crossSource: Bool = false) {
    let box = parent.element("div", [("class", "finding sev-\(finding.severity.rawValue)")])
    let line = box.element("p")
    line.element("span", [("class", "sev")], text: finding.severity.rawValue)
    if crossSource { line.element("span", [("class", "cross")], text: "cross-source") }
    line.text(" ")
    line.element("span", [("class", "title")], text: finding.title)
    line.text(" — \(names.describe(finding.scope))")
    if !finding.detail.isEmpty { box.element("p", text: finding.detail) }
    if !finding.recommendation.isEmpty {
        let recommendation = box.element("p")
        recommendation.element("strong", text: "Recommendation: ")
        recommendation.text(finding.recommendation)
    }
}
