import Foundation
import OrgHealthKit

/// Reads a list of note files in parallel: the list is dealt into parts, each part is read
/// file by file into its own ledger (per-pair summaries, never note bodies), and the ledgers
/// are merged. The merge does not depend on the order parts finish in, so results are the same
/// on every run.
struct NoteFolderReader: Sendable {
    let settings: OneOnOneOptions
    let roster: Roster
    let period: ReportingPeriod

    /// How many neighbouring files are dealt to a part at a time.
    static let runLength = 32

    func read(_ files: [NoteFile], progress: ProgressReporter) async -> NoteLedger {
        guard !files.isEmpty else { return NoteLedger() }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // Several parts per worker so an uneven part (a big export) does not leave a core idle.
        // The files are dealt in runs of neighbours in the sorted list — mostly one folder's —
        // so a reader opens one folder for a run and each file in it by its name (NoteIntake);
        // dealt one by one, consecutive files of a part were in different folders.
        let run = Self.runLength
        let partCount = min((files.count + run - 1) / run, workers * 8)
        let parts: [[NoteFile]] = (0..<partCount).map { part in
            stride(from: part * run, to: files.count, by: partCount * run).flatMap { files[$0..<min($0 + run, files.count)] }
        }
        // The kernel is asked for the files in the order the parts are taken (NotePrefetch).
        let prefetch = NotePrefetch(paths: parts.flatMap { $0.map(\.path) })
        defer { prefetch.stop() }
        return await withTaskGroup(of: NoteLedger.self) { group in
            var next = 0
            func startNext() {
                guard next < parts.count else { return }
                let part = parts[next]
                next += 1
                group.addTask { [settings, roster, period] in
                    var intake = NoteIntake(settings: settings, roster: roster, period: period)
                    // Past the analyzer's deadline the task is cancelled: stop between files.
                    for file in part where !Task.isCancelled { intake.read(file) }
                    return intake.ledger
                }
            }
            for _ in 0..<min(workers, parts.count) { startNext() }
            var ledger = NoteLedger()
            var done = 0
            for await partial in group {
                ledger.merge(partial)
                done += 1
                progress.report("read \(ledger.filesRead + ledger.filesSkipped) of \(files.count) note files",
                                fraction: Double(done) / Double(parts.count))
                startNext()
            }
            return ledger
        }
    }
}
