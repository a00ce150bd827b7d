import Foundation
import OrgHealthKit

/// Every analyzer, built-in or external, runs under a deadline (issue 14):
/// `analyzers.<id>.timeoutSeconds` in the config, a host-level key every analyzer accepts. The
/// runner reads it and removes it from the options before they reach the analyzer.
///
/// Past its deadline a built-in analyzer's task is cancelled — its readers check for
/// cancellation in their loops and stop — and its run is `failed`; the report is still
/// written, without waiting for an analyzer that does not stop. An external analyzer's
/// process is killed at the deadline (``ExternalAnalyzerLimits/timeout``).
public enum AnalyzerDeadline {
    /// The option key.
    public static let optionKey = "timeoutSeconds"

    /// The deadline of a built-in analyzer without `timeoutSeconds`: 15 minutes. The whole
    /// report at 1,000,000 people takes about a minute (BENCHMARKS.md), so this is generous
    /// even on a loaded machine, and still ends a run that would never finish.
    public static let builtInDefaultSeconds: Double = 900

    /// The analyzer's deadline in seconds, if the options set one, and the options without it.
    static func take(from options: AnalyzerOptions) -> (seconds: Double?, options: AnalyzerOptions) {
        var rest = options
        let seconds = rest.values.removeValue(forKey: optionKey)?.doubleValue
        return (seconds.flatMap { $0 > 0 && $0.isFinite ? $0 : nil }, rest)
    }

    /// What a run past its deadline says.
    static func message(id: String, seconds: Double) -> String {
        let text = seconds == seconds.rounded() && seconds < 1e15 ? "\(Int(seconds)) s" : "\(seconds) s"
        return "did not finish within \(text) (analyzers.\(id).\(optionKey)) and was cancelled"
    }

    /// The deadline passed.
    struct Passed: Error {}

    /// Runs `operation` and returns its result, or throws ``Passed`` once `seconds` have gone
    /// by — then the operation's task is cancelled and not waited for.
    static func run<T: Sendable>(
        seconds: Double, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                race.start(continuation, seconds: seconds, operation)
            }
        } onCancel: {
            race.cancel()
        }
    }

    /// The first of the work and the timer to finish resumes the caller; the other is cancelled.
    private final class Race<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var continuation: CheckedContinuation<T, any Error>?
        private var work: Task<Void, Never>?
        private var timer: DispatchWorkItem?

        func start(_ continuation: CheckedContinuation<T, any Error>, seconds: Double, _ operation: @escaping @Sendable () async throws -> T) {
            lock.withLock { self.continuation = continuation }
            let work = Task {
                do { self.finish(.success(try await operation())) } catch { self.finish(.failure(error)) }
            }
            // The timer is a dispatch timer, not a task: built-in analyzers compute synchronously
            // and may occupy every thread of the cooperative pool, which would starve a task.
            let timer = DispatchWorkItem { self.finish(.failure(Passed())) }
            // Both are recorded before the timer starts, so a deadline that passes at once (a
            // loaded machine can hold this thread longer than the deadline) still cancels the
            // work. If the race already ended (the work finished, or the caller was cancelled),
            // the work is cancelled here and no timer is started.
            let ended = lock.withLock { () -> Bool in
                self.work = work
                self.timer = timer
                return self.continuation == nil
            }
            if ended {
                work.cancel()
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + min(seconds, 1e9), execute: timer)
        }

        func cancel() { finish(.failure(CancellationError())) }

        private func finish(_ result: Result<T, any Error>) {
            let (continuation, work, timer) = lock.withLock {
                let taken = (self.continuation, self.work, self.timer)
                self.continuation = nil
                return taken
            }
            guard let continuation else { return }
            work?.cancel()
            timer?.cancel()
            continuation.resume(with: result)
        }
    }
}
