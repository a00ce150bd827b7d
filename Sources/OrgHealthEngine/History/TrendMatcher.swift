import OrgHealthKit

/// Compares the previous period's stored figures with the report's laid-out rows
/// (``SnapshotRows``), one stored figure at a time in the order they are stored, and gathers
/// the trends and the gaps (``TrendCalculator`` states the rules).
///
/// - A stored figure finds its row through the names the report holds, told apart as the
///   report tells them apart (Swift's `==`, under which two spellings of "é" are one name),
///   then by a binary search of the rows, which are in key order.
/// - The first stored figure of a key counts; a later one with the same key is passed over.
/// - Of the previous period, only the figures that find no row are kept (to be named as gaps).
///
/// So the previous period can be read from the history file as a stream: at 10^6 people it is
/// 2.8 million rows, and held whole with a dictionary of its keys it took 6 s and 400 MB before
/// the comparison began (issue 16).
struct TrendMatcher {
    private let report: HealthReport
    private let rows: SnapshotRows
    private let calculator: TrendCalculator
    private var set: TrendSet

    /// The report's (analyzer, metric) pairs, scopes (by id) and dimensions, by their numbers in `rows`.
    private let pairNumbers: [SnapshotRows.PairName: Int32]
    private let scopeNumbers: [String: Int32]
    private let dimensionNumbers: [String: Int32]
    /// Where each pair's rows start in `rows.metrics`, and each scope's in `rows.scores` (one
    /// more entry than there are pairs or scopes: the end).
    private let metricStarts: [Int], scoreStarts: [Int]

    /// What became of each row: not matched yet, compared, or matched with another unit.
    private enum Match: UInt8 { case none, compared, unitChanged }
    private var metricMatches: [Match], scoreMatches: [Match]
    /// The stored figures that found no row, and the dimensions the organization had a score in.
    private var unmatchedMetrics: [MetricKey] = [], unmatchedScores: [DimensionKey] = []
    private var scoredBefore: Set<HealthDimension> = []
    /// The last stored pair looked up, and its number (stored metrics come grouped by pair).
    private var lastPair: (analyzer: String, metric: String, number: Int32?)?
    /// Whether scope number `n` is the one its own id finds by `==` (it is, unless an earlier
    /// number's id is the same name spelled with other bytes).
    private let ownsItsID: [Bool]
    /// Where the walks through the rows stand (``walkedMetric(pair:scopeID:_:)``,
    /// ``walkedScope(_:_:)``): the row of the last stored pair, and the scope number, the last
    /// stored figure was found at.
    private var metricCursor = 0, scopeCursor = 0

    /// A matcher for `report`, already through the privacy gate, laid out as `rows`, against
    /// the period `previous`.
    init(report: HealthReport, rows: SnapshotRows, previous: StoredPeriod, calculator: TrendCalculator) {
        self.report = report
        self.rows = rows
        self.calculator = calculator
        set = TrendSet(previousPeriod: previous)
        pairNumbers = Dictionary(
            rows.metricNames.indices.map { (SnapshotRows.PairName(analyzer: rows.metricNames[$0].analyzer, metric: rows.metricNames[$0].metric), Int32($0)) },
            uniquingKeysWith: { first, _ in first })
        let scopeNumbers = Dictionary(rows.scopeIDs.indices.map { (rows.scopeIDs[$0], Int32($0)) }, uniquingKeysWith: { first, _ in first })
        self.scopeNumbers = scopeNumbers
        ownsItsID = rows.scopeIDs.indices.map { scopeNumbers[rows.scopeIDs[$0]] == Int32($0) }
        dimensionNumbers = Dictionary(
            rows.dimensionIDs.indices.map { (rows.dimensionIDs[$0], Int32($0)) }, uniquingKeysWith: { first, _ in first })
        metricStarts = Self.starts(of: rows.metrics.lazy.map(\.metric), count: rows.metricNames.count)
        scoreStarts = Self.starts(of: rows.scores.lazy.map(\.scope), count: rows.scopes.count)
        metricMatches = Array(repeating: .none, count: rows.metrics.count)
        scoreMatches = Array(repeating: .none, count: rows.scores.count)
        // At most one trend per score row: room made once (at 10^6 people the dictionary of
        // 0.6 million scores grew by rehashing, 4% of the comparison by `perf`).
        set.dimensions.reserveCapacity(rows.scores.count)
    }

