import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the host has running for external analyzers right now — their process groups and
/// their scratch folders (which hold a copy of the roster) — so that a signal can stop and
/// remove all of it before the host exits (issue 14, row 9).
public enum LiveAnalyzers {
    private static let lock = NSLock()
    /// Running analyzers: pid (= process group) → the run's mark.
    nonisolated(unsafe) private static var groups: [pid_t: String] = [:]
    nonisolated(unsafe) private static var folders: Set<URL> = []
    nonisolated(unsafe) private static var stopping = false

    /// Kills every running analyzer with everything it started, and removes every scratch
    /// folder. Once called, no new analyzer starts and no new folder is made (the host is
    /// about to exit); the lock stays held so that no other thread can start one meanwhile.
    public static func stopEverything() {
        lock.lock()
        stopping = true
        for group in groups.keys {
            kill(-group, SIGKILL)
            kill(group, SIGKILL)
        }
        ProcessJanitor.killMarked(ProcessJanitor.hostMark, prefix: true)
        ProcessJanitor.sweepOrphans(sparing: Set(groups.keys), liveMarks: [])
        for folder in folders {
            // Nothing can be done about a folder that cannot be removed while exiting.
            try? FileManager.default.removeItem(at: folder)
        }
        folders.removeAll()
        // Deliberately not unlocked: the caller exits the process.
    }

    /// Makes this process a child subreaper (Linux), so that what an analyzer leaves running
    /// — `setsid` or not, its environment scrubbed or not — is re-parented to it and killed
    /// and reaped when the analyzer ends. Call it first thing in a program whose only child
    /// processes are external analyzers (the `orghealth` command does); a program that
    /// starts other children (a test runner) must not. Returns whether the system allowed it.
    @discardableResult
    public static func adoptOrphans() -> Bool { ProcessJanitor.becomeSubreaper() }

    /// Runs `start` (which spawns a child and returns its pid, or nil) under the registry's
    /// lock and records the pid with its run's mark; returns nil without running it once stopping.
    static func spawn(mark: String, _ start: () -> pid_t?) -> pid_t? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping, let pid = start() else { return nil }
        groups[pid] = mark
        return pid
    }

    /// Forgets a child once it is reaped, then kills and reaps what it left running.
    static func ended(_ pid: pid_t, mark: String) {
        ProcessJanitor.killMarked(mark)
        lock.withLock {
            groups[pid] = nil
            ProcessJanitor.sweepOrphans(sparing: Set(groups.keys), liveMarks: Set(groups.values))
        }
    }

    /// Makes a scratch folder under the registry's lock and records it; false once stopping.
    static func makeFolder(_ make: () throws -> Void, at url: URL) rethrows -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !stopping else { return false }
        try make()
        folders.insert(url)
        return true
    }

    /// Removes a scratch folder and forgets it.
    static func removeFolder(_ url: URL) {
        lock.withLock {
            folders.remove(url)
            // A folder already gone, or one the analyzer made unremovable, must not fail the run.
            try? FileManager.default.removeItem(at: url)
        }
    }
}
