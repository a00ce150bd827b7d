import LibXML
import OrgHealthKit

/// "Biggest movers": every significant change from the previous period, across all analyzers
/// and the organization's dimension scores, largest first. The first ones stand in a table; the
/// rest wait in a collapsed `<details>`, so nothing is cut and nothing needs a script.
struct MoversView {
    let report: HealthReport
    /// How scopes are named in prose (the page's, built once).
    let names: ScopeNames

    static let shownOpen = 15

    /// One significant change.
    struct Mover: Equatable {
        let figure: String
        let scope: Scope
        let unit: MetricUnit
        let now: Double
        let change: Double
        let n: Int

        /// The change in display points (ratios in percentage points), the ranking key.
        var magnitude: Double { abs(unit == .ratio ? change * 100 : change) }
    }

    /// Significant changes, largest first; ties by scope, then figure, so the order is stable.
    var movers: [Mover] {
        var all: [Mover] = []
        for run in report.analyzers where run.status == .ok {
            for metric in run.result.metrics where metric.significant == true && metric.suppressed == nil {
                guard let value = metric.value, let trend = metric.trend, trend.isFinite else { continue }
                all.append(Mover(figure: metric.id, scope: metric.scope, unit: metric.unit, now: value, change: trend, n: metric.n))
            }
        }
        for score in report.summary.dimensions where score.significant == true && !score.suppressed {
            guard let value = score.score, let trend = score.trend, trend.isFinite else { continue }
            all.append(Mover(figure: "\(score.dimension.displayName) (dimension score)", scope: .org, unit: .score,
                             now: value, change: trend, n: score.n))
        }
        return all.sorted { left, right in
            if left.magnitude != right.magnitude { return left.magnitude > right.magnitude }
            if left.scope != right.scope { return left.scope < right.scope }
            return left.figure < right.figure
        }
    }

    func render(into main: HTMLNode) {
        let section = main.element("section", [("id", "movers"), ("aria-labelledby", "movers-heading")])
        section.element("h2", [("id", "movers-heading")], text: "Biggest movers")
        let all = movers
        guard let previous = report.summary.previousPeriod else {
            section.element("p", [("class", "muted")], text: "No earlier period in history, so no changes yet.")
            return
        }
        guard !all.isEmpty else {
            section.element("p", [("class", "muted")], text: "No change since \(previous) is statistically significant.")
            return
        }
        section.element("p", [("class", "muted")],
                        text: "\(all.count) figures changed significantly since \(previous) (two-proportion z-test, p < 0.05), "
                            + "largest change first. Ratios change in percentage points (pts).")
        table(section, caption: "Significant changes since \(previous), largest first",
              movers: Array(all.prefix(Self.shownOpen)), names: names)
        if all.count > Self.shownOpen {
            let details = section.element("details", [("class", "more-movers")])
            details.element("summary", text: "\(all.count - Self.shownOpen) more significant changes")
            let more = Array(all.dropFirst(Self.shownOpen).prefix(HTMLBudget.moreEntries))
            table(details, caption: "The remaining significant changes, largest first", movers: more, names: names)
            HTMLBudget.leftOut(details, shown: more.count, of: all.count - Self.shownOpen, what: "more significant changes",
                               whereItIs: "the XML report (metric elements with significant=\"true\") and the CSV")
        }
    }

    private func table(_ parent: HTMLNode, caption: String, movers: [Mover], names: ScopeNames) {
        let table = parent.element("table", [("class", "movers")])
        table.element("caption", text: caption)
        let head = table.element("thead").element("tr")
        head.element("th", [("scope", "col")], text: "Figure")
        head.element("th", [("scope", "col")], text: "Group")
        head.element("th", [("scope", "col"), ("class", "num")], text: "Before")
        head.element("th", [("scope", "col"), ("class", "num")], text: "Now")
        head.element("th", [("scope", "col"), ("class", "num")], text: "Change")
        head.element("th", [("scope", "col"), ("class", "num")], text: "n")
        let body = table.element("tbody")
        for mover in movers {
            let row = body.element("tr")
            row.element("th", [("scope", "row")], text: mover.figure)
            row.element("td", text: names.describe(mover.scope))
            row.element("td", [("class", "num")], text: DisplayFormat.value(mover.now - mover.change, unit: mover.unit))
            row.element("td", [("class", "num")], text: DisplayFormat.value(mover.now, unit: mover.unit))
            // The arrow and the word carry the direction; the colour only repeats it.
            row.element("td", [("class", "num \(mover.change > 0 ? "change-up" : "change-down")")],
                        text: "\(mover.change > 0 ? "▲" : "▼") \(ChangeText.short(mover.change, unit: mover.unit))")
            row.element("td", [("class", "num")], text: String(mover.n))
        }
    }
}
