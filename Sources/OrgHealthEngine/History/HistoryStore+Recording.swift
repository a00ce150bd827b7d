import GRDB
import OrgHealthKit

extension HistoryStore {
    /// What `record` stored.
    public struct RecordSummary: Sendable, Equatable {
        /// Metric values stored.
        public var metrics: Int
        /// Dimension scores stored.
        public var dimensionScores: Int
        /// Whether an earlier snapshot of the same period was replaced.
        public var replacedEarlier: Bool
    }

    /// Records the report's reportable figures as its period's snapshot, replacing any earlier
    /// snapshot of the same period (same first and last day), all in one transaction: a reader
    /// sees the old snapshot or the new one, never a mix, and a failure leaves the old one.
    ///
    /// Withheld values are never written: the report must already be through the privacy gate,
    /// and only its reportable figures (those ``SnapshotRows`` lays out) are stored, with the
    /// measures behind each stored dimension score and, when given, the run's `provenance`.
    /// Rows go in in the order of each table's key (``SnapshotRows``).
    @discardableResult
    public func record(_ report: HealthReport, provenance: SnapshotProvenance? = nil) throws(HistoryError) -> RecordSummary {
        try record(report, rows: SnapshotRows(report: report)) { provenance }
    }

    /// ``record(_:provenance:)`` with the report's figures already laid out as `rows`; the
    /// provenance is asked for after the figures are written (it may still be being worked out).
    @discardableResult
    func record(
        _ report: HealthReport, rows: SnapshotRows, provenance: () -> SnapshotProvenance?
    ) throws(HistoryError) -> RecordSummary {
        let healthIndex = report.summary.healthIndex.flatMap { $0.isFinite ? $0 : nil }
        let period = report.period
        return try writeOwnRows { db in
            let earlier = try Int64.fetchOne(
                db, sql: "SELECT id FROM snapshot WHERE period_start = ? AND period_end = ?",
                arguments: [period.start.description, period.end.description])
            if let earlier { try Self.deleteSnapshot(id: earlier, in: db) }
            try db.execute(
                sql: """
                    INSERT INTO snapshot (period_label, period_start, period_end, recorded_at, organization, tool, health_index)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    period.label, period.start.description, period.end.description, report.generatedAt,
                    report.organization, report.tool, healthIndex,
                ])
            let id = db.lastInsertedRowID
            try Self.insertMetrics(rows, of: report, snapshotID: id, in: db)
            try Self.insertScores(rows, of: report, snapshotID: id, in: db)
            try Self.insertSources(rows, of: report, snapshotID: id, in: db)
            try Self.insertProvenance(provenance(), snapshotID: id, in: db)
            return RecordSummary(
                metrics: rows.metrics.count, dimensionScores: rows.scores.count, replacedEarlier: earlier != nil)
        }
    }

    /// Writes the `metric_value` rows of snapshot `id`.
    private static func insertMetrics(_ rows: SnapshotRows, of report: HealthReport, snapshotID id: Int64, in db: Database) throws {
        var insert = try RowInsert(
            db, into: "metric_value", columns: ["analyzer", "metric", "scope", "value", "unit", "n"], snapshotID: id,
            rows: rows.metrics.count)
        for row in rows.metrics {
            let metric = report.analyzers[Int(row.run)].result.metrics[Int(row.index)]
            insert.bind(1, rows.metricNames[Int(row.metric)].analyzer)
            insert.bind(2, rows.metricNames[Int(row.metric)].metric)
            insert.bind(3, rows.scopeIDs[Int(row.scope)])
            insert.bind(4, metric.value ?? 0)
            insert.bind(5, metric.unit.rawValue)
            insert.bind(6, Int64(metric.n))
            try insert.endRow()
        }
        try insert.finish()
    }

    /// Writes the `dimension_score` rows of snapshot `id`.
    private static func insertScores(_ rows: SnapshotRows, of report: HealthReport, snapshotID id: Int64, in db: Database) throws {
        var insert = try RowInsert(
            db, into: "dimension_score", columns: ["scope", "dimension", "score", "n"], snapshotID: id, rows: rows.scores.count)
        for row in rows.scores {
            let score = rows.score(row, in: report)
            insert.bind(1, rows.scopeIDs[Int(row.scope)])
            insert.bind(2, rows.dimensionIDs[Int(row.dimension)])
            insert.bind(3, score.score ?? 0)
            insert.bind(4, Int64(score.n))
            try insert.endRow()
        }
        try insert.finish()
    }

    /// Removes the snapshot of the period with the same first and last day. Returns whether
    /// there was one.
    @discardableResult
    public func forget(_ period: ReportingPeriod) throws(HistoryError) -> Bool {
        try write { db in
            let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM snapshot WHERE period_start = ? AND period_end = ?",
                arguments: [period.start.description, period.end.description])
            guard let id else { return false }
            try Self.deleteSnapshot(id: id, in: db)
            return true
        }
    }

    /// Deletes a snapshot and its rows (explicitly, not relying on the foreign-key pragma).
    private static func deleteSnapshot(id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM metric_value WHERE snapshot_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM dimension_score WHERE snapshot_id = ?", arguments: [id])
        try deleteSourcesAndProvenance(snapshotID: id, in: db)
        try db.execute(sql: "DELETE FROM snapshot WHERE id = ?", arguments: [id])
    }
}
