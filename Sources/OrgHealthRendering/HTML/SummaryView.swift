import LibXML
import OrgHealthKit

/// The executive summary: health index, the dimension scores with band and trend, the
/// watchlist and the top five findings — meant to fit the first screen.
struct SummaryView {
    let report: HealthReport

    func render(into main: HTMLNode) {
        let section = main.element("section", [("id", "summary"), ("aria-labelledby", "summary-heading")])
        section.element("h2", [("id", "summary-heading")], text: "Executive summary")
        let grid = section.element("div", [("class", "summary-grid")])
        let index = report.summary.healthIndex
        let card = grid.element("div", [("class", "index-card \(DisplayFormat.bandClass(index))")])
        card.element("div", [("class", "label")], text: "Health index")
        card.element("div", [("class", "big")], text: DisplayFormat.score(index))
        card.element("div", [("class", "band-text")], text: index.map { HealthBand(score: $0).label } ?? "No data")
        if let trend = report.summary.healthIndexTrend {
            card.element("div", [("class", "trend")],
                         text: TrendText.describe(trend, significant: nil, previous: report.summary.previousPeriod))
        }
        Sparkline(points: report.summary.healthIndexHistory).draw(into: card)

        let cards = grid.element("div", [("class", "dimension-cards")])
        for score in report.summary.dimensions {
            let box = cards.element("div", [("class", "dimension-card \(DisplayFormat.bandClass(score.score))")])
            box.element("div", [("class", "name")], text: score.dimension.displayName)
            box.element("div", [("class", "score")], text: DisplayFormat.score(score.score))
            box.element("div", [("class", "band")],
                        text: score.band?.label ?? (score.suppressed ? "Suppressed" : "No data"))
            if let trend = score.trend {
                let significant = score.significant == true
                box.element("div", [("class", significant ? "trend significant" : "trend")],
                            text: TrendText.describe(trend, significant: score.significant, previous: report.summary.previousPeriod))
            } else if score.score != nil {
                box.element("div", [("class", "trend")], text: "n = \(score.n)")
            }
            Sparkline(points: score.history).draw(into: box)
        }
        SurveyHeadlineView(report: report).render(into: section)

        let columns = section.element("div", [("class", "two-col")])
        let watch = columns.element("div")
        watch.element("h3", text: "Watchlist")
        if report.watchlist.isEmpty {
            watch.element("p", [("class", "muted")], text: "No team has a health index or dimension below 60.")
        } else {
            let table = watch.element("table")
            let head = table.element("thead").element("tr")
            head.element("th", [("scope", "col")], text: "Team or department")
            head.element("th", [("scope", "col"), ("class", "num")], text: "Index")
            head.element("th", [("scope", "col")], text: "At risk")
            let body = table.element("tbody")
            for entry in report.watchlist.prefix(8) {
                let row = body.element("tr")
                row.element("th", [("scope", "row")], text: entry.scope.name)
                row.element("td", [("class", "num \(DisplayFormat.bandClass(entry.healthIndex))")],
                            text: DisplayFormat.score(entry.healthIndex))
                row.element("td", text: entry.weakDimensions.map(\.displayName).joined(separator: ", "))
            }
            if report.watchlist.count > 8 {
                watch.element("p", [("class", "muted")], text: "\(report.watchlist.count - 8) more in the heatmap below.")
            }
        }
        let top = columns.element("div")
        top.element("h3", text: "Top findings")
        let findings = report.rankedFindings.filter { $0.severity != .strength }.prefix(5)
        if findings.isEmpty {
            top.element("p", [("class", "muted")], text: "No findings.")
        }
        for finding in findings {
            renderFinding(finding, into: top, names: ScopeNames(report), crossSource: report.crossSourceFindings.contains(finding))
        }
    }
}
