import OrgHealthKit

/// The reportable figures of a gated report as the history's rows: every metric value and
/// dimension score that passed the privacy gate (a withheld value, one that is not finite and
/// a negative n have none), with the measures behind each stored score. Each table's rows are
/// in the order of its primary key, duplicates dropped (the first in report order is kept).
///
/// Rows are positions in the report, not copies of its figures, and every text a key holds
/// (a scope's id, an analyzer's and a metric's, a dimension's) is numbered once, in the order
/// SQLite sorts text (its bytes), so that sorting compares integers. Keys are told apart as the
/// report tells them apart (Swift's `==`, under which two spellings of "é" are one name); a
/// name spelled two ways is stored as spelled in its first row (metric values, then each
/// scope's scores and their measures, in report order). Inserted in key order, each
/// row lands next to the one before it in the table's B-tree: at 10^6 people, 2.8 million rows
/// inserted in report order, each landing somewhere else, took 25 s (issue 16).
struct SnapshotRows: Sendable {
    /// Every scope a row names, by its number (the first of two scopes with one id).
    let scopes: [Scope]
    /// The ids of ``scopes``: `scopeIDs[n]` is the id of scope number `n`.
    let scopeIDs: [String]
    /// Every (analyzer, metric) pair a row names, by its number.
    let metricNames: [(analyzer: String, metric: String)]
    /// Every dimension a row names, by its number.
    let dimensionIDs: [String]

    /// A `metric_value` row: the metric at `index` of `report.analyzers[run]`.
    struct MetricRow: Sendable {
        var metric: Int32
        var scope: Int32
        var run: Int32
        var index: Int32
    }

    /// A `dimension_score` row: dimension `position` of scope `owner`, where owner 0 is the
    /// summary and owner `k` is `report.scopes[k - 1]`.
    struct ScoreRow: Sendable {
        var scope: Int32
        var dimension: Int32
        var owner: Int32
        var position: Int32
    }

    /// A `dimension_source` row: source `source` of a ``ScoreRow``'s dimension score.
    struct SourceRow: Sendable {
        var score: ScoreRow
        var metric: Int32
        var source: Int32
    }

    /// `metric_value` rows, in (analyzer, metric, scope) order.
    let metrics: [MetricRow]
    /// `dimension_score` rows, in (scope, dimension) order.
    let scores: [ScoreRow]
    /// `dimension_source` rows, in (scope, dimension, analyzer, metric) order.
    let sources: [SourceRow]

    /// Lays out the rows of `report`, which must already be through the privacy gate.
    init(report: HealthReport) {
        var scopes = Numbering<Scope>()
        var names = Numbering<PairName>()
        var dimensions = Numbering<String>()

        var metrics: [MetricRow] = []
        for (run, analyzerRun) in report.analyzers.enumerated() where analyzerRun.status == .ok {
            let analyzer = analyzerRun.descriptor.id
            // A run's metrics come grouped by metric id: the pair is looked up when the id changes.
            var lastID: String?, lastNumber: Int32 = 0
            for (index, metric) in analyzerRun.result.metrics.enumerated() where metric.suppressed == nil {
                guard let value = metric.value, value.isFinite, metric.n >= 0 else { continue }
                if metric.id != lastID {
                    lastID = metric.id
                    lastNumber = names.number(of: PairName(analyzer: analyzer, metric: metric.id))
                }
                metrics.append(MetricRow(
                    metric: lastNumber, scope: scopes.number(of: metric.scope), run: Int32(run), index: Int32(index)))
            }
        }
        var scores: [ScoreRow] = [], sources: [SourceRow] = []
        let owners = [report.summary.dimensions] + report.scopes.map(\.dimensions)
        for (owner, dimensionScores) in owners.enumerated() {
            // Numbered at the scope's first row, as a metric's scope is.
            var scope: Int32?
            func row(_ position: Int, _ score: DimensionScore) -> ScoreRow {
                let number = scope ?? scopes.number(of: owner == 0 ? .org : report.scopes[owner - 1].scope)
                scope = number
                return ScoreRow(
                    scope: number, dimension: dimensions.number(of: score.dimension.rawValue), owner: Int32(owner),
                    position: Int32(position))
            }
            for (position, score) in dimensionScores.enumerated() where !score.suppressed {
                guard let value = score.score else { continue }
                if value.isFinite, score.n >= 0 { scores.append(row(position, score)) }
                // The measures of every score with a value, each with a finite score and weight.
                for (index, source) in score.sources.enumerated() {
                    guard let sourceScore = source.score, sourceScore.isFinite, source.weight.isFinite else { continue }
                    sources.append(SourceRow(
                        score: row(position, score),
                        metric: names.number(of: PairName(analyzer: source.analyzer, metric: source.metric)),
                        source: Int32(index)))
                }
            }
        }

        // A scope's id is composed when asked for: each is composed once, not at every comparison.
        let scopeOrder = scopes.ranks(keyedBy: \.id) { String.utf8Order($0, $1) < 0 }
        let nameOrder = names.ranks(keyedBy: { $0 }) { left, right in
            let analyzers = String.utf8Order(left.analyzer, right.analyzer)
            return analyzers != 0 ? analyzers < 0 : String.utf8Order(left.metric, right.metric) < 0
        }
        let dimensionOrder = dimensions.ranks(keyedBy: { $0 }) { String.utf8Order($0, $1) < 0 }
        for index in metrics.indices {
            metrics[index].metric = nameOrder.rank[Int(metrics[index].metric)]
            metrics[index].scope = scopeOrder.rank[Int(metrics[index].scope)]
        }
        for index in scores.indices {
            scores[index].scope = scopeOrder.rank[Int(scores[index].scope)]
            scores[index].dimension = dimensionOrder.rank[Int(scores[index].dimension)]
        }
        for index in sources.indices {
            sources[index].score.scope = scopeOrder.rank[Int(sources[index].score.scope)]
            sources[index].score.dimension = dimensionOrder.rank[Int(sources[index].score.dimension)]
            sources[index].metric = nameOrder.rank[Int(sources[index].metric)]
        }

        // Stable sorts: among rows with one key, the first in report order stays first and is kept.
        self.metrics = Self.firstOfEachKey(metrics) { ($0.metric, $0.scope) == ($1.metric, $1.scope) } by: {
            ($0.metric, $0.scope) < ($1.metric, $1.scope)
        }
        self.scores = Self.firstOfEachKey(scores) { ($0.scope, $0.dimension) == ($1.scope, $1.dimension) } by: {
            ($0.scope, $0.dimension) < ($1.scope, $1.dimension)
        }
        self.sources = Self.firstOfEachKey(sources) {
            ($0.score.scope, $0.score.dimension, $0.metric) == ($1.score.scope, $1.score.dimension, $1.metric)
        } by: {
            ($0.score.scope, $0.score.dimension, $0.metric) < ($1.score.scope, $1.score.dimension, $1.metric)
        }
        self.scopes = scopeOrder.values
        scopeIDs = scopeOrder.keys
        metricNames = nameOrder.values.map { ($0.analyzer, $0.metric) }
        dimensionIDs = dimensionOrder.values
    }

