import LibXML
import OrgHealthKit

/// The department and team × dimension heatmap. The organization comes first as the baseline
/// row, every row gives its n (headcount), and a significant change since the previous period
/// is marked ▲ or ▼ beside the score. Every team is listed — grouped by department, each
/// department a `<details>` (no script), open when one of its teams is on the watchlist
/// — in the configured order. Every cell carries its number and band as text, so colour is
/// never the only signal; withheld cells say "suppressed". Past the page's budget
/// (``HTMLBudget``: 250 departments, 1,000 team rows) each department shows its first teams in
/// that order and a sentence says how many more are in the XML and CSV reports.
struct HeatmapView {
    let report: HealthReport
    var order: HeatmapOrder = .worstFirst

    func render(into main: HTMLNode) {
        let section = main.element("section", [("id", "heatmap"), ("aria-labelledby", "heatmap-heading")])
        section.element("h2", [("id", "heatmap-heading")], text: "Heatmap")
        let dimensions = report.summary.dimensions.map(\.dimension)
        // Positions in `report.scopes`, not copies of the rows: at 10^6 people the teams were
        // copied three times over (filtered, grouped, sorted), 36 MB at the report's peak while it
        // was written (issue 16). Only the rows shown are taken out.
        let scopes = report.scopes
        let teams = scopes.indices.filter { scopes[$0].scope.kind == .team }
        let departments = sorted(scopes.indices.filter { scopes[$0].scope.kind == .department })
        let orderText = order == .worstFirst ? "lowest health index first" : "alphabetically"
        let changeText = report.summary.previousPeriod.map { " ▲ or ▼ marks a significant change since \($0)." } ?? ""
        let overBudget = teams.count > HTMLBudget.heatmapTeamRows || departments.count > HTMLBudget.heatmapDepartments
        let coverage = overBudget
            ? "every department and the first teams of each (\(teams.count) teams in all; the page has a fixed budget)"
            : "every department and all \(teams.count) teams"
        section.element("p", [("class", "muted")],
                        text: "Dimension scores (0–100 health scores, not survey % favorable; a cell's title lists its measures) of the organization, \(coverage), "
                            + "ordered \(orderText); n is the headcount.\(changeText) Hatched cells are withheld to protect "
                            + "small groups. Open a department to see its teams.")
        let baseline = organizationBaseline
        table(section, caption: "Organization and departments by dimension", baseline: baseline,
              rows: departments.prefix(HTMLBudget.heatmapDepartments).map { scopes[$0] }, dimensions: dimensions)
        HTMLBudget.leftOut(section, shown: min(departments.count, HTMLBudget.heatmapDepartments), of: departments.count,
                           what: "departments", whereItIs: "the XML report (scope elements of kind department) and the CSV")
        let watched = Set(report.watchlist.map(\.scope))
        var grouped: [Scope: [Int]] = [:]
        var loose: [Int] = []
        for team in teams {
            if let parent = scopes[team].parent, parent.kind == .department { grouped[parent, default: []].append(team) } else { loose.append(team) }
        }
        let departmentScopes = Set(departments.map { scopes[$0].scope })
        let groups = departments.map { (scopes[$0].name, Optional(scopes[$0]), sorted(grouped[scopes[$0].scope] ?? [])) }
            + grouped.keys.filter { !departmentScopes.contains($0) }.sorted()
                .map { ($0.name, ScopeHealth?.none, sorted(grouped[$0] ?? [])) }
            + (loose.isEmpty ? [] : [("Teams without a department", ScopeHealth?.none, sorted(loose))])
        let shownGroups = groups.filter { !$0.2.isEmpty }
        // Team rows shared out evenly over the departments shown, when there are more than the budget.
        let teamsPerGroup = teams.count <= HTMLBudget.heatmapTeamRows ? Int.max
            : max(HTMLBudget.heatmapTeamsPerDepartmentAtLeast,
                  HTMLBudget.heatmapTeamRows / max(1, min(shownGroups.count, HTMLBudget.heatmapDepartments)))
        for (name, department, members) in shownGroups.prefix(HTMLBudget.heatmapDepartments) {
            let onWatchlist = members.lazy.filter { watched.contains(scopes[$0].scope) }.count
            var attributes = [("class", "heatmap-department")]
            if onWatchlist > 0 { attributes.append(("open", "open")) }
            let details = section.element("details", attributes)
            let index = department.map { " · index \(DisplayFormat.score($0.healthIndex))" } ?? ""
            let flag = onWatchlist > 0 ? " · on the watchlist: \(onWatchlist)" : ""
            details.element("summary", text: "\(name) — \(members.count) \(members.count == 1 ? "team" : "teams")\(index)\(flag)")
            let shown = members.prefix(teamsPerGroup).map { scopes[$0] }
            table(details, caption: "Teams of \(name)", baseline: department ?? baseline, rows: shown, dimensions: dimensions)
            HTMLBudget.leftOut(details, shown: shown.count, of: members.count, what: "teams of \(name) (in the order above)",
                               whereItIs: "the XML report (scope elements of kind team) and the CSV")
        }
        if shownGroups.count > HTMLBudget.heatmapDepartments {
            let left = shownGroups.dropFirst(HTMLBudget.heatmapDepartments)
            section.element("p", [("class", "muted budget")],
                            text: "The teams of \(left.count) more departments (\(left.map { $0.2.count }.reduce(0, +)) teams) are left out "
                                + "to keep this page readable; they are in the XML report (scope elements of kind team) and the CSV.")
        }
    }

