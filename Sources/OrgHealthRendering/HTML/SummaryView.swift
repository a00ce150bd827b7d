import LibXML
import OrgHealthKit

/// The executive summary: health index, the dimension scores with band and trend, the
/// watchlist and the top five findings — meant to fit the first screen.
struct SummaryView {
    let report: HealthReport
    /// The findings' and watchlist's ranking, shared with the analyzers' sections.
    let priorities: Priorities

    func render(into main: HTMLNode) {
        let section = main.element("section", [("id", "summary"), ("aria-labelledby", "summary-heading")])
        section.element("h2", [("id", "summary-heading")], text: "Executive summary")
        CoverageView(report: report).renderCoverageLine(into: section)
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
        CoverageView(report: report).renderIndexCoverage(into: card)
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
            CoverageView(report: report).renderSources(of: score, into: box)
            Sparkline(points: score.history).draw(into: box)
        }
        SurveyHeadlineView(report: report).render(into: section)

        let columns = section.element("div", [("class", "two-col")])
        priorities.renderWatchlist(into: columns.element("div"))
        priorities.renderTopFindings(into: columns.element("div"))
        priorities.renderStrengths(into: section)
    }
}