    /// The dimension score a ``ScoreRow`` names.
    func score(_ row: ScoreRow, in report: HealthReport) -> DimensionScore {
        row.owner == 0
            ? report.summary.dimensions[Int(row.position)]
            : report.scopes[Int(row.owner) - 1].dimensions[Int(row.position)]
    }

    /// `rows` sorted by `areInIncreasingOrder` (stably), keeping the first of each run of rows
    /// that `haveSameKey`.
    private static func firstOfEachKey<Row>(
        _ rows: [Row], haveSameKey: (Row, Row) -> Bool, by areInIncreasingOrder: (Row, Row) -> Bool
    ) -> [Row] {
        // `sorted(by:)` is stable; the rows are mostly in order already (a run's metrics by id).
        let sorted = rows.sorted(by: areInIncreasingOrder)
        var kept: [Row] = []
        kept.reserveCapacity(sorted.count)
        for row in sorted where kept.last.map({ !haveSameKey($0, row) }) ?? true { kept.append(row) }
        return kept
    }

    /// An (analyzer, metric) pair, as a key.
    struct PairName: Hashable, Sendable {
        var analyzer: String
        var metric: String
    }
}

/// Distinct values numbered in the order first seen, then ranked.
private struct Numbering<Value: Hashable> {
    private var numbers: [Value: Int32] = [:]
    private var values: [Value] = []

    /// The value's number, given when first seen.
    mutating func number(of value: Value) -> Int32 {
        if let number = numbers[value] { return number }
        let number = Int32(values.count)
        numbers[value] = number
        values.append(value)
        return number
    }

    /// The values in the order of their keys (`key` of each, taken once), the keys in that
    /// order, and for each number its place among them. Values whose keys sort equal (two
    /// scopes with one id) share the rank of the first.
    func ranks<Key>(
        keyedBy key: (Value) -> Key, by areInIncreasingOrder: (Key, Key) -> Bool
    ) -> (values: [Value], keys: [Key], rank: [Int32]) {
        let keys = values.map(key)
        let order = keys.indices.sorted { areInIncreasingOrder(keys[$0], keys[$1]) }
        var rank = [Int32](repeating: 0, count: values.count)
        var sortedValues: [Value] = [], sortedKeys: [Key] = []
        sortedValues.reserveCapacity(values.count)
        sortedKeys.reserveCapacity(values.count)
        for number in order {
            if let last = sortedKeys.last, !areInIncreasingOrder(last, keys[number]) {
                rank[number] = Int32(sortedValues.count - 1)
            } else {
                rank[number] = Int32(sortedValues.count)
                sortedValues.append(values[number])
                sortedKeys.append(keys[number])
            }
        }
        return (sortedValues, sortedKeys, rank)
    }
}
