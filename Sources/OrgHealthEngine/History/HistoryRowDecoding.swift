import GRDB
import OrgHealthKit

/// Reading stored rows back into values. Every column is decoded with GRDB's throwing API, so
/// a row that does not hold what the layout says is a `HistoryError.corrupt`, never a crash.
extension HistoryStore {
    /// Selects a snapshot row with its row counts (`s` is the snapshot table).
    static let periodQuery = """
        SELECT s.id, s.period_label, s.period_start, s.period_end, s.recorded_at, s.organization, s.tool,
               s.health_index,
               (SELECT count(*) FROM metric_value m WHERE m.snapshot_id = s.id) AS metric_count,
               (SELECT count(*) FROM dimension_score d WHERE d.snapshot_id = s.id) AS score_count
        FROM snapshot s
        """

    static func storedPeriod(_ row: Row, path: String) throws -> StoredPeriod {
        StoredPeriod(
            label: try row.decode(String.self, forColumn: "period_label"),
            start: try date(row, "period_start", path: path),
            end: try date(row, "period_end", path: path),
            recordedAt: try row.decode(String.self, forColumn: "recorded_at"),
            organization: try row.decode(String.self, forColumn: "organization"),
            tool: try row.decode(String.self, forColumn: "tool"),
            healthIndex: try row.decode(Double?.self, forColumn: "health_index"),
            metricCount: try row.decode(Int.self, forColumn: "metric_count"),
            dimensionScoreCount: try row.decode(Int.self, forColumn: "score_count"))
    }

    static func date(_ row: Row, _ column: String, path: String) throws -> CalendarDate {
        let text = try row.decode(String.self, forColumn: column)
        guard let date = CalendarDate(iso: text) else {
            throw HistoryError.corrupt(path: path, detail: "\(column) '\(text)' is not a date")
        }
        return date
    }

    /// The scope in column `index`.
    static func scope(_ row: Row, atIndex index: Int, path: String) throws -> Scope {
        try parsedScope(try row.decode(String.self, atIndex: index), path: path)
    }

    /// The scope a stored text names.
    static func parsedScope(_ text: String, path: String) throws -> Scope {
        do { return try Scope(parsing: text) } catch {
            throw HistoryError.corrupt(path: path, detail: error.description)
        }
    }

    /// The one snapshot selected by `condition` (a WHERE clause over `s`, possibly with ORDER
    /// BY and LIMIT), with its metric values and dimension scores, ordered by their keys
    /// (`sorted`), or in the order of the tables' keys, which is their texts' bytes.
    ///
    /// Rows are read through cursors and decoded by column position: reading them into
    /// `Row`s and decoding by column name (GRDB lowercases the name for every value) was most
    /// of reading a 10^5-person snapshot (issue 16).
    static func snapshot(
        _ db: Database, path: String, where condition: String, arguments: StatementArguments, sorted: Bool = true
    ) throws -> StoredSnapshot? {
        guard let row = try Row.fetchOne(db, sql: periodQuery + " WHERE " + condition, arguments: arguments) else {
            return nil
        }
        let id = try row.decode(Int64.self, forColumn: "id")
        let period = try storedPeriod(row, path: path)
        var metrics: [StoredMetric] = []
        metrics.reserveCapacity(period.metricCount)
        try forEachMetric(of: id, in: db) { row in
            metrics.append(StoredMetric(
                analyzer: row.analyzer, metric: row.metric, scope: try parsedScope(row.scopeID, path: path), value: row.value,
                unit: row.unit, n: row.n))
        }
        var scores: [StoredDimensionScore] = [], names = RepeatedText()
        scores.reserveCapacity(period.dimensionScoreCount)
        let scoreRows = try Row.fetchCursor(
            db, sql: "SELECT scope, dimension, score, n FROM dimension_score WHERE snapshot_id = ? ORDER BY scope, dimension",
            arguments: [id])
        while let row = try scoreRows.next() {
            scores.append(StoredDimensionScore(
                scope: try scope(row, atIndex: 0, path: path),
                dimension: HealthDimension(names.text(try row.decode(String.self, atIndex: 1))),
                score: try row.decode(Double.self, atIndex: 2),
                n: try row.decode(Int.self, atIndex: 3)))
        }
        if sorted {
            metrics.sort { $0.key < $1.key }
            scores.sort { $0.key < $1.key }
        }
        var snapshot = StoredSnapshot(period: period, metrics: metrics, dimensionScores: scores)
        snapshot.sources = try dimensionSources(db, snapshotID: id, path: path)
        return snapshot
    }
}

