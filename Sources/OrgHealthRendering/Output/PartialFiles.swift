import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary report files being written right now (`.health-report.html.XXXXXX`), so that
/// a signal can remove them before the process exits (issue 14, row 9): an interrupted run
/// leaves the earlier report as it was and nothing half-written beside it.
public enum PartialFiles {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var stopping = false

    /// Removes every temporary file being written. The lock stays held, so no other thread
    /// creates or renames one before the caller exits the process.
    public static func removeAll() {
        lock.lock()
        stopping = true
        for path in paths { unlink(path) }
        paths.removeAll()
        // Deliberately not unlocked: the caller exits the process.
    }

    /// Creates a temporary file with `create` (which returns its path, or nil) and records it;
    /// nil once stopping.
    static func create(_ create: () -> String?) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping, let path = create() else { return nil }
        paths.insert(path)
        return path
    }

    /// Runs `finish` (a rename or an unlink of the file) and forgets the file; false once
    /// stopping (the file is gone then).
    @discardableResult
    static func finish(_ path: String, _ finish: () -> Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping else { return false }
        paths.remove(path)
        return finish()
    }

    /// A pause between writing the temporary files and renaming them, for the test that
    /// interrupts a run at that moment (`ORGHEALTH_TEST_PAUSE_BEFORE_RENAME`, in seconds; unset
    /// in normal use).
    static var pauseBeforeRename: Double? {
        ProcessInfo.processInfo.environment["ORGHEALTH_TEST_PAUSE_BEFORE_RENAME"].flatMap(Double.init)
    }
}
