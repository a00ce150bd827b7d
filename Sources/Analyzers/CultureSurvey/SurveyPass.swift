import Foundation
import OrgHealthKit

/// One pass over the responses into a tally. A large export is read on two threads: the
/// calling thread reads and decodes the records, a counting thread adds the decoded rows to
/// the tally, in file order — so the result is exactly the single-threaded one. The rows
/// travel in a few reused batches, so memory stays flat however long the file.
struct SurveyPass {
    let plan: SurveyPlan
    let teamCount: Int
    let keepsVerbatims: Bool
    /// Whether to count on a second thread (for exports of at least `parallelAboveBytes`).
    let parallel: Bool
    let parallelAboveBytes: Int

    static let batchSize = 1_024
    static let batches = 4

    /// Reads every export; returns the tally and the decoder after the pass, with its notes and
    /// counts (the scanner keeps its own).
    func run(
        _ exports: inout [SurveyExport], scanner: inout ResponseScanner, decoder: RowDecoder
    ) throws(AnalyzerError) -> (tally: SurveyTally, decoder: RowDecoder) {
        var decoder = decoder
        var row = ResponseRow(itemCount: plan.items.count)
        let bytes = exports.reduce(0) { $0 + ($1.byteCount ?? 0) }
        guard parallel, bytes >= parallelAboveBytes else {
            var tally = SurveyTally(plan: plan, teamCount: teamCount, keepsVerbatims: keepsVerbatims)
            for index in exports.indices {
                try scanner.scan(&exports[index], index: index) { record, team in
                    row.reset()
                    decoder.decode(record, export: index, into: &row)
                    tally.add(row, team: team)
                }
            }
            return (tally, decoder)
        }

        let counter = TallyThread(tally: SurveyTally(plan: plan, teamCount: teamCount, keepsVerbatims: keepsVerbatims))
        let empty = BatchQueue()
        for _ in 0..<Self.batches {
            empty.put(RowBatch(capacity: Self.batchSize, itemCount: plan.items.count, keepsComments: keepsVerbatims))
        }
        let full = BatchQueue()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            while let batch = full.take() {
                counter.count(batch)
                batch.clear()
                empty.put(batch)
            }
            finished.signal()
        }
        thread.name = "culture-survey counting"
        thread.start()
        var batch = empty.take()
        var failure: AnalyzerError?
        for index in exports.indices {
            do {
                try scanner.scan(&exports[index], index: index) { record, team in
                    row.reset()
                    decoder.decode(record, export: index, into: &row)
                    batch?.append(row, team: team)
                    if batch?.isFull == true {
                        full.put(batch)
                        batch = empty.take()
                    }
                }
            } catch {
                failure = error
                break
            }
        }
        if let batch, batch.count > 0 { full.put(batch) }
        full.close()
        finished.wait()
        if let failure { throw failure }
        return (counter.tally, decoder)
    }
}

/// The counting thread's tally: touched only by that thread until the pass has waited for it.
final class TallyThread: @unchecked Sendable {
    private(set) var tally: SurveyTally

    init(tally: SurveyTally) { self.tally = tally }

    func count(_ batch: RowBatch) { tally.add(batch) }
}

/// A blocking queue of batches between the two threads (at most ``SurveyPass/batches`` exist).
final class BatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [RowBatch] = []
    private var closed = false

    /// Adds a batch (`nil` is ignored).
    func put(_ batch: RowBatch?) {
        guard let batch else { return }
        condition.lock()
        batches.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// No more batches will come.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; `nil` once closed and drained.
    func take() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        return batches.isEmpty ? nil : batches.removeFirst()
    }
}
