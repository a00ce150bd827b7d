import GRDB
import OrgHealthKit

/// A stored snapshot's provenance, as `history show` lists it.
public struct StoredProvenance: Sendable, Hashable {
    /// The organization that recorded it.
    public var organization: String
    /// The tool that recorded it.
    public var tool: String
    /// SHA-256 of the config file; `nil` for snapshots recorded before layout v2.
    public var configFingerprint: String?
    /// SHA-256 over the input files; `nil` for snapshots recorded before layout v2.
    public var inputFingerprint: String?
    /// The input files.
    public var inputFiles: [SnapshotProvenance.InputFile]

    /// Whether `provenance` describes the same config and the same input files.
    public func matches(_ provenance: SnapshotProvenance) -> Bool {
        configFingerprint == provenance.configFingerprint && inputFingerprint == provenance.inputFingerprint
    }
}

extension HistoryStore {
    /// The organization of the most recently ending stored period; `nil` for an empty history.
    public func latestOrganization() throws(HistoryError) -> String? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT organization FROM snapshot ORDER BY period_end DESC, period_start DESC LIMIT 1")
        }
    }

    /// The provenance of the snapshot of `period` (same first and last day), if stored.
    public func provenance(of period: ReportingPeriod) throws(HistoryError) -> StoredProvenance? {
        try read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, organization, tool, config_fingerprint, input_fingerprint FROM snapshot
                    WHERE period_start = ? AND period_end = ?
                    """,
                arguments: [period.start.description, period.end.description])
            else { return nil }
            let id = try row.decode(Int64.self, forColumn: "id")
            let files = try Row.fetchAll(
                db, sql: "SELECT path, bytes, sha256 FROM input_file WHERE snapshot_id = ? ORDER BY path", arguments: [id]
            ).map { file in
                SnapshotProvenance.InputFile(
                    path: try file.decode(String.self, forColumn: "path"),
                    bytes: try file.decode(Int.self, forColumn: "bytes"),
                    sha256: try file.decode(String.self, forColumn: "sha256"))
            }
            return StoredProvenance(
                organization: try row.decode(String.self, forColumn: "organization"),
                tool: try row.decode(String.self, forColumn: "tool"),
                configFingerprint: try row.decode(String?.self, forColumn: "config_fingerprint"),
                inputFingerprint: try row.decode(String?.self, forColumn: "input_fingerprint"),
                inputFiles: files)
        }
    }

    /// Writes the measures behind the report's reportable dimension scores for snapshot `id`
    /// (inside `record`'s transaction).
    static func insertSources(_ rows: SnapshotRows, of report: HealthReport, snapshotID id: Int64, in db: Database) throws {
        var insert = try RowInsert(
            db, into: "dimension_source", columns: ["scope", "dimension", "analyzer", "metric", "score", "weight", "n"],
            snapshotID: id, rows: rows.sources.count)
        for row in rows.sources {
            let source = rows.score(row.score, in: report).sources[Int(row.source)]
            insert.bind(1, rows.scopeIDs[Int(row.score.scope)])
            insert.bind(2, rows.dimensionIDs[Int(row.score.dimension)])
            insert.bind(3, rows.metricNames[Int(row.metric)].analyzer)
            insert.bind(4, rows.metricNames[Int(row.metric)].metric)
            insert.bind(5, source.score ?? 0)
            insert.bind(6, source.weight)
            insert.bind(7, Int64(source.n))
            try insert.endRow()
        }
        try insert.finish()
    }

    /// Writes the run's provenance for snapshot `id`, when there is one.
    static func insertProvenance(_ provenance: SnapshotProvenance?, snapshotID id: Int64, in db: Database) throws {
        guard let provenance else { return }
        try db.execute(
            sql: "UPDATE snapshot SET config_fingerprint = ?, input_fingerprint = ? WHERE id = ?",
            arguments: [provenance.configFingerprint, provenance.inputFingerprint, id])
        // Bound and stepped as the figures are (RowInsert): 51,000 note files at 10^4 people
        // took 0.2 s one statement each.
        var insert = try RowInsert(
            db, into: "input_file", columns: ["path", "bytes", "sha256"], snapshotID: id, rows: provenance.inputFiles.count)
        for input in provenance.inputFiles {
            insert.bind(1, input.path)
            insert.bind(2, Int64(input.bytes))
            insert.bind(3, input.sha256)
            try insert.endRow()
        }
        try insert.finish()
    }

    /// Deletes the rows `insertSources` and `insertProvenance` wrote for a snapshot.
    static func deleteSourcesAndProvenance(snapshotID id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM dimension_source WHERE snapshot_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM input_file WHERE snapshot_id = ?", arguments: [id])
    }

    /// The measures stored for a snapshot's dimension scores.
    static func dimensionSources(_ db: Database, snapshotID id: Int64, path: String) throws
        -> [DimensionKey: [DimensionSource]]
    {
        var table: [DimensionKey: [DimensionSource]] = [:]
        let rows = try sourceRows(of: id, in: db)
        // Rows come grouped by scope and dimension: one key and one list per group.
        var key: DimensionKey?, group: [DimensionSource] = []
        var texts = RepeatedText(), names = MeasureNames()
        while let row = try rows.next() {
            let rowKey = DimensionKey(
                dimension: HealthDimension(texts.text(try row.decode(String.self, atIndex: 1))),
                scope: try scope(row, atIndex: 0, path: path))
            if rowKey != key {
                if let key { table[key, default: []] += group }
                key = rowKey
                group = []
            }
            group.append(try source(row, names: &names))
        }
        if let key { table[key, default: []] += group }
        return table
    }
}
