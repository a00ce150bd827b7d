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

    static func scope(_ row: Row, path: String) throws -> Scope {
        let text = try row.decode(String.self, forColumn: "scope")
        do { return try Scope(parsing: text) } catch {
            throw HistoryError.corrupt(path: path, detail: error.description)
        }
    }

    /// The one snapshot selected by `condition` (a WHERE clause over `s`, possibly with ORDER
    /// BY and LIMIT), with its metric values and dimension scores.
    static func snapshot(
        _ db: Database, path: String, where condition: String, arguments: StatementArguments
    ) throws -> StoredSnapshot? {
        guard let row = try Row.fetchOne(db, sql: periodQuery + " WHERE " + condition, arguments: arguments) else {
            return nil
        }
        let id = try row.decode(Int64.self, forColumn: "id")
        let period = try storedPeriod(row, path: path)
        let metrics = try Row.fetchAll(
            db, sql: "SELECT analyzer, metric, scope, value, unit, n FROM metric_value WHERE snapshot_id = ?",
            arguments: [id]
        ).map { row in
            StoredMetric(
                analyzer: try row.decode(String.self, forColumn: "analyzer"),
                metric: try row.decode(String.self, forColumn: "metric"),
                scope: try scope(row, path: path),
                value: try row.decode(Double.self, forColumn: "value"),
                unit: MetricUnit(rawValue: try row.decode(String.self, forColumn: "unit")),
                n: try row.decode(Int.self, forColumn: "n"))
        }
        let scores = try Row.fetchAll(
            db, sql: "SELECT scope, dimension, score, n FROM dimension_score WHERE snapshot_id = ?", arguments: [id]
        ).map { row in
            StoredDimensionScore(
                scope: try scope(row, path: path),
                dimension: HealthDimension(try row.decode(String.self, forColumn: "dimension")),
                score: try row.decode(Double.self, forColumn: "score"),
                n: try row.decode(Int.self, forColumn: "n"))
        }
        var snapshot = StoredSnapshot(
            period: period, metrics: metrics.sorted { $0.key < $1.key },
            dimensionScores: scores.sorted { $0.key < $1.key })
        snapshot.sources = try dimensionSources(db, snapshotID: id, path: path)
        return snapshot
    }
}