extension HistoryStore {
    /// One stored metric value with its scope as stored, not yet parsed (``parsedScope(_:path:)``);
    /// not to be confused with ``SnapshotRows/MetricRow``, a place in the report being recorded.
    struct StoredMetricRow {
        var analyzer: String
        var metric: String
        var scopeID: String
        var value: Double
        var unit: MetricUnit?
        var n: Int
    }

    /// Calls `body` with each metric value of snapshot `id`, in the order of the table's key
    /// (its texts' bytes).
    static func forEachMetric(of id: Int64, in db: Database, _ body: (StoredMetricRow) throws -> Void) throws {
        var analyzers = RepeatedText(), names = RepeatedText(), units = RepeatedText()
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT analyzer, metric, scope, value, unit, n FROM metric_value WHERE snapshot_id = ?
                ORDER BY analyzer, metric, scope
                """,
            arguments: [id])
        while let row = try rows.next() {
            try body(StoredMetricRow(
                analyzer: analyzers.text(try row.decode(String.self, atIndex: 0)),
                metric: names.text(try row.decode(String.self, atIndex: 1)),
                scopeID: try row.decode(String.self, atIndex: 2),
                value: try row.decode(Double.self, atIndex: 3),
                unit: MetricUnit(rawValue: units.text(try row.decode(String.self, atIndex: 4))),
                n: try row.decode(Int.self, atIndex: 5)))
        }
    }

    /// The rows of `dimension_source` for snapshot `id`, in the order of the table's key
    /// (scope, dimension, analyzer, metric); ``source(_:names:)`` reads each.
    static func sourceRows(of id: Int64, in db: Database) throws -> RowCursor {
        try Row.fetchCursor(
            db,
            sql: """
                SELECT scope, dimension, analyzer, metric, score, weight, n FROM dimension_source
                WHERE snapshot_id = ? ORDER BY scope, dimension, analyzer, metric
                """,
            arguments: [id])
    }

    /// The measure a row of ``sourceRows(of:in:)`` holds.
    static func source(_ row: Row, names: inout MeasureNames) throws -> DimensionSource {
        DimensionSource(
            analyzer: names.analyzer(try row.decode(String.self, atIndex: 2)),
            metric: names.metric(try row.decode(String.self, atIndex: 3)),
            weight: try row.decode(Double.self, atIndex: 5),
            n: try row.decode(Int.self, atIndex: 6),
            score: try row.decode(Double.self, atIndex: 4))
    }
}

/// The few analyzer and metric names a snapshot's measures repeat, each kept as one string
/// (a metric name is longer than Swift keeps in place, so each row would allocate one).
struct MeasureNames {
    private var analyzers = RecurringNames(), metrics = RecurringNames()

    /// The kept string of an analyzer's name, or `text` itself.
    mutating func analyzer(_ text: String) -> String { analyzers.text(text) }

    /// The kept string of a metric's name, or `text` itself.
    mutating func metric(_ text: String) -> String { metrics.text(text) }
}

/// Names that come back in the same order, again and again: each scope's measures are stored
/// in one order (dimension, analyzer, metric), so the name after the last one found is
/// checked first (then the last one itself), byte for byte; only a name out of turn is looked
/// up by its hash, and checked byte for byte too (two spellings that `==` calls one name stay
/// two names). Searched one by one with `utf8.elementsEqual`, the names were a sixth of
/// comparing a stored 10^6 quarter with the report; found by their hash alone, a tenth (issue 16).
struct RecurringNames {
    private var known: [String] = []
    private var positions: [String: Int] = [:]
    private var last = -1

    mutating func text(_ text: String) -> String {
        if !known.isEmpty {
            let following = last + 1 < known.count ? last + 1 : 0
            if known[following].hasSameUTF8(as: text) {
                last = following
                return known[following]
            }
            if last >= 0, known[last].hasSameUTF8(as: text) { return known[last] }
        }
        if let position = positions[text] {
            // Another spelling of a kept name is given back as itself, and not kept.
            guard known[position].hasSameUTF8(as: text) else { return text }
            last = position
            return known[position]
        }
        guard known.count < 64 else { return text }
        positions[text] = known.count
        known.append(text)
        last = known.count - 1
        return text
    }
}

/// The last text decoded, given again when the next is the same: rows in key order repeat
/// their analyzer, metric and unit, and one string is then kept for the run instead of one
/// per row.
struct RepeatedText {
    private var last = ""

    mutating func text(_ text: String) -> String {
        if text.hasSameUTF8(as: last) { return last }
        last = text
        return text
    }
}
