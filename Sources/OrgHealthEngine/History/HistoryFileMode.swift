import Foundation

/// The history holds people figures, like the reports: it is created readable and writable
/// by its owner only (0600). SQLite gives its `-wal` and `-shm` files the database file's mode.
enum HistoryFileMode {
    /// The mode a new history file is created with.
    static let ownerOnly: Int16 = 0o600

    /// Creates an empty file (an empty SQLite database) at `path` with mode 0600.
    static func createOwnerOnly(path: String) throws(HistoryError) {
        guard FileManager.default.createFile(
            atPath: path, contents: nil, attributes: [.posixPermissions: ownerOnly])
        else { throw .io(path: path, detail: "the file could not be created") }
        // createFile applies the umask to the requested mode on some platforms; set it again.
        do { try FileManager.default.setAttributes([.posixPermissions: ownerOnly], ofItemAtPath: path) } catch {
            throw .io(path: path, detail: "its mode could not be set to 0600: \(error.localizedDescription)")
        }
    }
}
