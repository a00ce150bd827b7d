import GRDB
import SQLiteHardening

/// Verifies that a history file holds exactly what OrgHealth's own migrations make — nothing
/// more — before anything reads or writes it. SQLite runs what a file's schema says (triggers
/// fire on our inserts, views run their queries, a `RAISE` message travels back as an error), so
/// a file is trusted only when its schema is the one this version would have written.
///
/// The expected schema is not written down here: it is derived by running ``HistorySchema``'s
/// migrator on an in-memory database, up to the last migration the file records, and reading
/// back `sqlite_master` and `pragma table_info`. A migration added later is covered with no
/// change to this file.
enum HistorySchemaCheck {
    /// One entry of `sqlite_master`.
    struct SchemaObject: Hashable {
        let type: String
        let name: String
        let table: String
        let sql: String?
    }

    /// One column as `pragma table_info` describes it.
    struct Column: Hashable {
        let name: String
        let type: String
        let notNull: Bool
        let defaultValue: String?
        let primaryKey: Int
    }

    /// Why a file's schema is not trusted. The reason is ours, never text from the file.
    struct Untrusted: Error {
        let reason: String
    }

    /// The settings every history connection gets before its first statement: SQLite's
    /// defensive mode (no `writable_schema`, no shadow-table writes) and `trusted_schema=OFF`
    /// (functions with side effects are not run from the schema, views or triggers).
    static func harden(_ db: Database) throws {
        if let connection = db.sqliteConnection {
            _ = orghealth_sqlite_enable_defensive(UnsafeMutableRawPointer(connection))
        }
        try db.execute(sql: "PRAGMA trusted_schema = OFF")
    }

    /// Checks `db` (read-only is enough). Returns quietly for an empty database (a new file)
    /// and for one that matches the expected schema at its migration level.
    ///
    /// - Throws: ``Untrusted`` for a trigger, a view or any object, column or statement the
    ///   migrations do not make; `HistoryError.newerSchema` for migrations this version lacks
    ///   or a newer `user_version`; `HistoryError.notAHistoryFile` for a database of other tables.
    static func verify(_ db: Database, path: String) throws {
        let found = try objects(db)
        if found.contains(where: { $0.type == "trigger" }) {
            throw Untrusted(reason: "it holds a trigger, which OrgHealth never creates")
        }
        if found.contains(where: { $0.type == "view" }) {
            throw Untrusted(reason: "it holds a view, which OrgHealth never creates")
        }
        guard !found.isEmpty else { return }
        guard found.contains(where: { $0.type == "table" && $0.name == "grdb_migrations" }) else {
            let tables = found.filter { $0.type == "table" }.map(\.name).sorted()
            throw HistoryError.notAHistoryFile(path: path, tables: tables)
        }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = HistorySchema.migrationIDs
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { throw HistoryError.newerSchema(path: path, unknownMigrations: unknown) }
        // Migrations apply in order, so the applied ones are a prefix of the known ones.
        let appliedSet = Set(applied)
        let level = known.lastIndex(where: appliedSet.contains)
        guard appliedSet == Set(known.prefix(level.map { $0 + 1 } ?? 0)) else {
            throw Untrusted(reason: "its migration record skips a migration")
        }
        let expected = try expectedSchema(upTo: level.map { known[$0] })
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if userVersion > expected.userVersion {
            throw HistoryError.newerSchema(path: path, unknownMigrations: ["user_version \(userVersion)"])
        }
        guard userVersion == expected.userVersion else {
            throw Untrusted(reason: "its user_version is not one OrgHealth sets")
        }
        guard found == expected.objects else {
            throw Untrusted(reason: "its tables or indexes differ from those OrgHealth creates")
        }
        for table in found where table.type == "table" {
            guard try columns(db, table: table.name) == expected.columns[table.name] else {
                throw Untrusted(reason: "the columns of one of its tables differ from those OrgHealth creates")
            }
        }
    }

    /// What the migrations up to and including `migration` make (`nil`: only the migration
    /// record, as in a file created but not yet migrated).
    static func expectedSchema(upTo migration: String?) throws
        -> (objects: Set<SchemaObject>, columns: [String: [Column]], userVersion: Int) {
        let memory = try DatabaseQueue()
        // In the order HistoryStore does it: the record table first, then the migrations.
        try memory.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        if let migration { try HistorySchema.migrator.migrate(memory, upTo: migration) }
        return try memory.read { db in
            let objects = try objects(db)
            var columns: [String: [Column]] = [:]
            for table in objects where table.type == "table" { columns[table.name] = try self.columns(db, table: table.name) }
            return (objects, columns, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
    }

    private static func objects(_ db: Database) throws -> Set<SchemaObject> {
        let rows = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master")
        return Set(rows.map { row in
            SchemaObject(type: row[0], name: row[1], table: row[2], sql: (row[3] as String?).map(normalized))
        })
    }

    /// `sql` with each run of white space made one space: the same statement written with
    /// other indentation (an earlier release's source) is the same statement.
    private static func normalized(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    private static func columns(_ db: Database, table: String) throws -> [Column] {
        try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", arguments: [table])
            .map { row in Column(name: row[0], type: row[1], notNull: row[2], defaultValue: row[3], primaryKey: row[4]) }
    }
}