    /// For rows sorted by a number below `count`, where the rows of each number start.
    private static func starts(of numbers: some Sequence<Int32>, count: Int) -> [Int] {
        var starts = [Int](repeating: 0, count: count + 1)
        for number in numbers { starts[Int(number) + 1] += 1 }
        for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
        return starts
    }

    /// Compares one stored metric value (of a whole snapshot: its scope is known).
    mutating func compare(_ stored: StoredMetric) {
        compare(
            analyzer: stored.analyzer, metric: stored.metric, scopeID: stored.scope.id, value: stored.value,
            unit: stored.unit, n: stored.n
        ) { () throws(Never) in stored.scope }
    }

    /// Compares one stored metric value whose scope is stored as `scopeID`. `scope` works the
    /// scope out: it is called only when the value finds no row (to name it) or its row's scope
    /// is an attribute scope (two of those can share an id), so that a stream of stored rows
    /// parses next to none of its scopes.
    mutating func compare<Failure: Error>(
        analyzer: String, metric: String, scopeID: String, value: Double, unit: MetricUnit?, n: Int,
        scope: () throws(Failure) -> Scope
    ) throws(Failure) {
        let pair: Int32?
        if let lastPair, lastPair.analyzer == analyzer, lastPair.metric == metric {
            pair = lastPair.number
        } else {
            pair = pairNumbers[SnapshotRows.PairName(analyzer: analyzer, metric: metric)]
            lastPair = (analyzer, metric, pair)
            if let pair { metricCursor = metricStarts[Int(pair)] }
        }
        var found: Int?
        if let pair {
            found = try walkedMetric(pair: pair, scopeID: scopeID, scope)
            if found == nil, let number = try scopeNumber(scopeID, scope) {
                found = Self.search(rows.metrics, from: metricStarts[Int(pair)], to: metricStarts[Int(pair) + 1], for: number, by: \.scope)
            }
        }
        guard let position = found else {
            unmatchedMetrics.append(MetricKey(analyzer: analyzer, metric: metric, scope: try scope()))
            return
        }
        guard metricMatches[position] == .none else { return }
        let row = rows.metrics[position]
        let metric = report.analyzers[Int(row.run)].result.metrics[Int(row.index)]
        guard unit == metric.unit else {
            metricMatches[position] = .unitChanged
            return
        }
        metricMatches[position] = .compared
        set.placedMetrics.append(TrendSet.PlacedTrend(
            key: MetricKey(analyzer: rows.metricNames[Int(row.metric)].analyzer, metric: metric.id, scope: metric.scope),
            run: row.run, index: row.index,
            trend: calculator.trend(
                current: metric.value ?? 0, n: metric.n, previous: value, previousN: n,
                asProportion: metric.unit == .ratio, scale: 1)))
    }

    /// Compares one stored dimension score, with the measures stored behind it (of a whole
    /// snapshot: its scope is known).
    mutating func compare(_ stored: StoredDimensionScore, sources: [DimensionSource]) {
        compare(
            scopeID: stored.scope.id, dimension: stored.dimension, score: stored.score, n: stored.n, sources: sources
        ) { () throws(Never) in stored.scope }
    }

