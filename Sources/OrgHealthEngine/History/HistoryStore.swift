import Foundation
import GRDB
import OrgHealthKit

/// The history of past reports: one SQLite file (through GRDB) holding, for each period, the
/// figures that passed the privacy gate, so that the next report can show trends.
///
/// - An existing file is first inspected through a read-only connection (integrity, migration
///   record, and the whole schema against the one the migrations make); a damaged, foreign,
///   newer or tampered file (a trigger, a view, an unknown table) is refused with a
///   `HistoryError` and never written, deleted or recreated.
/// - Every connection runs in SQLite's defensive mode with `trusted_schema=OFF`; a read-only
///   store opens the file immutable, so it creates no `-wal`/`-shm` files.
/// - Several runs may use one file at once: the file is in WAL mode, every connection waits up
///   to `busyTimeout` for a lock, and every write is one IMMEDIATE transaction.
/// - The layout is created and brought forward by `HistorySchema`'s migrator.
///
/// See docs/HISTORY.md.
public final class HistoryStore: Sendable {
    /// Whether the store may write.
    public enum Access: Sendable {
        /// Reads only; the file must exist and is never modified.
        case readOnly
        /// Reads and writes; a missing file (and its folder) is created.
        case readWrite
    }

    /// How long a connection waits for another run's lock before giving up, in seconds.
    public static let busyTimeout: TimeInterval = 10

    /// The history file.
    public let url: URL
    /// Whether this store may write.
    public let access: Access
    /// The connection.
    let database: DatabaseQueue
    /// SQLite's integrity check of the whole file, when it runs beside the store's work
    /// (``init(url:access:checkingIntegrityAlongside:)``): its problem, or `nil`.
    private let integrity: InBackground<HistoryError?>?

    /// Opens the history file at `url`, creating it when `access` is `.readWrite` and it does
    /// not exist yet, and bringing its layout up to date.
    ///
    /// - Throws: `HistoryError.corrupt`, `.newerSchema` or `.notAHistoryFile` for a file that
    ///   must not be touched; `.missing` for an absent file opened read-only; `.io` otherwise.
    public convenience init(url: URL, access: Access = .readWrite) throws(HistoryError) {
        try self.init(url: url, access: access, checkingIntegrityAlongside: false)
    }

