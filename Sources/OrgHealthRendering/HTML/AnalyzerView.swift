import LibXML
import OrgHealthKit

/// One analyzer's part of the page: its status, findings, sections (text, tables, charts),
/// organization-level figures and data-quality notes — all from the generic result model.
struct AnalyzerView {
    let run: AnalyzerRun
    let names: ScopeNames
    /// Ranks the findings (severity, then evidence strength) as the summary does.
    let priorities: Priorities

    static let maxDiagnosticsShown = 200
    static let findingsShownOpen = 5
    static let maxTableRowsShown = 60

    func render(into main: HTMLNode) {
        let id = "analyzer-\(anchor(run.descriptor.id))"
        let section = main.element("section", [("id", id), ("class", "analyzer"), ("aria-labelledby", "\(id)-heading")])
        let heading = section.element("h2", [("id", "\(id)-heading")], text: run.descriptor.name)
        heading.element("span", [("class", "status status-\(run.status.rawValue)")], text: run.status.rawValue)
        section.element("p", [("class", "muted")],
                        text: "\(run.descriptor.summary) Version \(run.descriptor.version), \(run.origin).")
        if let message = run.message {
            let note = section.element("p")
            note.element("strong", text: run.status == .failed ? "The analyzer failed: " : "Not run: ")
            note.text(message)
        }
        guard run.status == .ok else { return }
        let result = run.result
        if !result.findings.isEmpty {
            section.element("h3", text: "Findings")
            let ranked = priorities.rank(result.findings)
            for finding in ranked.prefix(Self.findingsShownOpen) { renderFinding(finding, into: section, names: names) }
            if ranked.count > Self.findingsShownOpen {
                let details = section.element("details", [("class", "more-findings")])
                details.element("summary", text: "\(ranked.count - Self.findingsShownOpen) more findings, by rank")
                let more = ranked.dropFirst(Self.findingsShownOpen).prefix(HTMLBudget.moreEntries)
                for finding in more { renderFinding(finding, into: details, names: names) }
                HTMLBudget.leftOut(details, shown: more.count, of: ranked.count - Self.findingsShownOpen, what: "more findings",
                                   whereItIs: "the XML report (this analyzer's finding elements)")
            }
        }
        let changes = TableChangeColumn(metrics: result.metrics, tables: result.sections.flatMap { part in
            part.blocks.compactMap { block -> ReportTable? in
                if case .table(let table) = block { return table }
                return nil
            }
        })
        for part in result.sections {
            section.element("h3", text: part.title)
            for block in part.blocks {
                switch block {
                case .text(let text): section.element("p", text: text)
                case .table(let table): render(changes.adding(to: table), into: section)
                case .chart(let chart): SVGChart(chart: chart).draw(into: section)
                }
            }
        }
        let orgMetrics = result.metrics.filter { $0.scope == .org }
        if !orgMetrics.isEmpty {
            section.element("h3", text: "Organization-wide figures")
            render(ReportTable(
                caption: "Figures for the whole organization (definitions under Methodology)",
                columns: ["Metric", "Value", "n", "Change"],
                rows: orgMetrics.map { metric in
                    ReportTable.Row([
                        metric.id,
                        metric.suppressed == nil ? DisplayFormat.value(metric.value, unit: metric.unit) : "suppressed",
                        String(metric.n),
                        metric.trend.map { change in
                            let shown = metric.unit == .ratio ? change * 100 : change
                            let text = TrendText.describe(shown, significant: metric.significant, previous: nil)
                            return metric.unit == .ratio ? text.replacingOccurrences(of: " vs", with: " pts vs") : text
                        } ?? "—",
                    ])
                }), into: section, numericFrom: 1, limit: nil)
        }
        if !result.diagnostics.isEmpty {
            let details = section.element("details")
            details.element("summary", text: "\(result.diagnostics.count) data-quality notes")
            DiagnosticList(diagnostics: result.diagnostics, limit: Self.maxDiagnosticsShown).render(into: details)
        }
    }

    /// Draws a table; `limit` caps long per-scope tables (nil: every row, as for the
    /// organization's own figures, which people need whole).
    private func render(_ table: ReportTable, into parent: HTMLNode, numericFrom: Int = 1, limit: Int? = AnalyzerView.maxTableRowsShown) {
        let limit = limit ?? table.rows.count
        let node = parent.element("table")
        if let caption = table.caption { node.element("caption", text: caption) }
        let head = node.element("thead").element("tr")
        for (index, column) in table.columns.enumerated() {
            head.element("th", index >= numericFrom ? [("scope", "col"), ("class", "num")] : [("scope", "col")], text: column)
        }
        let body = node.element("tbody")
        for row in table.rows.prefix(limit) {
            let tr = body.element("tr")
            for (index, cell) in row.cells.enumerated() {
                if index == 0 {
                    tr.element("th", [("scope", "row")], text: cell)
                } else {
                    tr.element("td", [("class", row.suppressed != nil ? "num muted" : "num")], text: cell)
                }
            }
        }
        if table.rows.count > limit {
            parent.element("p", [("class", "muted")],
                           text: "Showing \(limit) of \(table.rows.count) rows; the XML and JSON reports carry them all.")
        }
    }
}

/// A list of diagnostics as `file:line — message`.
struct DiagnosticList {
    let diagnostics: [Diagnostic]
    let limit: Int

    func render(into parent: HTMLNode) {
        let list = parent.element("ul", [("class", "diagnostics")])
        for diagnostic in diagnostics.prefix(limit) {
            let item = list.element("li")
            item.element("span", [("class", "sev-label")], text: diagnostic.severity.rawValue)
            var location = ""
            if let source = diagnostic.source { location = source + (diagnostic.line.map { ":\($0)" } ?? "") }
            item.text(location.isEmpty ? " \(diagnostic.message)" : " \(location) — \(diagnostic.message)")
        }
        if diagnostics.count > limit {
            parent.element("p", [("class", "muted")], text: "\(diagnostics.count - limit) more in the XML report.")
        }
    }
}
