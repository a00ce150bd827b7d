import Foundation

/// Why the history database could not be used. Every case names the file and says what to do;
/// none of them means the file was changed: a file OrgHealth cannot trust is left as it is.
public enum HistoryError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file is not a readable SQLite database, or SQLite found it damaged.
    case corrupt(path: String, detail: String)
    /// The file was written by a newer OrgHealth: it has schema migrations this version does
    /// not know, so this version neither writes to it nor guesses at its layout.
    case newerSchema(path: String, unknownMigrations: [String])
    /// The file is an SQLite database, but not an OrgHealth history (it has tables of its own
    /// and no migration record).
    case notAHistoryFile(path: String, tables: [String])
    /// The file holds something OrgHealth never writes (a trigger, a view, an unknown table or
    /// column), or SQLite failed on it in a way a file OrgHealth wrote cannot make it fail.
    /// `reason` is OrgHealth's own words: nothing from the file is ever shown.
    case untrusted(path: String, reason: String)
    /// The file does not exist (only when opening read-only; a writable store creates it).
    case missing(path: String)
    /// The file or its folder could not be read or written (permissions, disk, a folder in
    /// its place, a lock held for longer than the busy timeout).
    case io(path: String, detail: String)

    /// The file concerned.
    public var path: String {
        switch self {
        case .corrupt(let path, _), .newerSchema(let path, _), .notAHistoryFile(let path, _), .missing(let path),
             .io(let path, _), .untrusted(let path, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            return "\(path): the history file is damaged or not an SQLite database (\(detail)); "
                + "it was left untouched: restore it from a backup, or point `history:` at a new file"
        case .newerSchema(let path, let unknown):
            return "\(path): the history file was written by a newer orghealth (unknown schema migrations: "
                + "\(unknown.joined(separator: ", "))); it was left untouched: upgrade orghealth to use it"
        case .notAHistoryFile(let path, let tables):
            return "\(path): this SQLite database is not an orghealth history (it holds the tables "
                + "\(tables.joined(separator: ", "))); it was left untouched: point `history:` at another file"
        case .untrusted(let path, let reason):
            return "\(path): the history file is not one OrgHealth wrote (\(reason)); it was left untouched: "
                + "point `history:` at a new file, or restore this one from a backup"
        case .missing(let path):
            return "\(path): no history file here yet; `orghealth report` creates it on its first run"
        case .io(let path, let detail):
            return "\(path): the history file could not be used: \(detail)"
        }
    }
}
