import OrgHealthKit

/// Every trend of one report against the previous period in history, and what could not be
/// compared.
public struct TrendSet: Sendable, Hashable {
    /// The period compared with; `nil` when history had none before this one.
    public var previousPeriod: StoredPeriod?
    /// Metric trends, by analyzer, metric and scope.
    public var metrics: [MetricKey: Trend] {
        Dictionary(placedMetrics.lazy.map { ($0.key, $0.trend) }, uniquingKeysWith: { first, _ in first })
    }
    /// Metric trends with the place of their metric in the report compared: set on it by
    /// position, not looked up by key (at 10^6 people, 1.5 million of them).
    var placedMetrics: [PlacedTrend] = []
    /// Dimension-score trends, by dimension and scope (`org` for the summary).
    public var dimensions: [DimensionKey: Trend] = [:]
    /// The organization's health-index trend (a change only; never tested).
    public var healthIndex: Trend?
    /// Why the health index has no trend although both periods have one, when that is so.
    public var healthIndexBasis: String?
    /// How each dimension trend was compared, where its measures differ between the periods.
    public var dimensionBasis: [DimensionKey: String] = [:]
    /// The figures that have no trend, and why.
    public var gaps = TrendGaps()

    /// Creates a trend set with no trends yet.
    public init(previousPeriod: StoredPeriod?) {
        self.previousPeriod = previousPeriod
    }

    /// A metric's trend, with where the metric is in the report compared: metric `index` of
    /// analyzer run `run`.
    struct PlacedTrend: Sendable, Hashable {
        var key: MetricKey
        var run: Int32
        var index: Int32
        var trend: Trend
    }

    /// The trend of a metric of the analyzer `analyzer`, if it has one. It searches the
    /// trends: for many look-ups, take ``metrics`` once and look each up there.
    public func trend(for metric: Metric, analyzer: String) -> Trend? {
        let key = MetricKey(analyzer: analyzer, metric: metric.id, scope: metric.scope)
        return placedMetrics.first { $0.key == key }?.trend
    }

    /// The trend of a dimension's score in a scope, if it has one.
    public func trend(for dimension: HealthDimension, in scope: Scope) -> Trend? {
        dimensions[DimensionKey(dimension: dimension, scope: scope)]
    }

    /// How many changes are significant.
    public var significantCount: Int {
        placedMetrics.count { $0.trend.significant == true } + dimensions.values.count { $0.significant == true }
    }

    /// The report with every dimension score's `trend` set to its change (summary and scopes).
    public func applying(to report: HealthReport) -> HealthReport {
        var report = report
        apply(to: &report)
        return report
    }

    /// ``applying(to:)`` in place: a report whose figures are not shared is not copied (at
    /// 10^6 people its metrics are 200 MB).
    public func apply(to report: inout HealthReport) {
        for index in report.summary.dimensions.indices {
            let trend = trend(for: report.summary.dimensions[index].dimension, in: .org)
            report.summary.dimensions[index].trend = trend?.change
            report.summary.dimensions[index].significant = trend?.significant
            report.summary.dimensions[index].trendBasis =
                dimensionBasis[DimensionKey(dimension: report.summary.dimensions[index].dimension, scope: .org)]
        }
        report.summary.healthIndexTrend = healthIndex?.change
        report.summary.previousPeriod = previousPeriod?.label
        for scopeIndex in report.scopes.indices {
            let scope = report.scopes[scopeIndex].scope
            for index in report.scopes[scopeIndex].dimensions.indices {
                let trend = trend(for: report.scopes[scopeIndex].dimensions[index].dimension, in: scope)
                report.scopes[scopeIndex].dimensions[index].trend = trend?.change
                report.scopes[scopeIndex].dimensions[index].significant = trend?.significant
                report.scopes[scopeIndex].dimensions[index].trendBasis =
                    dimensionBasis[DimensionKey(dimension: report.scopes[scopeIndex].dimensions[index].dimension, scope: scope)]
            }
        }
        // Each metric trend is set where its metric is, when that is still the metric it was
        // worked out for (the report compared); for another report, each is looked up by key.
        guard !placedMetrics.isEmpty else { return }
        if isPlaced(in: report) {
            for run in report.analyzers.indices {
                report.analyzers[run].result.metrics.withUnsafeMutableBufferPointer { metrics in
                    for placed in placedMetrics where placed.run == run {
                        metrics[Int(placed.index)].trend = placed.trend.change
                        metrics[Int(placed.index)].significant = placed.trend.significant
                    }
                }
            }
            return
        }
        let metrics = metrics
        for runIndex in report.analyzers.indices {
            let analyzer = report.analyzers[runIndex].descriptor.id
            for index in report.analyzers[runIndex].result.metrics.indices {
                let metric = report.analyzers[runIndex].result.metrics[index]
                guard metric.value != nil,
                      let trend = metrics[MetricKey(analyzer: analyzer, metric: metric.id, scope: metric.scope)]
                else { continue }
                report.analyzers[runIndex].result.metrics[index].trend = trend.change
                report.analyzers[runIndex].result.metrics[index].significant = trend.significant
            }
        }
    }

