import LibXML
import OrgHealthKit

/// The team × dimension heatmap. Every cell carries its number and band as text, so colour
/// is never the only signal; withheld cells say "suppressed". Large organizations get the
/// department heatmap plus the teams on the watchlist, so the page stays readable.
struct HeatmapView {
    let report: HealthReport

    static let maxTeamsShown = 60

    func render(into main: HTMLNode) {
        let section = main.element("section", [("id", "heatmap"), ("aria-labelledby", "heatmap-heading")])
        section.element("h2", [("id", "heatmap-heading")], text: "Heatmap")
        let dimensions = report.summary.dimensions.map(\.dimension)
        let teams = report.scopes.filter { $0.scope.kind == .team }
        let departments = report.scopes.filter { $0.scope.kind == .department }
        if teams.count <= Self.maxTeamsShown {
            section.element("p", [("class", "muted")],
                            text: "Dimension scores by team: 0–100 health scores, not survey % favorable. "
                                + "Hatched cells are withheld to protect small groups; a cell's title lists its measures.")
            table(section, caption: "Teams by dimension", rows: teams, dimensions: dimensions)
        } else {
            section.element("p", [("class", "muted")],
                            text: "\(teams.count) teams: the heatmap shows departments, then the teams on the watchlist. "
                                + "The XML report carries every scope.")
            table(section, caption: "Departments by dimension", rows: departments, dimensions: dimensions)
            let watched = Set(report.watchlist.map(\.scope))
            table(section, caption: "Teams that need attention",
                  rows: teams.filter { watched.contains($0.scope) }.prefix(Self.maxTeamsShown).map { $0 }, dimensions: dimensions)
        }
    }

    private func table(_ parent: HTMLNode, caption: String, rows: [ScopeHealth], dimensions: [HealthDimension]) {
        let table = parent.element("table", [("class", "heatmap")])
        table.element("caption", text: caption)
        let head = table.element("thead").element("tr")
        head.element("th", [("scope", "col")], text: "Scope")
        head.element("th", [("scope", "col")], text: "Index score")
        for dimension in dimensions { head.element("th", [("scope", "col")], text: "\(dimension.displayName) score") }
        let body = table.element("tbody")
        for scope in rows {
            let row = body.element("tr")
            let label = scope.parent.map { "\(scope.name) (\($0.name))" } ?? scope.name
            row.element("th", [("scope", "row")], text: scope.scope.kind == .team ? label : scope.name)
            cell(row, scope.healthIndex, suppressed: false)
            for dimension in dimensions {
                let score = scope.dimensions.first { $0.dimension == dimension }
                cell(row, score?.score, suppressed: score?.suppressed ?? false, sources: score?.sources ?? [])
            }
        }
    }

    private func cell(_ row: HTMLNode, _ score: Double?, suppressed: Bool, sources: [DimensionSource] = []) {
        if suppressed {
            row.element("td", [("class", "cell-suppressed")], text: "suppressed")
        } else if let score {
            let band = HealthBand(score: score)
            let title = sources.isEmpty ? band.label : "\(band.label); score from \(CoverageView.sourcesText(sources))"
            let cell = row.element("td", [("class", "band-\(band.rawValue)"), ("title", title)])
            cell.text(DisplayFormat.score(score))
        } else {
            row.element("td", [("class", "cell-empty")], text: "–")
        }
    }
}