    /// Compares one stored dimension score whose scope is stored as `scopeID` (`scope` as for
    /// metric values).
    mutating func compare<Failure: Error>(
        scopeID: String, dimension: HealthDimension, score stored: Double, n: Int, sources: [DimensionSource],
        scope: () throws(Failure) -> Scope
    ) throws(Failure) {
        if scopeID == Scope.org.id { scoredBefore.insert(dimension) }
        var walked = try walkedScope(scopeID, scope)
        if walked == nil { walked = try scopeNumber(scopeID, scope) }
        guard let number = walked, let dimensionNumber = dimensionNumbers[dimension.rawValue],
              let position = Self.search(rows.scores, from: scoreStarts[Int(number)], to: scoreStarts[Int(number) + 1], for: dimensionNumber, by: \.dimension)
        else {
            unmatchedScores.append(DimensionKey(dimension: dimension, scope: try scope()))
            return
        }
        guard scoreMatches[position] == .none else { return }
        scoreMatches[position] = .compared
        let row = rows.scores[position]
        let score = rows.score(row, in: report)
        let key = DimensionKey(dimension: score.dimension, scope: row.owner == 0 ? .org : report.scopes[Int(row.owner) - 1].scope)
        // The stored score is the one of this key (its scope is the row's, as the report names it).
        let compared = calculator.likeForLike(
            current: StoredDimensionScore(scope: key.scope, dimension: key.dimension, score: score.score ?? 0, n: score.n),
            currentSources: score.sources,
            previous: StoredDimensionScore(scope: key.scope, dimension: key.dimension, score: stored, n: n),
            previousSources: sources)
        if let trend = compared.trend { set.dimensions[key] = trend }
        if let basis = compared.basis { set.dimensionBasis[key] = basis }
    }

    /// The number of the report's scope whose id is `id`, if it is the stored scope.
    private func scopeNumber<Failure: Error>(_ id: String, _ scope: () throws(Failure) -> Scope) throws(Failure) -> Int32? {
        guard let number = scopeNumbers[id], try isStoredScope(Int(number), scope) else { return nil }
        return number
    }

    /// Whether scope number `number`, whose id is the stored one, is the stored scope:
    /// `attribute:a=b=c` is the id of two scopes, and only the same one matches (`scope` works
    /// the stored one out, so it is called only for an attribute scope).
    private func isStoredScope<Failure: Error>(_ number: Int, _ scope: () throws(Failure) -> Scope) throws(Failure) -> Bool {
        guard case .attribute = rows.scopes[number] else { return true }
        return try scope() == rows.scopes[number]
    }

    /// The row of `pair` whose scope's id is `scopeID`'s very bytes, found by walking on from
    /// the last one found: a pair's stored figures come in the order of their scopes' ids'
    /// bytes (the table's key), and so do the pair's rows (``SnapshotRows``). `nil` when the
    /// walk finds none, or a row whose scope the id does not find by `==` (``ownsItsID``) or
    /// that is another attribute scope with the same id: ``scopeNumber(_:_:)`` and a binary
    /// search then decide, as they would have alone. Hashing every stored scope's id to find
    /// its number was a sixth of comparing a stored 10^6 quarter (issue 16).
    private mutating func walkedMetric<Failure: Error>(
        pair: Int32, scopeID: String, _ scope: () throws(Failure) -> Scope
    ) throws(Failure) -> Int? {
        let end = metricStarts[Int(pair) + 1]
        while metricCursor < end {
            let number = Int(rows.metrics[metricCursor].scope)
            let order = String.utf8Order(rows.scopeIDs[number], scopeID)
            if order < 0 {
                metricCursor += 1
                continue
            }
            guard order == 0, ownsItsID[number], try isStoredScope(number, scope) else { return nil }
            return metricCursor
        }
        return nil
    }

    /// The number of the scope whose id is `scopeID`'s very bytes, walking on through the
    /// scopes (numbered in the order of their ids' bytes, as the stored scores come) from the
    /// last one found; `nil` as for ``walkedMetric(pair:scopeID:_:)``.
    private mutating func walkedScope<Failure: Error>(_ scopeID: String, _ scope: () throws(Failure) -> Scope) throws(Failure) -> Int32? {
        while scopeCursor < rows.scopeIDs.count {
            let order = String.utf8Order(rows.scopeIDs[scopeCursor], scopeID)
            if order < 0 {
                scopeCursor += 1
                continue
            }
            guard order == 0, ownsItsID[scopeCursor], try isStoredScope(scopeCursor, scope) else { return nil }
            return Int32(scopeCursor)
        }
        return nil
    }

