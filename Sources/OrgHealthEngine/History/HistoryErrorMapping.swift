import GRDB

extension HistoryError {
    /// Turns whatever SQLite, GRDB or the file system threw into a `HistoryError` about `path`.
    ///
    /// SQLite's message is never passed on: it can carry text from the file itself (a trigger's
    /// `RAISE(ABORT, '…')` message, a stored value), and the report must show only OrgHealth's
    /// own words. The result code says enough to choose the message and the fix.
    static func from(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        if let error = error as? HistorySchemaCheck.Untrusted { return .untrusted(path: path, reason: error.reason) }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return .corrupt(path: path, detail: "SQLite cannot read it as a database")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .io(path: path, detail: "another run kept it locked for more than "
                    + "\(Int(HistoryStore.busyTimeout)) seconds; try again")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
                return .io(path: path, detail: "it cannot be opened for \(error.resultCode == .SQLITE_READONLY ? "writing" : "reading"); "
                    + "check its permissions and its folder's")
            case .SQLITE_IOERR, .SQLITE_FULL:
                return .io(path: path, detail: "reading or writing it failed (the disk may be full or failing)")
            default:
                // A constraint, an abort, an unknown function or table: SQLite ran something the
                // file asked for, or the file is not laid out as OrgHealth writes it.
                return .untrusted(path: path, reason: "SQLite refused an operation on it")
            }
        }
        if error is RowDecodingError {
            return .corrupt(path: path, detail: "a stored row does not hold what OrgHealth writes")
        }
        return .io(path: path, detail: "it could not be used")
    }
}
