import GRDB
import GRDBSQLite

/// One prepared INSERT, bound and stepped through SQLite's C interface: the history's
/// millions of rows at scale without a `StatementArguments` array of boxed values per row
/// (at 10^5 people, building and binding those was a third of recording a snapshot, issue 16).
///
/// Bound values stay bound across rows (SQLite keeps them through a reset), so a row binds
/// only what differs from the row before it. Texts are copied by SQLite as they are bound.
struct RowInsert {
    private let statement: Statement
    private let database: Database

    /// Prepares `sql` (an INSERT with `?` parameters) on `database`, inside its transaction.
    init(_ database: Database, sql: String) throws {
        self.database = database
        statement = try database.makeStatement(sql: sql)
    }

    /// Binds the text `value` to parameter `index` (from 1).
    func bind(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { bytes in
            // An empty buffer may have no address, which SQLite would bind as NULL, not ''.
            let address = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? Self.emptyText
            _ = sqlite3_bind_text(
                statement.sqliteStatement, index, address.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                Self.transient)
        }
    }

    /// Binds the integer `value` to parameter `index`.
    func bind(_ index: Int32, _ value: Int64) {
        _ = sqlite3_bind_int64(statement.sqliteStatement, index, value)
    }

    /// Binds the number `value` to parameter `index`.
    func bind(_ index: Int32, _ value: Double) {
        _ = sqlite3_bind_double(statement.sqliteStatement, index, value)
    }

    /// Inserts the row bound so far; its values stay bound for the next.
    func step() throws {
        let code = sqlite3_step(statement.sqliteStatement)
        // The error of the step is the one reported, whatever reset answers.
        _ = sqlite3_reset(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let message = database.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the text before `bind` returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
    /// A zero-length text with an address.
    private static var emptyText: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }
}
