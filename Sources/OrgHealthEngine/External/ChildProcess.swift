import CProcessControl
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one executable in its own process group, the way the host runs external analyzers:
/// an argument vector (no shell), a given environment, the request on standard input, a
/// deadline, a cap on standard output and the tail of standard error kept.
///
/// When the deadline passes or the output grows past the cap, the whole process group is
/// killed (so a script's children go too), and the process is always reaped: nothing is left
/// running and no zombie stays behind.
struct ChildProcess: Sendable {
    /// The executable.
    var executable: URL
    /// The arguments after the executable's own path.
    var arguments: [String]
    /// The complete environment of the child.
    var environment: [String: String]
    /// Written to the child's standard input, which is then closed.
    var standardInput = Data()
    /// How long the child may run.
    var timeout: Duration
    /// The most bytes of standard output accepted.
    var maxOutputBytes: Int
    /// How many bytes of the end of standard error are kept (in a ring of this size).
    var errorTailBytes = 8_192
    /// The folder the child starts in (the host's own when nil).
    var workingDirectory: URL?

    /// How the child ended.
    enum Termination: Equatable, Sendable {
        /// It exited with a status.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)
        /// It ran past the timeout and was killed.
        case timedOut
        /// It wrote more than the cap on standard output and was killed.
        case outputTooLarge
        /// It could not be started (the reason from the system).
        case notStarted(String)
        /// The task running it was cancelled (a deadline or a signal), and it was killed.
        case cancelled
    }

    /// What the child did.
    struct Outcome: Sendable {
        var termination: Termination
        /// Standard output (at most `maxOutputBytes`).
        var output: Data
        /// The last `errorTailBytes` of standard error.
        var errorTail: Data
        /// Wall time from start to reaping.
        var elapsed: Duration
    }

