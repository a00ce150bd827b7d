import GRDB

extension HistoryError {
    /// Turns whatever SQLite, GRDB or the file system threw into a `HistoryError` about `path`.
    static func from(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        if let error = error as? DatabaseError {
            let detail = error.message ?? error.resultCode.description
            switch error.resultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return .corrupt(path: path, detail: detail)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .io(path: path, detail: "another run kept it locked for more than "
                    + "\(Int(HistoryStore.busyTimeout)) seconds (\(detail)); try again")
            default:
                return .io(path: path, detail: detail)
            }
        }
        if error is RowDecodingError {
            return .corrupt(path: path, detail: "a stored row could not be read: \(error)")
        }
        return .io(path: path, detail: "\(error)")
    }
}
