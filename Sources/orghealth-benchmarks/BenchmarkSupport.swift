#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

// Measuring helpers shared by every benchmark.

/// Runs async work to completion from synchronous code.
func runBlocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = BlockingResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CocoaError(.featureUnsupported) }
    return try result.get()
}

/// Carries a result out of a detached task.
private final class BlockingResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// A duration in seconds.
func benchmarkSeconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// CPU time used by the process so far (user + system), which other work on a shared machine
/// does not inflate the way it inflates wall-clock time.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The process's peak resident set size so far, in MB (ru_maxrss is in KB on Linux, bytes on macOS).
func peakResidentMegabytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
    return Int(usage.ru_maxrss) / 1_000_000
    #else
    return Int(usage.ru_maxrss) / 1_000
    #endif
}
