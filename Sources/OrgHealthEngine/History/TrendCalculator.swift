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
    /// history step lays them out once, for the trends and for recording).
    ///
    /// A dimension score is compared over its own measures (the first score of a key, as its
    /// value is). Each stored figure is looked up by its key once; figures without a trend are named in
    /// report order (this period's) or key order (the previous period's), and the figures
    /// withheld or present now are gathered only when a stored figure has no match.
    func trends(for report: HealthReport, rows: SnapshotRows, previous: StoredSnapshot) -> TrendSet {
        var set = TrendSet(previousPeriod: previous.period)
        metricTrends(into: &set, report: report, rows: rows, previous: previous)
        dimensionTrends(into: &set, report: report, rows: rows, previous: previous)

        // The index is a mean over the dimensions with data: it is compared only when the
        // same dimensions are scored in both periods (else it would compare different mixes).
        let scoredNow = Set(rows.scores.lazy.filter { rows.scopeIDs[Int($0.scope)] == Scope.org.id }
            .map { rows.score($0, in: report).dimension })
        let scoredBefore = Set(previous.dimensionScores.filter { $0.scope == .org }.map(\.dimension))
        if let now = report.summary.healthIndex.flatMap({ $0.isFinite ? $0 : nil }), let before = previous.period.healthIndex {
            if scoredNow == scoredBefore {
                set.healthIndex = Trend(change: now - before, significant: nil, previous: before, previousN: 0)
            } else {
                set.healthIndexBasis = "not comparable: \(previous.period.label) scored \(scoredBefore.count) dimensions, "
                    + "this period \(scoredNow.count)"
            }
        }
        return set
    }

    private func metricTrends(into set: inout TrendSet, report: HealthReport, rows: SnapshotRows, previous: StoredSnapshot) {
        // The first stored figure of each key.
        let earlier = Dictionary(
            previous.metrics.indices.lazy.map { (previous.metrics[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        var matched = [Bool](repeating: false, count: previous.metrics.count)
        var unmatchedNow: [SnapshotRows.MetricRow] = [], unitChanged: [SnapshotRows.MetricRow] = []
        set.metrics.reserveCapacity(min(rows.metrics.count, previous.metrics.count))
        for row in rows.metrics {
            let metric = report.analyzers[Int(row.run)].result.metrics[Int(row.index)]
            let key = MetricKey(analyzer: rows.metricNames[Int(row.metric)].analyzer, metric: metric.id, scope: metric.scope)
            guard let position = earlier[key] else {
                unmatchedNow.append(row)
                continue
            }
            matched[position] = true
            let before = previous.metrics[position]
            guard before.unit == metric.unit else {
                unitChanged.append(row)
                continue
            }
            set.metrics[key] = trend(
                current: metric.value ?? 0, n: metric.n, previous: before.value, previousN: before.n,
                asProportion: metric.unit == .ratio, scale: 1)
        }
        func described(_ rows: [SnapshotRows.MetricRow]) -> [String] {
            rows.sorted { ($0.run, $0.index) < ($1.run, $1.index) }.map { row in
                let metric = report.analyzers[Int(row.run)].result.metrics[Int(row.index)]
                return "\(metric.id) (\(metric.scope.id))"
            }
        }
        set.gaps.newOrWithheldBefore = described(unmatchedNow)
        set.gaps.unitChanged = described(unitChanged)

        var unmatchedBefore = previous.metrics.indices.filter { position in
            !matched[position] && !(earlier[previous.metrics[position].key].map { matched[$0] } ?? false)
        }
        guard !unmatchedBefore.isEmpty else { return }
        unmatchedBefore.sort { previous.metrics[$0].key < previous.metrics[$1].key }
        let withheldNow = Set(report.analyzers.filter { $0.status == .ok }.flatMap { run in
            run.result.metrics.filter { $0.value == nil || $0.isSuppressed }
                .map { MetricKey(analyzer: run.descriptor.id, metric: $0.id, scope: $0.scope) }
        })
        for position in unmatchedBefore {
            let key = previous.metrics[position].key
            if withheldNow.contains(key) {
                set.gaps.withheldNow.append(Self.describe(key))
            } else {
                set.gaps.gone.append(Self.describe(key))
            }
        }
    }

    private func dimensionTrends(into set: inout TrendSet, report: HealthReport, rows: SnapshotRows, previous: StoredSnapshot) {
        let earlier = Dictionary(
            previous.dimensionScores.indices.lazy.map { (previous.dimensionScores[$0].key, $0) },
            uniquingKeysWith: { first, _ in first })
        var matched = [Bool](repeating: false, count: previous.dimensionScores.count)
        var unmatchedNow: [SnapshotRows.ScoreRow] = []
        for row in rows.scores {
            let score = rows.score(row, in: report)
            let key = DimensionKey(dimension: score.dimension, scope: row.owner == 0 ? .org : report.scopes[Int(row.owner) - 1].scope)
            guard let position = earlier[key] else {
                unmatchedNow.append(row)
                continue
            }
            matched[position] = true
            let compared = likeForLike(
                current: StoredDimensionScore(scope: key.scope, dimension: key.dimension, score: score.score ?? 0, n: score.n),
                currentSources: score.sources, previous: previous.dimensionScores[position],
                previousSources: previous.sources[key] ?? [])
            if let trend = compared.trend { set.dimensions[key] = trend }
            if let basis = compared.basis { set.dimensionBasis[key] = basis }
        }
        set.gaps.newOrWithheldBefore += unmatchedNow.sorted { ($0.owner, $0.position) < ($1.owner, $1.position) }.map { row in
            let scope = row.owner == 0 ? Scope.org : report.scopes[Int(row.owner) - 1].scope
            return Self.describe(DimensionKey(dimension: rows.score(row, in: report).dimension, scope: scope))
        }

        var unmatchedBefore = previous.dimensionScores.indices.filter { position in
            !matched[position] && !(earlier[previous.dimensionScores[position].key].map { matched[$0] } ?? false)
        }
        guard !unmatchedBefore.isEmpty else { return }
        unmatchedBefore.sort { previous.dimensionScores[$0].key < previous.dimensionScores[$1].key }
        let presentNow = Set(
            report.summary.dimensions.map { DimensionKey(dimension: $0.dimension, scope: .org) }
                + report.scopes.flatMap { scope in
                    scope.dimensions.map { DimensionKey(dimension: $0.dimension, scope: scope.scope) }
                })
        for position in unmatchedBefore {
            let key = previous.dimensionScores[position].key
            if presentNow.contains(key) {
                set.gaps.withheldNow.append(Self.describe(key))
            } else {
                set.gaps.gone.append(Self.describe(key))
            }
        }
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
