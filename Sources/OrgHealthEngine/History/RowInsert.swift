import GRDB
import GRDBSQLite

/// Inserts a known number of rows into one table of one snapshot, `batch` rows per statement,
/// bound and stepped through SQLite's C interface: the history's millions of rows at scale
/// without a `StatementArguments` array of boxed values per row, and without SQLite starting
/// and ending a statement for every row (issue 16: at 10^5 people, building and binding those
/// arrays was a third of recording a snapshot; one statement per row a third of what was left).
///
/// Bind a row's columns with `bind`, then call `endRow()`; after the last row, `finish()`.
/// Texts are copied by SQLite as they are bound.
struct RowInsert {
    private let database: Database
    private let columns: Int32
    private let batch: Int
    /// The statement for `batch` rows, and the one for the last rows when they are fewer.
    private let full: Statement?, last: Statement?
    /// The statement being bound, the rows it takes and the row being bound in it.
    private var current: Statement?, rowsInCurrent = 0, row = 0
    /// Rows not yet inserted, the ones bound so far included.
    private var remaining: Int

    /// Prepares the statements inserting `total` rows of `columns` into `table`, each row
    /// with `snapshotID` in its `snapshot_id` column.
    init(_ database: Database, into table: String, columns: [String], snapshotID: Int64, rows total: Int, batch: Int = 50) throws {
        self.database = database
        self.columns = Int32(columns.count)
        self.batch = batch
        remaining = total
        func statement(rows: Int) throws -> Statement? {
            guard rows > 0 else { return nil }
            let row = "(\(snapshotID)" + String(repeating: ", ?", count: columns.count) + ")"
            return try database.makeStatement(sql: """
                INSERT INTO \(table) (snapshot_id, \(columns.joined(separator: ", "))) VALUES \
                \(Array(repeating: row, count: rows).joined(separator: ", "))
                """)
        }
        full = try statement(rows: total >= batch ? batch : 0)
        last = try statement(rows: total % batch)
        current = total >= batch ? full : last
        rowsInCurrent = total >= batch ? batch : total % batch
    }

    /// Binds the text `value` to column `column` (from 1, after `snapshot_id`) of the row.
    func bind(_ column: Int32, _ value: String) {
        guard let statement = current?.sqliteStatement else { return }
        var value = value
        value.withUTF8 { bytes in
            // An empty buffer may have no address, which SQLite would bind as NULL, not ''.
            let address = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? Self.emptyText
            _ = sqlite3_bind_text(
                statement, parameter(column), address.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                Self.transient)
        }
    }

    /// Binds the integer `value` to column `column` of the row.
    func bind(_ column: Int32, _ value: Int64) {
        _ = sqlite3_bind_int64(current?.sqliteStatement, parameter(column), value)
    }

    /// Binds the number `value` to column `column` of the row.
    func bind(_ column: Int32, _ value: Double) {
        _ = sqlite3_bind_double(current?.sqliteStatement, parameter(column), value)
    }

    /// Ends the row: once a statement's rows are all bound, it inserts them.
    mutating func endRow() throws {
        row += 1
        guard row == rowsInCurrent, let statement = current else { return }
        try Self.step(statement, in: database)
        remaining -= rowsInCurrent
        row = 0
        current = remaining >= batch ? full : last
        rowsInCurrent = remaining >= batch ? batch : remaining
    }

    /// Checks that every row announced was inserted.
    func finish() throws {
        guard remaining == 0 else {
            throw DatabaseError(message: "\(remaining) history rows were announced but not bound; nothing was recorded")
        }
    }

    private func parameter(_ column: Int32) -> Int32 { Int32(row) * columns + column }

    private static func step(_ statement: Statement, in database: Database) throws {
        let code = sqlite3_step(statement.sqliteStatement)
        // The error of the step is the one reported, whatever reset answers.
        _ = sqlite3_reset(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            let message = database.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the text before `bind` returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
    /// A zero-length text with an address.
    private static var emptyText: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }
}