    /// ``init(url:access:)``, except that for an existing file opened for writing that records
    /// every migration, SQLite's integrity check of the whole file (it reads every page: about
    /// 0.45 s per stored quarter at 10^6 people) runs on a thread of its own while the store is
    /// used, not before it opens. The file's schema is checked first as always, and the check is
    /// waited for before any write commits (``integrityProblem()``): a damaged file is then
    /// refused there, and nothing it holds has changed (in WAL mode, an uncommitted write never
    /// reaches the file). What was read from it before the verdict must not be used when
    /// ``integrityProblem()`` names one.
    init(url: URL, access: Access, checkingIntegrityAlongside: Bool) throws(HistoryError) {
        let path = url.path
        self.url = url
        self.access = access
        // Writers open one at a time (HistoryOpeningLock); the folder is made first to be locked.
        var openingLock: HistoryOpeningLock?
        if access == .readWrite {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .io(path: path, detail: "its folder could not be created: \(error.localizedDescription)")
            }
            openingLock = HistoryOpeningLock(folder: url.deletingLastPathComponent())
        }
        defer { openingLock?.release() }
        var integrityLeft = false
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard !isFolder.boolValue else { throw .io(path: path, detail: "a folder is in the way of the history file") }
            // An empty file is one another run has just created (owner-only) and is about to
            // migrate: nothing in it to distrust yet, and reading it mid-creation would report
            // it damaged. The schema is verified again inside every write. (A size that cannot be
            // read is nil, so the file is inspected: losing that error is safe.)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            if size != 0 || access == .readOnly {
                integrityLeft = try HistoryFileCheck.inspect(
                    path: path, immutable: access == .readOnly,
                    integrityLater: checkingIntegrityAlongside && access == .readWrite)
            }
        } else if access == .readOnly {
            throw .missing(path: path)
        } else {
            try HistoryFileMode.createOwnerOnly(path: path)
        }
        integrity = integrityLeft ? InBackground { HistoryFileCheck.integrityProblem(path: path) } : nil

        var configuration = HistoryFileCheck.configuration(label: "OrgHealth.history", readOnly: access == .readOnly)
        // A read-only run opens the file immutable: it leaves no -wal/-shm files behind. A file
        // whose integrity check runs alongside is in WAL mode already, and GRDB's switch to WAL
        // is not made on it: that switch commits a table made and dropped when the -wal file is
        // empty, which would write to a file the check has not passed yet.
        if access == .readWrite && !integrityLeft { configuration.journalMode = .wal }
        configuration.foreignKeysEnabled = true
        do {
            database = try DatabaseQueue(path: access == .readOnly ? HistoryFileCheck.immutableURI(path) : path,
                                         configuration: configuration)
            // The setting GRDB's switch to WAL makes (not a write).
            if integrityLeft { try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = NORMAL") } }
        } catch {
            // Its connection closes before this store is gone (none is left open beside the file).
            _ = integrity?.value
            throw HistoryError.from(error, path: path)
        }
        // A file whose check is left for later records every migration (the inspection above
        // found so under the opening lock, which every writer takes to migrate): nothing to do.
        if access == .readWrite && integrity == nil { try migrate() }
    }

    /// The problem SQLite's integrity check found in the file, when the check runs beside the
    /// store's work (waiting for it); `nil` when the file passed or was checked before it opened.
    func integrityProblem() -> HistoryError? {
        integrity?.value ?? nil
    }

    /// Throws the integrity check's problem, if it found one, so that the transaction it is
    /// called in rolls back: a write into a file the check has not passed yet (its rows are in
    /// the write-ahead log until the commit) reaches the file only if the check passes.
    private func commitsOnlyAfterTheCheck() throws {
        if let problem = integrityProblem() { throw problem }
    }

    /// Applies the migrations the file lacks. Another run may apply the same migration between
    /// our look and our write; its transaction then wins and ours fails, which is fine as long
    /// as the file ends up complete.
    private func migrate() throws(HistoryError) {
        let migrator = HistorySchema.migrator
        // GRDB reads the applied migrations before it takes the write lock; a run that creates
        // the record table at that moment makes the read fail. So the table is made first,
        // under the lock, with the very statement GRDB uses (a no-op once it exists).
        try write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        // The file may have changed since the read-only inspection (another run, a newer tool).
        let applied = try read { try migrator.appliedIdentifiers($0) }
        let unknown = applied.subtracting(HistorySchema.migrationIDs).sorted()
        if !unknown.isEmpty { throw .newerSchema(path: url.path, unknownMigrations: unknown) }
        do {
            try migrator.migrate(database)
        } catch {
            // When the check itself fails, the migration's error is the one worth reporting.
            let complete = (try? database.read { try migrator.hasCompletedMigrations($0) }) ?? false
            guard complete else { throw HistoryError.from(error, path: url.path) }
        }
    }

    /// Closes the connection (it also closes when the store is released).
    public func close() throws(HistoryError) {
        // The check's connection closes first, so that this one, the last, leaves no -wal or -shm.
        _ = integrity?.value
        do { try database.close() } catch { throw HistoryError.from(error, path: url.path) }
    }

    /// Runs `body` in a read transaction, mapping errors to `HistoryError`.
    func read<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try database.read(body) } catch { throw HistoryError.from(error, path: url.path) }
    }

    /// Runs `body` in one IMMEDIATE write transaction (all or nothing), mapping errors.
    func write<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        guard access == .readWrite else {
            throw .io(path: url.path, detail: "the history was opened read-only")
        }
        // The schema is checked again inside the write transaction: a trigger planted after the
        // file was opened must not run on our inserts.
        do {
            return try database.write { db in
                try HistorySchemaCheck.verify(db, path: url.path)
                let value = try body(db)
                try commitsOnlyAfterTheCheck()
                return value
            }
        } catch { throw HistoryError.from(error, path: url.path) }
    }

    /// ``write(_:)`` with SQLite's foreign-key checks off for the transaction, for a body that
    /// writes a snapshot and only rows that name it (the recording): each row's check looked the
    /// snapshot up again, a quarter of inserting a stored 10^6 quarter's 1.5 million metric values
    /// (issue 16). Rows are deleted explicitly, never by the schema's cascade, so nothing relies
    /// on the checks. They are on again, whether the transaction committed or not, before the
    /// connection is used for anything else (were that to fail, the write reports an error).
    func writeOwnRows<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        guard access == .readWrite else {
            throw .io(path: url.path, detail: "the history was opened read-only")
        }
        do {
            return try database.writeWithoutTransaction { db in
                // SQLite ignores the setting inside a transaction: it is set around one.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                let written = Result { () throws -> T in
                    var value: T?
                    try db.inTransaction(.immediate) {
                        try HistorySchemaCheck.verify(db, path: url.path)
                        value = try body(db)
                        try commitsOnlyAfterTheCheck()
                        return .commit
                    }
                    guard let value else { throw HistoryError.io(path: url.path, detail: "the write did not complete") }
                    return value
                }
                try db.execute(sql: "PRAGMA foreign_keys = ON")
                return try written.get()
            }
        } catch { throw HistoryError.from(error, path: url.path) }
    }
}
