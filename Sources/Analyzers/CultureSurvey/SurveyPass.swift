import OrgHealthKit

/// One pass over the responses into a tally. A large export is read by two tasks: the calling
/// task reads and decodes the records, a child task adds the decoded rows to the tally, in
/// file order — so the result is exactly the single-task one. The rows travel in a few
/// reused batches through two streams (full batches one way, emptied ones back), so memory
/// stays flat however long the file, and neither side blocks a thread while it waits: it
/// awaits the next batch.
struct SurveyPass {
    let plan: SurveyPlan
    let teamCount: Int
    let keepsVerbatims: Bool
    /// The cuts' attribute scopes (config `cuts:`), `nil` without cuts.
    let attributes: SurveyAttributes?
    /// Whether to count in a second task (for exports of at least `parallelAboveBytes`).
    let parallel: Bool
    let parallelAboveBytes: Int

    static let batchSize = 1_024
    /// How many batches circulate: the reader waits for an emptied one when all are full.
    static let batches = 4

    /// Reads every export; returns the tally and the decoder after the pass, with its notes and
    /// counts (the scanner keeps its own).
    func run(
        _ exports: inout [SurveyExport], scanner: inout ResponseScanner, decoder: RowDecoder
    ) async throws(AnalyzerError) -> (tally: SurveyTally, decoder: RowDecoder) {
        var decoder = decoder
        var row = ResponseRow(itemCount: plan.items.count)
        let empty = SurveyTally(plan: plan, teamCount: teamCount, keepsVerbatims: keepsVerbatims, attributes: attributes)
        let attributeWidth = attributes?.width ?? 0
        let bytes = exports.reduce(0) { $0 + ($1.byteCount ?? 0) }
        guard parallel, bytes >= parallelAboveBytes else {
            var tally = empty
            for index in exports.indices {
                try scanner.scan(&exports[index], index: index) { record, team, attributes in
                    row.reset()
                    decoder.decode(record, export: index, into: &row)
                    tally.add(row, team: team, attributes: attributes)
                }
            }
            return (tally, decoder)
        }

        let (full, toCounter) = AsyncStream.makeStream(of: RowBatch.self)
        let (emptied, toReader) = AsyncStream.makeStream(of: RowBatch.self)
        for _ in 1..<Self.batches {
            toReader.yield(RowBatch(capacity: Self.batchSize, itemCount: plan.items.count, keepsComments: keepsVerbatims, attributeWidth: attributeWidth))
        }
        async let counted = Self.count(full, into: empty, returningTo: toReader)
        var returned = emptied.makeAsyncIterator()
        var batch = RowBatch(capacity: Self.batchSize, itemCount: plan.items.count, keepsComments: keepsVerbatims, attributeWidth: attributeWidth)
        var failure: AnalyzerError?
        reading: for index in exports.indices {
            var finished = false
            while !finished {
                do {
                    finished = try scanner.scan(&exports[index], index: index, limit: batch.capacity - batch.count) {
                        record, team, attributes in
                        row.reset()
                        decoder.decode(record, export: index, into: &row)
                        batch.append(row, team: team, attributes: attributes)
                    }
                } catch {
                    failure = error
                    break reading
                }
                guard batch.isFull else { continue }
                toCounter.yield(batch)
                // `nil` only when this task is cancelled (the counter never finishes the stream).
                guard let next = await returned.next() else {
                    failure = AnalyzerError("cancelled: the analyzer's deadline passed")
                    break reading
                }
                batch = next
            }
        }
        if failure == nil, batch.count > 0 { toCounter.yield(batch) }
        toCounter.finish()
        let tally = await counted
        if let failure { throw failure }
        return (tally, decoder)
    }

    /// The counting side: adds each full batch to the tally and sends it back emptied, until
    /// the reader finishes the stream.
    private static func count(
        _ full: AsyncStream<RowBatch>, into tally: SurveyTally, returningTo reader: AsyncStream<RowBatch>.Continuation
    ) async -> SurveyTally {
        var tally = tally
        for await var batch in full {
            tally.add(batch)
            batch.clear()
            reader.yield(batch)
        }
        return tally
    }
}
