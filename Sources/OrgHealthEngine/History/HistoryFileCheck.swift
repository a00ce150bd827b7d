import GRDB

/// Looks at an existing history file through a read-only connection before anything may
/// write to it, so that a damaged, foreign or newer file is refused without a single byte of
/// it changing.
enum HistoryFileCheck {
    /// Throws when the file at `path` is not a history file this version may use.
    static func inspect(path: String) throws(HistoryError) {
        var configuration = GRDB.Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(HistoryStore.busyTimeout)
        configuration.label = "OrgHealth.history.check"
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in try inspect(db, path: path) }
        } catch {
            throw HistoryError.from(error, path: path)
        }
    }

    /// The checks themselves, on an open connection.
    static func inspect(_ db: Database, path: String) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard problems == ["ok"] else {
            throw HistoryError.corrupt(path: path, detail: problems.prefix(3).joined(separator: "; "))
        }
        guard try db.tableExists("grdb_migrations") else {
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                ORDER BY name
                """)
            // An empty database (a zero-byte file, or one being created by a concurrent run)
            // is fine: the migrator lays out the tables.
            if !tables.isEmpty { throw HistoryError.notAHistoryFile(path: path, tables: tables) }
            return
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(HistorySchema.migrationIDs)
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { throw HistoryError.newerSchema(path: path, unknownMigrations: unknown) }
    }
}