    /// Whether every placed metric trend's place in `report` holds a metric with a value and
    /// the trend's key.
    private func isPlaced(in report: HealthReport) -> Bool {
        guard placedMetrics.allSatisfy({ report.analyzers.indices.contains(Int($0.run)) }) else { return false }
        return report.analyzers.indices.allSatisfy { run in
            let analyzer = report.analyzers[run].descriptor.id
            return report.analyzers[run].result.metrics.withUnsafeBufferPointer { metrics in
                placedMetrics.allSatisfy { placed in
                    guard placed.run == run else { return true }
                    guard metrics.indices.contains(Int(placed.index)) else { return false }
                    let metric = metrics[Int(placed.index)]
                    return metric.value != nil && metric.id == placed.key.metric && metric.scope == placed.key.scope
                        && analyzer == placed.key.analyzer
                }
            }
        }
    }

    /// Notes for the report's data-quality section: what was compared with what, and what
    /// could not be compared and why (source `history`).
    public var diagnostics: [Diagnostic] {
        guard let previous = previousPeriod else {
            return [Diagnostic(
                severity: .info, source: "history",
                message: "no earlier period in history; this report shows no trends")]
        }
        var notes = [Diagnostic(
            severity: .info, source: "history",
            message: "trends compare with \(previous.label) (recorded \(previous.recordedAt)): "
                + "\(placedMetrics.count) metric values and \(dimensions.count) dimension scores compared, "
                + "\(significantCount) significant changes (p < 0.05)")]
        let groups: [([String], DiagnosticSeverity, String)] = [
            (gaps.newOrWithheldBefore, .info,
             "have no value in \(previous.label) (new, renamed, or withheld there), so no trend"),
            (gaps.withheldNow, .info,
             "had a value in \(previous.label) but have none in this period (withheld or without data), so no trend"),
            (gaps.gone, .info,
             "of \(previous.label) are not in this report (removed, renamed, or their analyzer did not run)"),
            (gaps.unitChanged, .warning, "changed unit since \(previous.label), so no trend"),
        ]
        let notComparable = dimensionBasis.filter { $0.value.hasPrefix("not comparable") }.keys.sorted()
        let likeForLike = dimensionBasis.filter { $0.value.hasPrefix("like-for-like") }.keys.sorted()
        if !likeForLike.isEmpty {
            notes.append(Diagnostic(
                severity: .info, source: "history",
                message: "\(likeForLike.count) dimension scores changed their measures since \(previous.label); "
                    + "their trends are like-for-like over the measures present in both: "
                    + Self.sample(likeForLike.map(TrendCalculator.describe))))
        }
        if !notComparable.isEmpty {
            notes.append(Diagnostic(
                severity: .warning, source: "history",
                message: "\(notComparable.count) dimension scores share no measure with \(previous.label), "
                    + "so their trends are not comparable: " + Self.sample(notComparable.map(TrendCalculator.describe))))
        }
        if let healthIndexBasis {
            notes.append(Diagnostic(severity: .warning, source: "history", message: "health index trend \(healthIndexBasis)"))
        }
        for (figures, severity, reason) in groups where !figures.isEmpty {
            notes.append(Diagnostic(
                severity: severity, source: "history",
                message: "\(figures.count) figures \(reason): \(Self.sample(figures))"))
        }
        return notes
    }

    /// The first few items, then how many more.
    static func sample(_ items: [String], limit: Int = 5) -> String {
        let shown = items.prefix(limit).joined(separator: ", ")
        return items.count > limit ? "\(shown) and \(items.count - limit) more" : shown
    }
}

/// The figures that have no trend, by reason, each as `metric (scope)` or
/// `dimension id (scope)`.
public struct TrendGaps: Sendable, Hashable {
    /// Reportable now, but with no stored value in the previous period: new, renamed, or
    /// withheld there (withheld values are never stored, so these cannot be told apart).
    public var newOrWithheldBefore: [String] = []
    /// Stored for the previous period, present in this report without a value (withheld by
    /// the privacy gate, or a score without data).
    public var withheldNow: [String] = []
    /// Stored for the previous period, absent from this report altogether.
    public var gone: [String] = []
    /// Present on both sides with different units (not comparable).
    public var unitChanged: [String] = []

    /// Creates empty gaps.
    public init() {}

    /// How many figures have no trend.
    public var count: Int { newOrWithheldBefore.count + withheldNow.count + gone.count + unitChanged.count }
}
