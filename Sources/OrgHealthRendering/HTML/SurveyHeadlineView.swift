import LibXML
import OrgHealthKit

/// The headline figures people quote from a quarter's survey — eNPS, engagement and
/// participation — as summary cards beside the dimension scores, each with its change from
/// the previous period and whether that change is significant.
///
/// The renderer knows no analyzer, only metric ids, which are part of the public contract
/// (docs/METRICS.md); a report without these metrics simply has no headline cards.
struct SurveyHeadlineView {
    let report: HealthReport

    /// The organization-level metrics shown as cards, in order, with their card label.
    static let headlineMetrics: [(id: String, label: String)] = [
        ("survey.enps", "eNPS"),
        ("survey.engagement", "Engagement"),
        ("survey.participation", "Survey participation"),
    ]

    /// The headline metrics the report has at organization level, in card order.
    var metrics: [(label: String, metric: Metric)] {
        // Read in place: gathering every analyzer's metrics first copied them all (350 MB at 10⁶ people).
        let org = report.analyzers.lazy.flatMap(\.result.metrics).filter { $0.scope == .org }
        return Self.headlineMetrics.compactMap { headline in
            org.first { $0.id == headline.id }.map { (headline.label, $0) }
        }
    }

    func render(into section: HTMLNode) {
        let shown = metrics
        guard !shown.isEmpty else { return }
        let cards = section.element("div", [("class", "headline-cards"), ("id", "survey-headline")])
        for (label, metric) in shown {
            let card = cards.element("div", [("class", "headline-card"), ("data-metric", metric.id)])
            card.element("div", [("class", "name")], text: label)
            if let reason = metric.suppressed {
                card.element("div", [("class", "score")], text: "—")
                card.element("div", [("class", "trend")], text: "withheld (\(reason.rawValue))")
                continue
            }
            card.element("div", [("class", "score")], text: DisplayFormat.value(metric.value, unit: metric.unit))
            if let trend = metric.trend {
                let significant = metric.significant == true
                card.element("div", [("class", significant ? "trend significant" : "trend")],
                             text: ChangeText.describe(trend, unit: metric.unit, significant: metric.significant,
                                                       previous: report.summary.previousPeriod))
            }
            card.element("div", [("class", "trend")], text: "n = \(metric.n)")
        }
    }
}

/// A metric's change in words, in the metric's own display unit: ratios in percentage points
/// (`+3.2 pts`), everything else in its unit's points; an arrow only when significant, and
/// "not tested" where no test applies (e.g. eNPS, which is not a proportion).
enum ChangeText {
    static func describe(_ change: Double, unit: MetricUnit, significant: Bool?, previous: String?) -> String {
        let against = previous.map { " vs \($0)" } ?? " vs previous period"
        let amount = short(change, unit: unit)
        switch significant {
        case .some(true): return "\(change > 0 ? "▲" : "▼") \(amount)\(against), significant"
        case .some(false): return "\(amount)\(against), not significant"
        case .none: return "\(amount)\(against), significance not tested"
        }
    }

    /// The change alone: `+3.2 pts`, `−12.3`, `+0.04`.
    static func short(_ change: Double, unit: MetricUnit) -> String {
        switch unit {
        case .ratio: return "\(DisplayFormat.change(change * 100)) pts"
        case .rating, .correlation:
            let text = DisplayFormat.twoDecimals(abs(change))
            return change > 0 ? "+\(text)" : change < 0 ? "−\(text)" : "±0"
        case .days: return "\(DisplayFormat.change(change)) d"
        case .count, .score: return DisplayFormat.change(change)
        }
    }

    /// The change with a significance marker for table cells: `▲ +3.2 pts *`.
    static func cell(_ change: Double, unit: MetricUnit, significant: Bool?) -> String {
        let amount = short(change, unit: unit)
        return significant == true ? "\(change > 0 ? "▲" : "▼") \(amount) *" : amount
    }
}
