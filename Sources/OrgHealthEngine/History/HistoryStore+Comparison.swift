import GRDB
import OrgHealthKit

/// The previous period as the report step compares with it: found first, with the little the
/// step needs before comparing, then its figures streamed past the report's rows.
extension HistoryStore {
    /// The period trends compare with, and what a report needs to know of it before
    /// comparing and recording.
    struct PreviousPeriod: Sendable {
        /// Its snapshot's row id.
        var id: Int64
        /// The period and its recording.
        var period: StoredPeriod
        /// The analyzers whose measures fed its dimension scores; for a snapshot recorded
        /// before measures were stored (layout v1), the analyzers of its metric values.
        var fed: Set<String>
    }

    /// Which stored period is the previous one (see ``previous(before:)``).
    static let previousCondition = """
        s.period_end < ?
        ORDER BY s.period_end DESC,
                 abs(julianday(s.period_end) - julianday(s.period_start) + 1 - ?), s.period_start DESC
        LIMIT 1
        """

    /// The latest stored period that ends before `period` starts (as ``previous(before:)``
    /// picks it), without its figures.
    func previousPeriod(before period: ReportingPeriod) throws(HistoryError) -> PreviousPeriod? {
        let path = url.path
        return try read { db in
            guard let row = try Row.fetchOne(
                db, sql: Self.periodQuery + " WHERE " + Self.previousCondition,
                arguments: [period.start.description, period.dayCount])
            else { return nil }
            let id = try row.decode(Int64.self, forColumn: "id")
            var fed = try Set(String.fetchAll(
                db, sql: "SELECT DISTINCT analyzer FROM dimension_source WHERE snapshot_id = ?", arguments: [id]))
            if fed.isEmpty {
                fed = try Set(String.fetchAll(
                    db, sql: "SELECT DISTINCT analyzer FROM metric_value WHERE snapshot_id = ?", arguments: [id]))
            }
            return PreviousPeriod(id: id, period: try Self.storedPeriod(row, path: path), fed: fed)
        }
    }

    /// The trends of `report`, laid out as `rows`, against `previous`: its stored figures are
    /// read in the order of the tables' keys and compared one by one (``TrendMatcher``), never
    /// held together.
    ///
    /// A store that may write reads them through a read-only connection of its own, so that
    /// the period can be recorded on the store's connection at the same time (the file is in
    /// WAL mode: the reader sees the history as it was when it began).
    func trends(
        of report: HealthReport, rows: SnapshotRows, against previous: PreviousPeriod, calculator: TrendCalculator
    ) throws(HistoryError) -> TrendSet {
        var matcher = TrendMatcher(report: report, rows: rows, previous: previous.period, calculator: calculator)
        let path = url.path
        guard access == .readWrite else {
            try read { db in try Self.stream(snapshotID: previous.id, from: db, into: &matcher, path: path) }
            return matcher.finish()
        }
        do {
            let reader = try DatabaseQueue(
                path: path, configuration: HistoryFileCheck.configuration(label: "OrgHealth.history.compare", readOnly: true))
            // A read-only connection that only read loses nothing when its close fails.
            defer { try? reader.close() }
            try reader.read { db in
                try HistorySchemaCheck.verify(db, path: path)
                try Self.stream(snapshotID: previous.id, from: db, into: &matcher, path: path)
            }
        } catch {
            throw HistoryError.from(error, path: path)
        }
        return matcher.finish()
    }

    /// Feeds the metric values, then the dimension scores with their measures, of snapshot
    /// `id` to `matcher`, in the order of each table's key.
    private static func stream(snapshotID id: Int64, from db: Database, into matcher: inout TrendMatcher, path: String) throws {
        try forEachMetric(of: id, in: db) { row in
            try matcher.compare(
                analyzer: row.analyzer, metric: row.metric, scopeID: row.scopeID, value: row.value, unit: row.unit, n: row.n
            ) { try parsedScope(row.scopeID, path: path) }
        }

        // Scores and their measures come in one key order (scope, dimension): each score takes
        // the measures of its key as the two cursors move on together.
        let scores = try Row.fetchCursor(
            db, sql: "SELECT scope, dimension, score, n FROM dimension_score WHERE snapshot_id = ? ORDER BY scope, dimension",
            arguments: [id])
        let sources = try sourceRows(of: id, in: db)
        var sourceScopes = RepeatedText(), dimensions = RepeatedText(), sourceNames = MeasureNames()
        var pending: (scope: String, dimension: String, source: DimensionSource)?
        func nextSource() throws {
            guard let row = try sources.next() else { pending = nil; return }
            pending = (
                sourceScopes.text(try row.decode(String.self, atIndex: 0)), dimensions.text(try row.decode(String.self, atIndex: 1)),
                try Self.source(row, names: &sourceNames))
        }
        try nextSource()
        while let row = try scores.next() {
            let scopeText = try row.decode(String.self, atIndex: 0)
            let dimension = dimensions.text(try row.decode(String.self, atIndex: 1))
            var group: [DimensionSource] = []
            while let source = pending {
                let order = Self.byteOrder(source.scope, scopeText, then: source.dimension, dimension)
                if order > 0 { break }
                if order == 0 { group.append(source.source) }
                try nextSource()
            }
            try matcher.compare(
                scopeID: scopeText, dimension: HealthDimension(dimension), score: try row.decode(Double.self, atIndex: 2),
                n: try row.decode(Int.self, atIndex: 3), sources: group
            ) { try parsedScope(scopeText, path: path) }
        }
    }

    /// How (`a1`, `a2`) compares with (`b1`, `b2`) in SQLite's order of text (their bytes):
    /// negative, zero or positive.
    private static func byteOrder(_ a1: String, _ b1: String, then a2: String, _ b2: String) -> Int {
        let first = String.utf8Order(a1, b1)
        return first != 0 ? first : String.utf8Order(a2, b2)
    }
}
