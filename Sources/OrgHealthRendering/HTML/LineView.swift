import LibXML
import OrgHealthKit

/// The "by reporting line" view: each manager's whole line — everyone below them, directly or
/// not (`line:<employee_id>`) — as one group, with the organization as the baseline row and the
/// health index and dimension scores as columns, like the heatmap.
///
/// In a manager's edition there is one line, theirs: it stands open, beside their department
/// (when the edition has its figures) and the organization. In HR's edition every reportable
/// line is listed, largest first, in a collapsed `<details>` within the page's budget. Absent
/// when the report has no line scopes (the organization edition removes them).
struct LineView {
    let report: HealthReport

    /// The line scopes, largest first, then by scope.
    var lines: [ScopeHealth] {
        report.scopes.filter { $0.scope.kind == .line }.sorted {
            $0.headcount != $1.headcount ? $0.headcount > $1.headcount : $0.scope < $1.scope
        }
    }

    func render(into main: HTMLNode) {
        let lines = self.lines
        guard !lines.isEmpty else { return }
        let section = main.element("section", [("id", "by-line"), ("aria-labelledby", "by-line-heading")])
        section.element("h2", [("id", "by-line-heading")], text: lines.count == 1 ? "Your whole line" : "By reporting line")
        let minimum = report.methodology.privacy.minGroupSize
        section.element("p", [("class", "muted")],
                        text: "A manager's whole line is everyone below them, directly or not, as one group; n is its headcount. "
                            + "Cells marked suppressed are withheld because fewer than \(minimum) people have the figure, or because "
                            + "the line differs from a group nested with it (the organization, a department, a team, the direct "
                            + "reports of someone in it, another line) by fewer than \(minimum) people, which would give that small "
                            + "group away. The culture survey gives line figures only when its export names people.")
        let dimensions = report.summary.dimensions.map(\.dimension)
        let heatmap = HeatmapView(report: report)
        let baseline = heatmap.organizationBaseline
        guard lines.count > 1 else {
            // One manager's edition: their line, then their department (the only one it holds).
            let departments = report.scopes.filter { $0.scope.kind == .department }
            let departmentRows = departments.count == 1 ? departments : []
            heatmap.table(section, caption: "\(lines[0].name): the whole line beside \(departmentRows.isEmpty ? "" : "the department and ")the organization",
                          baseline: baseline, rows: lines + departmentRows, dimensions: dimensions)
            return
        }
        let details = section.element("details", [("class", "more-lines")])
        details.element("summary", text: "\(lines.count) reporting lines, largest first")
        let shown = Array(lines.prefix(HTMLBudget.heatmapTeamRows))
        heatmap.table(details, caption: "Reporting lines, largest first", baseline: baseline, rows: shown, dimensions: dimensions)
        HTMLBudget.leftOut(details, shown: shown.count, of: lines.count, what: "reporting lines",
                           whereItIs: "the XML report (scope elements of kind line) and the CSV")
    }
}
