import OrgHealthKit

/// Works out every figure's change from the previous period in history. Pure: no files.
///
/// A trend exists only where both periods have a reportable value: a figure withheld by the
/// privacy gate on either side, new in this period, or gone from it, has none, and is counted
/// in `TrendSet.gaps` instead.
///
/// Significance:
/// - ratio metrics (unit `ratio`, 0–1, on both sides): two-proportion z-test, significant
///   when p < `significanceLevel` (METRICS.md `survey.change.*`);
/// - dimension scores: compared like-for-like over the measures reportable in both periods,
///   and significant by their measures' own tests (see `LikeForLikeTrend`);
/// - every other metric (counts, days, ratings, eNPS, correlations) and the health index
///   get a change and `significant: nil`.
public struct TrendCalculator: Sendable {
    /// The p-value below which a change is significant.
    public var significanceLevel: Double

    /// Creates a calculator.
    public init(significanceLevel: Double = 0.05) {
        self.significanceLevel = significanceLevel
    }

    /// The trends of `report` (already through the privacy gate) against `previous`, the
    /// snapshot of the period before it (`HistoryStore.previous(before:)`); empty with a note
    /// when there is none.
    public func trends(for report: HealthReport, previous: StoredSnapshot?) -> TrendSet {
        guard let previous else { return TrendSet(previousPeriod: nil) }
        return trends(for: report, rows: SnapshotRows(report: report), previous: previous)
    }

    /// ``trends(for:previous:)`` with the report's reportable figures already laid out (the
    /// history step lays them out once, for the trends and for recording). The stored figures
    /// are compared in the snapshot's order, so the first of a repeated key counts
    /// (``TrendMatcher``).
    func trends(for report: HealthReport, rows: SnapshotRows, previous: StoredSnapshot) -> TrendSet {
        var matcher = TrendMatcher(report: report, rows: rows, previous: previous.period, calculator: self)
        for metric in previous.metrics { matcher.compare(metric) }
        for score in previous.dimensionScores { matcher.compare(score, sources: previous.sources[score.key] ?? []) }
        return matcher.finish()
    }

    /// One figure's trend. With `asProportion`, `value ÷ scale` is tested as a share of `n`.
    public func trend(
        current: Double, n: Int, previous: Double, previousN: Int, asProportion: Bool, scale: Double = 1
    ) -> Trend {
        let change = current - previous
        guard asProportion, scale > 0,
              let test = ProportionTest(p1: current / scale, n1: n, p2: previous / scale, n2: previousN)
        else {
            return Trend(change: change, significant: nil, previous: previous, previousN: previousN)
        }
        return Trend(
            change: change, significant: test.isSignificant(at: significanceLevel), pValue: test.pValue,
            previous: previous, previousN: previousN)
    }

    static func describe(_ key: MetricKey) -> String { "\(key.metric) (\(key.scope.id))" }
    static func describe(_ key: DimensionKey) -> String { "dimension \(key.dimension.rawValue) (\(key.scope.id))" }
}
