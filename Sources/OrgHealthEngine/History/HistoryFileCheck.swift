import Foundation
import GRDB

/// Looks at an existing history file through a read-only connection before anything may
/// write to it, so that a damaged, foreign or newer file is refused without a single byte of
/// it changing.
enum HistoryFileCheck {
    /// Throws when the file at `path` is not a history file this version may use. `immutable`
    /// (for read-only runs) opens it so that SQLite writes nothing beside it — no `-wal` or
    /// `-shm` file — and takes no lock.
    ///
    /// With `integrityLater`, SQLite's integrity check of the whole file is left out when the
    /// file is otherwise fine, records every migration this version knows and is in WAL mode
    /// (opening it for writing then writes nothing, and nothing written reaches it before a
    /// commit), and the result says so: the caller runs
    /// ``integrityProblem(path:)`` itself, and commits nothing before it has passed. A file that
    /// is refused for another reason is still checked first, so that damage is named as damage.
    @discardableResult
    static func inspect(path: String, immutable: Bool = false, integrityLater: Bool = false) throws(HistoryError) -> Bool {
        let besides = immutable ? nil : WALFiles(beside: path)
        do {
            let queue = try DatabaseQueue(path: immutable ? immutableURI(path) : path,
                                          configuration: configuration(label: "OrgHealth.history.check", readOnly: true))
            defer {
                // Closing a read-only connection that only read cannot lose data; a failure
                // here would hide the verdict already reached.
                try? queue.close()
            }
            return try queue.read { db in
                guard integrityLater else {
                    try inspect(db, path: path)
                    return false
                }
                do {
                    try HistorySchemaCheck.verify(db, path: path)
                } catch {
                    try checkIntegrity(db, path: path)
                    throw error
                }
                guard try recordsEveryMigration(db), try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal" else {
                    try checkIntegrity(db, path: path)
                    return false
                }
                return true
            }
        } catch {
            // The connection is closed by now: a refused file is left as it was found.
            besides?.removeIfMadeByThisCheck()
            throw HistoryError.from(error, path: path)
        }
    }

    /// The `-wal` and `-shm` files beside a history file. Reading a file whose header says WAL
    /// makes SQLite create both, and a read-only connection cannot remove them when it closes;
    /// for a file that is then refused (damaged, foreign, newer), nothing else ever would.
    struct WALFiles {
        let wal: String, shm: String
        /// Whether either existed before the check opened the file.
        let existedBefore: Bool

        init(beside path: String) {
            wal = path + "-wal"
            shm = path + "-shm"
            existedBefore = FileManager.default.fileExists(atPath: wal) || FileManager.default.fileExists(atPath: shm)
        }

        /// Removes both when neither was there before the check and the `-wal` is still empty:
        /// they are then the check's own, and hold nothing. (Writers open one at a time,
        /// ``HistoryOpeningLock``, and every writer refuses the file too; read-only stores open
        /// it immutable and make neither file.)
        func removeIfMadeByThisCheck() {
            guard !existedBefore,
                  let size = (try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int, size == 0
            else { return }
            unlink(wal)
            unlink(shm)
        }
    }

    /// The checks themselves, on an open connection: SQLite's own integrity check, then the
    /// schema against the one OrgHealth's migrations make (``HistorySchemaCheck``).
    static func inspect(_ db: Database, path: String) throws {
        try checkIntegrity(db, path: path)
        try HistorySchemaCheck.verify(db, path: path)
    }

    /// SQLite's `quick_check` of the whole file: every page read, every b-tree walked.
    static func checkIntegrity(_ db: Database, path: String) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check")
        guard problems == ["ok"] else {
            // quick_check's findings can name the file's own tables and indexes: not shown.
            throw HistoryError.corrupt(path: path, detail: "SQLite's integrity check found \(problems.count) problem(s)")
        }
    }

    /// Whether the file records every migration this version knows (after ``HistorySchemaCheck``
    /// has passed, so its record is a prefix of them).
    private static func recordsEveryMigration(_ db: Database) throws -> Bool {
        guard try db.tableExists("grdb_migrations") else { return false }
        let applied = try Int.fetchOne(db, sql: "SELECT count(*) FROM grdb_migrations") ?? 0
        return applied == HistorySchema.migrationIDs.count
    }

    /// The integrity check left by ``inspect(path:immutable:integrityLater:)``, through a
    /// read-only connection of its own (the file is open for writing meanwhile, in WAL mode:
    /// the check sees what was committed when it began). `nil` when the file passes.
    static func integrityProblem(path: String) -> HistoryError? {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(label: "OrgHealth.history.integrity", readOnly: true))
            // As above: a read-only connection that only read loses nothing when its close fails.
            defer { try? queue.close() }
            try queue.read { db in try checkIntegrity(db, path: path) }
            return nil
        } catch {
            return HistoryError.from(error, path: path)
        }
    }

    /// The connection settings every history connection shares: hardened before its first
    /// statement (see ``HistorySchemaCheck/harden(_:)``).
    static func configuration(label: String, readOnly: Bool) -> GRDB.Configuration {
        var configuration = GRDB.Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(HistoryStore.busyTimeout)
        configuration.label = label
        configuration.prepareDatabase { db in try HistorySchemaCheck.harden(db) }
        return configuration
    }

    /// A `file:` URI that opens `path` as immutable: read-only, no locks, no `-wal`/`-shm`.
    /// (The system SQLite accepts URI file names; the characters URIs reserve are escaped.)
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3F"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return "file:" + escaped + "?immutable=1"
    }
}
