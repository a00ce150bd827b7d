import CProcessControl
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds, kills and reaps what an external analyzer left running (issue 14, row 7).
///
/// Killing the analyzer's process group is not enough: a descendant that called `setsid`
/// has a group of its own. So every analyzer runs with a mark in its environment,
/// ``environmentKey`` = `<host mark>.<run>`, which its descendants inherit, and when the
/// analyzer ends every process still carrying its mark is killed and reaped.
///
/// The `orghealth` command also makes itself a child subreaper (Linux,
/// ``LiveAnalyzers/adoptOrphans()``): orphans are re-parented to it instead of to init, so a
/// descendant that scrubbed its environment is found too (a child the host did not spawn),
/// killed and reaped. In the bubblewrap sandbox nothing escapes either way: the sandbox's PID
/// namespace dies with the analyzer.
enum ProcessJanitor {
    /// The environment variable that marks an analyzer and its descendants.
    static let environmentKey = "ORGHEALTH_ANALYZER_RUN"

    /// This host's mark, the prefix of every run's mark.
    static let hostMark = "\(getpid())-\(UUID().uuidString.prefix(8))"

    /// A fresh mark for one run of one analyzer.
    static func newRunMark() -> String { "\(hostMark).\(UUID().uuidString.prefix(12))" }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var subreaper = false

    /// Whether the host made itself a child subreaper (``becomeSubreaper()``).
    static var isSubreaper: Bool { lock.withLock { subreaper } }

    /// Makes the host a child subreaper (Linux). Only a process whose every child is spawned
    /// by ``ChildProcess`` may do this — the `orghealth` command — because it then reaps
    /// children it did not spawn, which would steal another spawner's exit statuses.
    static func becomeSubreaper() -> Bool {
        lock.withLock {
            if !subreaper { subreaper = orghealth_become_child_subreaper() == 0 }
            return subreaper
        }
    }

    /// The host's children it did not spawn — orphans re-parented to it as subreaper — are
    /// reaped when they are zombies, and killed (then reaped) when they run without the mark
    /// of a run still going (`liveMarks`): what an analyzer left behind, mark scrubbed or not.
    /// Killing one orphans its children to the host in turn, so this looks again a few times.
    static func sweepOrphans(sparing spawned: Set<pid_t>, liveMarks: Set<String>) {
        guard isSubreaper else { return }
        let me = getpid()
        for round in 0..<20 {
            var killed: Set<pid_t> = []
            var found = false
            for child in children(of: me) where !spawned.contains(child.pid) {
                found = true
                if child.isZombie {
                    var status: Int32 = 0
                    _ = waitpid(child.pid, &status, WNOHANG)
                } else if child.mark.map({ !liveMarks.contains($0) }) ?? true {
                    kill(child.pid, SIGKILL)
                    killed.insert(child.pid)
                }
            }
            reap(killed)
            guard found else { break }
            if round > 0 { usleep(10_000) }  // a killed process's children are re-parented to the host shortly after
        }
    }

    /// One child of the host as `/proc` shows it.
    private struct Child {
        let pid: pid_t
        let isZombie: Bool
        let mark: String?
    }

    private static func children(of parent: pid_t) -> [Child] {
        // No /proc (not Linux, or not mounted): there are no children to find, as documented.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let prefix = Array("\(environmentKey)=".utf8)
        return names.compactMap { name -> Child? in
            // A process that ends between listing and reading is simply not a child any more.
            guard let pid = pid_t(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == parent else { return nil }
            let environ = FileManager.default.contents(atPath: "/proc/\(name)/environ") ?? Data()
            let mark = environ.split(separator: 0).first { $0.starts(with: prefix) }
                .map { String(decoding: $0.dropFirst(prefix.count), as: UTF8.self) }
            return Child(pid: pid, isZombie: fields[0] == "Z", mark: mark)
        }
    }

    /// Kills every process whose mark is `mark` (or starts with it, for ``hostMark``) and
    /// reaps those that are, or become, the host's children. Returns how many were killed.
    @discardableResult
    static func killMarked(_ mark: String, prefix: Bool = false) -> Int {
        let me = getpid()
        var killed: Set<pid_t> = []
        // A marked process may fork while it is being killed: look again until none is left.
        // A process in the middle of `exec` shows no environment for a moment, so once
        // something was killed, only two empty looks in a row, 20 ms apart, end the search
        // (one empty look let a `setsid` loop's fresh `sleep` escape under load).
        var emptyLooks = 0
        for _ in 0..<12 {
            let found = marked(mark, prefix: prefix).subtracting([me])
            if found.isEmpty {
                emptyLooks += 1
                if killed.isEmpty || emptyLooks >= 2 { break }
                usleep(20_000)
                continue
            }
            emptyLooks = 0
            for pid in found {
                kill(pid, SIGKILL)
                killed.insert(pid)
            }
        }
        reap(killed)
        return killed.count
    }

    /// The processes whose environment carries the mark (Linux `/proc`; none elsewhere).
    private static func marked(_ mark: String, prefix: Bool) -> Set<pid_t> {
        // No /proc (not Linux, or not mounted): none are marked, as documented.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let needle = Array("\(environmentKey)=\(mark)".utf8)
        var found: Set<pid_t> = []
        for name in names {
            guard let pid = pid_t(name) else { continue }
            // A process may end between listing and reading, and others' environments are
            // unreadable: either way it is not one of ours to clean up.
            guard let environ = FileManager.default.contents(atPath: "/proc/\(name)/environ") else { continue }
            for entry in environ.split(separator: 0) {
                let bytes = Array(entry)
                if prefix ? bytes.starts(with: needle) : bytes == needle {
                    found.insert(pid)
                    break
                }
            }
        }
        return found
    }

    /// Reaps killed processes that are the host's children, waiting up to 2 s for those
    /// still being re-parented to it.
    private static func reap(_ pids: Set<pid_t>) {
        var pending = pids
        let deadline = ContinuousClock.now + .seconds(2)
        while !pending.isEmpty && ContinuousClock.now < deadline {
            for pid in pending {
                var status: Int32 = 0
                let answer = waitpid(pid, &status, WNOHANG)
                if answer == pid {
                    pending.remove(pid)
                } else if answer == -1 && errno == ECHILD && !isZombieOfAnother(pid) {
                    // Not our child and not a zombie waiting to become ours: gone, or reaped by its parent.
                    pending.remove(pid)
                }
            }
            if !pending.isEmpty { usleep(5_000) }
        }
    }

    /// Whether the process still exists as a zombie, or still runs, under another parent.
    private static func isZombieOfAnother(_ pid: pid_t) -> Bool {
        // No stat file: the process is gone, so it is not anyone's zombie.
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 1, let parent = pid_t(fields[1]) else { return false }
        return parent != getpid()
    }
}
