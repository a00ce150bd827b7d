import GRDB
import OrgHealthKit

extension HistoryStore {
    /// Every stored period, oldest first (by last day, then first day).
    public func periods() throws(HistoryError) -> [StoredPeriod] {
        try read { db in
            try Row.fetchAll(db, sql: Self.periodQuery + " ORDER BY s.period_end, s.period_start")
                .map { row in try Self.storedPeriod(row, path: url.path) }
        }
    }

    /// The stored period a user names: a period text (`2026-Q3`, `2026-07`,
    /// `2026-07-01..2026-09-30`) matched on its days, or else a stored label as written.
    public func period(matching text: String) throws(HistoryError) -> StoredPeriod? {
        let all = try periods()
        // Text that is not a period may still be a stored label: matched below, so the parse
        // error is not the answer.
        if let parsed = try? ReportingPeriod(parsing: text),
           let match = all.last(where: { $0.start == parsed.start && $0.end == parsed.end }) {
            return match
        }
        return all.last { $0.label == text }
    }

    /// The snapshot of the period with the same first and last day, if stored.
    public func snapshot(of period: ReportingPeriod) throws(HistoryError) -> StoredSnapshot? {
        try read { db in
            try Self.snapshot(
                db, path: url.path, where: "s.period_start = ? AND s.period_end = ?",
                arguments: [period.start.description, period.end.description])
        }
    }

    /// The snapshot of the period a user names (see `period(matching:)`).
    public func snapshot(matching text: String) throws(HistoryError) -> StoredSnapshot? {
        guard let period = try period(matching: text), let reporting = period.reportingPeriod else { return nil }
        return try snapshot(of: reporting)
    }

    /// The latest stored period that ends before `period` starts: the one trends compare with.
    /// A period overlapping `period` (or the same one, re-run) is never its own previous. When
    /// several end on the same day (a month and a quarter), the one closest in length wins.
    ///
    /// Its figures come in the order of the tables' keys (their texts' bytes), not sorted as
    /// ``StoredSnapshot`` otherwise is: trends look them up by key, and at scale the sort was a
    /// second's work for nothing.
    public func previous(before period: ReportingPeriod) throws(HistoryError) -> StoredSnapshot? {
        try read { db in
            try Self.snapshot(
                db, path: url.path,
                where: Self.previousCondition,
                arguments: [period.start.description, period.dayCount], sorted: false)
        }
    }

    /// A metric's stored values over the last `limit` periods that end on or before
    /// `through`'s last day (all periods when `nil`), oldest first: a sparkline's points.
    public func series(
        of key: MetricKey, through period: ReportingPeriod? = nil, limit: Int = 8
    ) throws(HistoryError) -> [HistoryPoint] {
        try series(
            from: "metric_value v", value: "v.value", n: "v.n",
            condition: "v.analyzer = ? AND v.metric = ? AND v.scope = ?",
            arguments: [key.analyzer, key.metric, key.scope.id], through: period, limit: limit)
    }

    /// A dimension score's stored values over the last `limit` periods (see `series(of:)`).
    public func series(
        of key: DimensionKey, through period: ReportingPeriod? = nil, limit: Int = 8
    ) throws(HistoryError) -> [HistoryPoint] {
        try series(
            from: "dimension_score v", value: "v.score", n: "v.n", condition: "v.dimension = ? AND v.scope = ?",
            arguments: [key.dimension.rawValue, key.scope.id], through: period, limit: limit)
    }

    /// The organization's health index over the last `limit` periods (see `series(of:)`).
    public func healthIndexSeries(through period: ReportingPeriod? = nil, limit: Int = 8) throws(HistoryError)
        -> [HistoryPoint]
    {
        try series(
            from: nil, value: "s.health_index", n: "0", condition: "s.health_index IS NOT NULL", arguments: [],
            through: period, limit: limit)
    }

    private func series(
        from table: String?, value: String, n: String, condition: String, arguments: [String],
        through period: ReportingPeriod?, limit: Int
    ) throws(HistoryError) -> [HistoryPoint] {
        guard limit > 0 else { return [] }
        var sql = "SELECT s.period_label, s.period_start, s.period_end, \(value) AS value, \(n) AS n FROM snapshot s"
        // CROSS JOIN keeps the periods the outer loop, so each period's value is one look-up
        // of its table's primary key, (snapshot_id, …); the tables have no index by figure
        // (HistorySchema.v3), and the other order would read a whole table.
        if let table { sql += " CROSS JOIN \(table) ON v.snapshot_id = s.id" }
        sql += " WHERE \(condition)"
        var values = StatementArguments(arguments)
        if let period {
            sql += " AND s.period_end <= ?"
            values += [period.end.description]
        }
        sql += " ORDER BY s.period_end DESC, s.period_start DESC LIMIT ?"
        values += [limit]
        let path = url.path
        let points = try read { db in
            try Row.fetchAll(db, sql: sql, arguments: values).map { row in
                HistoryPoint(
                    label: try row.decode(String.self, forColumn: "period_label"),
                    start: try Self.date(row, "period_start", path: path),
                    end: try Self.date(row, "period_end", path: path),
                    value: try row.decode(Double.self, forColumn: "value"),
                    n: try row.decode(Int.self, forColumn: "n"))
            }
        }
        return points.reversed()
    }
}