    /// The row in `rows[from..<to]` (sorted by `field`) whose `field` is `value`.
    private static func search<Row>(_ rows: [Row], from: Int, to: Int, for value: Int32, by field: KeyPath<Row, Int32>) -> Int? {
        var low = from, high = to
        while low < high {
            let middle = (low + high) / 2
            if rows[middle][keyPath: field] < value { low = middle + 1 } else { high = middle }
        }
        return low < to && rows[low][keyPath: field] == value ? low : nil
    }

    /// The trends and the gaps, once every stored figure has been compared.
    consuming func finish() -> TrendSet {
        // Figures without a trend: this period's in report order, the previous period's in key order.
        set.gaps.newOrWithheldBefore = describedMetrics(.none)
        set.gaps.unitChanged = describedMetrics(.unitChanged)
        let unmatchedNowScores = rows.scores.indices.filter { scoreMatches[$0] == .none }.map { rows.scores[$0] }
        set.gaps.newOrWithheldBefore += unmatchedNowScores.sorted { ($0.owner, $0.position) < ($1.owner, $1.position) }.map { row in
            let scope = row.owner == 0 ? Scope.org : report.scopes[Int(row.owner) - 1].scope
            return TrendCalculator.describe(DimensionKey(dimension: rows.score(row, in: report).dimension, scope: scope))
        }
        if !unmatchedMetrics.isEmpty {
            let withheldNow = Set(report.analyzers.filter { $0.status == .ok }.flatMap { run in
                run.result.metrics.filter { $0.value == nil || $0.isSuppressed }
                    .map { MetricKey(analyzer: run.descriptor.id, metric: $0.id, scope: $0.scope) }
            })
            for key in unmatchedMetrics.sorted() {
                if withheldNow.contains(key) {
                    set.gaps.withheldNow.append(TrendCalculator.describe(key))
                } else {
                    set.gaps.gone.append(TrendCalculator.describe(key))
                }
            }
        }
        if !unmatchedScores.isEmpty {
            let presentNow = Set(
                report.summary.dimensions.map { DimensionKey(dimension: $0.dimension, scope: .org) }
                    + report.scopes.flatMap { scope in
                        scope.dimensions.map { DimensionKey(dimension: $0.dimension, scope: scope.scope) }
                    })
            for key in unmatchedScores.sorted() {
                if presentNow.contains(key) {
                    set.gaps.withheldNow.append(TrendCalculator.describe(key))
                } else {
                    set.gaps.gone.append(TrendCalculator.describe(key))
                }
            }
        }

        // The index is a mean over the dimensions with data: it is compared only when the
        // same dimensions are scored in both periods (else it would compare different mixes).
        let scoredNow = Set(rows.scores.lazy.filter { rows.scopeIDs[Int($0.scope)] == Scope.org.id }
            .map { rows.score($0, in: report).dimension })
        if let previous = set.previousPeriod, let now = report.summary.healthIndex.flatMap({ $0.isFinite ? $0 : nil }),
           let before = previous.healthIndex {
            if scoredNow == scoredBefore {
                set.healthIndex = Trend(change: now - before, significant: nil, previous: before, previousN: 0)
            } else {
                set.healthIndexBasis = "not comparable: \(previous.label) scored \(scoredBefore.count) dimensions, "
                    + "this period \(scoredNow.count)"
            }
        }
        return set
    }

    /// This period's metric rows that ended as `match`, named in report order.
    private func describedMetrics(_ match: Match) -> [String] {
        rows.metrics.indices.filter { metricMatches[$0] == match }.map { rows.metrics[$0] }
            .sorted { ($0.run, $0.index) < ($1.run, $1.index) }
            .map { row in
                let metric = report.analyzers[Int(row.run)].result.metrics[Int(row.index)]
                return "\(metric.id) (\(metric.scope.id))"
            }
    }
}