    /// Positions in `report.scopes`, their rows in the configured order. `sort` is stable, so
    /// rows that compare equal keep their order in the report.
    func sorted(_ positions: [Int]) -> [Int] {
        let worstFirst = order == .worstFirst
        return report.scopes.withUnsafeBufferPointer { rows in
            positions.sorted { a, b in
                let left = rows[a], right = rows[b]
                if worstFirst, left.healthIndex != right.healthIndex {
                    guard let leftIndex = left.healthIndex else { return false }
                    guard let rightIndex = right.healthIndex else { return true }
                    return leftIndex < rightIndex
                }
                return left.name != right.name ? left.name < right.name : left.scope < right.scope
            }
        }
    }

    /// The organization as a heatmap row: the first row of every table, the baseline.
    var organizationBaseline: ScopeHealth {
        ScopeHealth(scope: .org, name: "Organization", parent: nil, headcount: report.summary.headcount,
                    healthIndex: report.summary.healthIndex, dimensions: report.summary.dimensions)
    }

    func table(_ parent: HTMLNode, caption: String, baseline: ScopeHealth, rows: [ScopeHealth], dimensions: [HealthDimension]) {
        let table = parent.element("table", [("class", "heatmap")])
        table.element("caption", text: caption)
        let head = table.element("thead").element("tr")
        head.element("th", [("scope", "col")], text: "Scope")
        head.element("th", [("scope", "col")], text: "n")
        head.element("th", [("scope", "col")], text: "Index score")
        for dimension in dimensions { head.element("th", [("scope", "col")], text: "\(dimension.displayName) score") }
        let body = table.element("tbody")
        row(body, baseline, label: baseline.scope == .org ? "Organization (baseline)" : "\(baseline.name) (department)",
            dimensions: dimensions, baseline: true)
        for scope in rows { row(body, scope, label: scope.name, dimensions: dimensions, baseline: false) }
    }

    private func row(_ body: HTMLNode, _ scope: ScopeHealth, label: String, dimensions: [HealthDimension], baseline: Bool) {
        let row = body.element("tr", baseline ? [("class", "baseline")] : [])
        row.element("th", [("scope", "row")], text: label)
        row.element("td", [("class", "num")], text: String(scope.headcount))
        cell(row, scope.healthIndex, suppressed: false, trend: nil, significant: nil)
        for dimension in dimensions {
            let score = scope.dimensions.first { $0.dimension == dimension }
            cell(row, score?.score, suppressed: score?.suppressed ?? false, trend: score?.trend, significant: score?.significant,
                 sources: score?.sources ?? [])
        }
    }

    private func cell(
        _ row: HTMLNode, _ score: Double?, suppressed: Bool, trend: Double?, significant: Bool?, sources: [DimensionSource] = []
    ) {
        if suppressed {
            row.element("td", [("class", "cell-suppressed")], text: "suppressed")
        } else if let score {
            let band = HealthBand(score: score)
            var title = sources.isEmpty ? band.label : "\(band.label); score from \(CoverageView.sourcesText(sources))"
            var text = DisplayFormat.score(score)
            if significant == true, let trend {
                text += trend > 0 ? " ▲" : " ▼"
                title += ", significant change \(DisplayFormat.change(trend))"
            }
            row.element("td", [("class", "band-\(band.rawValue)"), ("title", title)], text: text)
        } else {
            row.element("td", [("class", "cell-empty")], text: "–")
        }
    }
}
