import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serializes the opening of history files for writing: creating the file, inspecting it,
/// switching it to WAL and migrating it. Two runs that open one new file at once otherwise race:
/// one can create the file while the other replaces it, or inspect it while the other is
/// still writing its first page, and SQLite's busy timeout does not cover switching the
/// journal mode. Once opened, writes are serialized by SQLite's own locks.
///
/// The lock is `flock` on the history's folder, not on the file: closing any descriptor of the
/// database file would drop the POSIX locks SQLite holds on it in this process, and a
/// separate lock file would be one more file beside the history. A folder cannot be locked
/// (a file system without `flock`): the opening goes on unserialized, as before.
struct HistoryOpeningLock {
    private let descriptor: Int32

    /// Waits for and takes the lock on `folder`.
    init(folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0, flock(descriptor, LOCK_EX) != 0 {
            close(descriptor)
            self.descriptor = -1
        } else {
            self.descriptor = descriptor
        }
    }

    /// Releases the lock.
    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
