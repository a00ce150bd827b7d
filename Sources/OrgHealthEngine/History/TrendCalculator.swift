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
        let currentSources = Self.sources(of: report)
        for score in current.dimensionScores {
            guard let earlier = earlierScores[score.key] else {
                set.gaps.newOrWithheldBefore.append(Self.describe(score.key))
                continue
            }
            matchedScores.insert(score.key)
            let compared = likeForLike(
                current: score, currentSources: currentSources[score.key] ?? [], previous: earlier,
                previousSources: previous.sources[score.key] ?? [])
            if let trend = compared.trend { set.dimensions[score.key] = trend }
            if let basis = compared.basis { set.dimensionBasis[score.key] = basis }
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

        // The index is a mean over the dimensions with data: it is compared only when the
        // same dimensions are scored in both periods (else it would compare different mixes).
        let scoredNow = Set(current.dimensionScores.filter { $0.scope == .org }.map(\.dimension))
        let scoredBefore = Set(previous.dimensionScores.filter { $0.scope == .org }.map(\.dimension))
        if let now = current.healthIndex, let before = previous.period.healthIndex {
            if scoredNow == scoredBefore {
                set.healthIndex = Trend(change: now - before, significant: nil, previous: before, previousN: 0)
            } else {
                set.healthIndexBasis = "not comparable: \(previous.period.label) scored \(scoredBefore.count) dimensions, "
                    + "this period \(scoredNow.count)"
            }
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

    /// The measures behind every dimension score of the report, by dimension and scope.
    static func sources(of report: HealthReport) -> [DimensionKey: [DimensionSource]] {
        var table: [DimensionKey: [DimensionSource]] = [:]
        for score in report.summary.dimensions { table[DimensionKey(dimension: score.dimension, scope: .org)] = score.sources }
        for scope in report.scopes {
            for score in scope.dimensions { table[DimensionKey(dimension: score.dimension, scope: scope.scope)] = score.sources }
        }
        return table
    }

    static func describe(_ key: MetricKey) -> String { "\(key.metric) (\(key.scope.id))" }
    static func describe(_ key: DimensionKey) -> String { "dimension \(key.dimension.rawValue) (\(key.scope.id))" }
}
