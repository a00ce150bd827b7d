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
    /// and only `ReportableFigures` of it are stored, with the measures behind each stored
    /// dimension score and, when given, the run's `provenance`.
    @discardableResult
    public func record(_ report: HealthReport, provenance: SnapshotProvenance? = nil) throws(HistoryError) -> RecordSummary {
        let figures = ReportableFigures(report: report)
        let period = report.period
        return try write { db in
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
                    report.organization, report.tool, figures.healthIndex,
                ])
            let id = db.lastInsertedRowID
            let metric = try db.makeStatement(sql: """
                INSERT INTO metric_value (snapshot_id, analyzer, metric, scope, value, unit, n) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for value in figures.metrics {
                try metric.execute(arguments: [
                    id, value.analyzer, value.metric, value.scope.id, value.value, value.unit?.rawValue ?? "", value.n,
                ])
            }
            let score = try db.makeStatement(sql: """
                INSERT INTO dimension_score (snapshot_id, scope, dimension, score, n) VALUES (?, ?, ?, ?, ?)
                """)
            for value in figures.dimensionScores {
                try score.execute(arguments: [id, value.scope.id, value.dimension.rawValue, value.score, value.n])
            }
            try Self.insertSourcesAndProvenance(of: report, provenance: provenance, snapshotID: id, in: db)
            return RecordSummary(
                metrics: figures.metrics.count, dimensionScores: figures.dimensionScores.count,
                replacedEarlier: earlier != nil)
        }
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