    /// Runs the child on a thread of its own (the wait blocks) and returns when it is reaped.
    /// Cancelling the calling task kills the child (and what it started).
    func run() async -> Outcome {
        let cancellation = Cancellation()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(returning: runBlocking(cancellation: cancellation))
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Runs the child and blocks until it is reaped; then kills and reaps whatever it left
    /// running (``ProcessJanitor``).
    func runBlocking(cancellation: Cancellation = Cancellation()) -> Outcome {
        ChildProcess.ignoreBrokenPipes
        let mark = ProcessJanitor.newRunMark()
        let started = ContinuousClock.now
        let deadline = started + timeout
        var pipes = PipeSet()
        defer { pipes.closeAll() }
        let pid: pid_t
        switch spawn(&pipes, mark: mark) {
        case .failure(let reason):
            return Outcome(termination: .notStarted(reason.reason), output: Data(), errorTail: Data(), elapsed: .zero)
        case .success(let child):
            pid = child
        }
        defer { LiveAnalyzers.ended(pid, mark: mark) }
        cancellation.started(pid)
        var io = StreamPump(input: standardInput, maxOutputBytes: maxOutputBytes, errorTailBytes: errorTailBytes)
        let pumped = io.pump(&pipes, until: deadline) { cancellation.isCancelled || ChildProcess.hasExited(pid) }
        var termination: Termination
        switch pumped {
        case .finished where cancellation.isCancelled:
            ChildProcess.killGroup(pid)
            _ = ChildProcess.reap(pid)
            termination = .cancelled
        case .finished:
            termination = ChildProcess.waitForExit(pid, until: deadline)
        case .timedOut:
            ChildProcess.killGroup(pid)
            _ = ChildProcess.reap(pid)
            termination = .timedOut
        case .outputTooLarge:
            ChildProcess.killGroup(pid)
            _ = ChildProcess.reap(pid)
            termination = .outputTooLarge
        }
        if cancellation.isCancelled, termination != .exited(0) { termination = .cancelled }
        return Outcome(termination: termination, output: io.output, errorTail: io.errorTail, elapsed: ContinuousClock.now - started)
    }

    /// Cancels a running child from another thread: kills its group once it has started.
    final class Cancellation: @unchecked Sendable {
        private let lock = NSLock()
        private var pid: pid_t?
        private var cancelled = false

        var isCancelled: Bool { lock.withLock { cancelled } }

        func cancel() {
            lock.withLock {
                cancelled = true
                if let pid { ChildProcess.killGroup(pid) }
            }
        }

        func started(_ child: pid_t) {
            lock.withLock {
                pid = child
                if cancelled { ChildProcess.killGroup(child) }
            }
        }
    }

    /// Starts the child: standard streams to the pipes, its own process group, default signal
    /// handling and an empty signal mask.
    private func spawn(_ pipes: inout PipeSet, mark: String) -> Result<pid_t, SpawnFailure> {
        // Pipes are made close-on-exec in two steps (pipe2 is not visible from Swift); the lock
        // keeps another child from being spawned in between and inheriting them.
        ChildProcess.spawnLock.lock()
        defer { ChildProcess.spawnLock.unlock() }
        do { try pipes.open() } catch { return .failure(SpawnFailure("no pipes: \(error.reason)")) }

        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipes.input.read, STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, pipes.output.write, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, pipes.error.write, STDERR_FILENO)
        if let workingDirectory {
            let status = orghealth_spawn_add_chdir(&actions, workingDirectory.path)
            guard status == 0 else {
                pipes.closeAll()
                return .failure(SpawnFailure("cannot start in \(workingDirectory.path): \(String(cString: strerror(status)))"))
            }
        }

        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = CStringArray([executable.path] + arguments)
        var marked = environment
        marked[ProcessJanitor.environmentKey] = mark
        let envp = CStringArray(marked.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        defer {
            argv.free()
            envp.free()
        }
        var status: Int32 = 0
        var spawned: pid_t?
        for attempt in 0..<5 {
            spawned = LiveAnalyzers.spawn(mark: mark) { () -> pid_t? in
                var pid: pid_t = 0
                status = posix_spawn(&pid, executable.path, &actions, &attributes, argv.pointers, envp.pointers)
                return status == 0 ? pid : nil
            }
            // "Text file busy": the executable was just written, and a process forked meanwhile
            // still holds it open for an instant; try again shortly.
            guard spawned == nil, status == ETXTBSY, attempt < 4 else { break }
            usleep(20_000)
        }
        pipes.closeChildEnds()
        guard let spawned else {
            return .failure(SpawnFailure(status == 0 ? "the run is being stopped" : String(cString: strerror(status))))
        }
        return .success(spawned)
    }

    /// Waits for the child to exit until the deadline (it may have closed its streams and
    /// still run); kills its group when the deadline passes.
    private static func waitForExit(_ pid: pid_t, until deadline: ContinuousClock.Instant) -> Termination {
        while true {
            if hasExited(pid) {
                // Anything the child left running in its group goes with it.
                killGroup(pid)
                return reap(pid)
            }
            if ContinuousClock.now >= deadline {
                killGroup(pid)
                _ = reap(pid)
                return .timedOut
            }
            usleep(5_000)
        }
    }

    /// Whether the child has exited, without reaping it (so its pid, and with it the process
    /// group's id, cannot be reused while the group is cleaned up).
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 {
            if errno != EINTR { return true }
        }
        return info.childPID != 0
    }

    /// Kills the child's process group (and the child, should the group be gone).
    fileprivate static func killGroup(_ pid: pid_t) {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
    }

    /// Reaps the child, blocking until it has ended.
    private static func reap(_ pid: pid_t) -> Termination {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return .exited(-1) }
        }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    /// Serializes pipe creation and spawning among the host's children.
    private static let spawnLock = NSLock()

    /// Writing to a child that has exited must fail with EPIPE, not kill the host.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    private struct SpawnFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

extension siginfo_t {
    /// The pid in a `waitid` answer; 0 when no child had changed state.
    fileprivate var childPID: pid_t {
        #if canImport(Glibc)
        return _sifields._kill.si_pid
        #else
        return si_pid
        #endif
    }
}

/// A null-terminated array of C strings for `posix_spawn`.
private struct CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    func free() { for pointer in pointers { Foundation.free(pointer) } }
}
