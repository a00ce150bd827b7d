import Foundation
import OrgHealthEngine
import OrgHealthRendering
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGINT and SIGTERM cancel the run (issue 14, row 9): running analyzers are killed with
/// everything they started, their scratch folders (roster copies) and any half-written report
/// file are removed, and the process exits 128 + the signal (130, 143). An earlier report
/// stays as it was: report files are only ever replaced by a rename.
enum SignalCancellation {
    /// Keeps the sources alive for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Installs the handlers; call once, first thing.
    static func install() {
        let queue = DispatchQueue(label: "orghealth.signals")
        for number in [SIGINT, SIGTERM] {
            // Ignored as a signal, so that only the dispatch source sees it (and the handler
            // runs on a normal thread, where cleaning up is allowed).
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { stop(number) }
            source.resume()
            sources.append(source)
        }
    }

    private static func stop(_ number: Int32) {
        LiveAnalyzers.stopEverything()
        PartialFiles.removeAll()
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        let message = "orghealth: \(name): stopped; analyzers killed, temporary files removed, earlier reports unchanged\n"
        _ = message.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        _exit(128 + number)
    }
}
