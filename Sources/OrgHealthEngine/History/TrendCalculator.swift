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
/// - dimension scores: the 0–100 score ÷ 100 is treated as a proportion with the score's `n`
///   and tested the same way. Most scores are shares of favourable answers or of pairs
///   (coverage, completion) scaled to 100; for the others the test is an approximation that
///   errs on the side of "not significant" only as much as the `n` is small;
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
        let current = ReportableFigures(report: report)
        var set = TrendSet(previousPeriod: previous.period)

        let earlierMetrics = Dictionary(previous.metrics.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var matched: Set<MetricKey> = []
        for metric in current.metrics {
            guard let earlier = earlierMetrics[metric.key] else {
                set.gaps.newOrWithheldBefore.append(Self.describe(metric.key))
                continue
            }
            matched.insert(metric.key)
            guard earlier.unit == metric.unit else {
                set.gaps.unitChanged.append(Self.describe(metric.key))
                continue
            }
            set.metrics[metric.key] = trend(
                current: metric.value, n: metric.n, previous: earlier.value, previousN: earlier.n,
                asProportion: metric.unit == .ratio, scale: 1)
        }
        let withheldNow = Set(report.analyzers.filter { $0.status == .ok }.flatMap { run in
            run.result.metrics.filter { $0.value == nil || $0.isSuppressed }
                .map { MetricKey(analyzer: run.descriptor.id, metric: $0.id, scope: $0.scope) }
        })
        for key in previous.metrics.map(\.key) where !matched.contains(key) {
            if withheldNow.contains(key) {
                set.gaps.withheldNow.append(Self.describe(key))
            } else {
                set.gaps.gone.append(Self.describe(key))
            }
        }

        let earlierScores = Dictionary(
            previous.dimensionScores.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var matchedScores: Set<DimensionKey> = []
        for score in current.dimensionScores {
            guard let earlier = earlierScores[score.key] else {
                set.gaps.newOrWithheldBefore.append(Self.describe(score.key))
                continue
            }
            matchedScores.insert(score.key)
            set.dimensions[score.key] = trend(
                current: score.score, n: score.n, previous: earlier.score, previousN: earlier.n,
                asProportion: true, scale: 100)
        }
        let presentNow = Set(
            report.summary.dimensions.map { DimensionKey(dimension: $0.dimension, scope: .org) }
                + report.scopes.flatMap { scope in
                    scope.dimensions.map { DimensionKey(dimension: $0.dimension, scope: scope.scope) }
                })
        for key in previous.dimensionScores.map(\.key) where !matchedScores.contains(key) {
            if presentNow.contains(key) {
                set.gaps.withheldNow.append(Self.describe(key))
            } else {
                set.gaps.gone.append(Self.describe(key))
            }
        }

        if let now = current.healthIndex, let before = previous.period.healthIndex {
            set.healthIndex = Trend(change: now - before, significant: nil, previous: before, previousN: 0)
        }
        return set
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
