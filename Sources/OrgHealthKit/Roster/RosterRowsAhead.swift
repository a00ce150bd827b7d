import Foundation

/// A roster's rows read on a thread of their own, in batches, while ``RosterAssembly`` takes
/// them in file order on the caller's (issue 16: the roster is read before anything else can
/// start, and reading it on one core left the other idle for a second at 10^6 people).
///
/// The reading thread splits records, trims the fields the assembly reads
/// (``RosterAssembly/fieldsRead``), hashes the employee id and counts stray characters; the
/// assembly keeps everything that decides a row's fate (a repeated id, a missing team), so rows
/// are settled exactly as they were when read in one loop, in the same order, ragged rows
/// included. A batch holds its rows' fields in one array, and the records stay on the reading
/// thread (freeing a million records on the other thread cost more than reading them). At most
/// ``batchesAhead`` batches wait, so memory stays flat.
final class RosterRowsAhead: @unchecked Sendable {
    /// Rows as read, in file order.
    struct Batch: Sendable {
        /// What the reader met, in order: a row (its place in the arrays below) or a ragged row.
        var events: [Event] = []
        /// Each row's fields, ``RosterAssembly/fieldsRead`` after ``RosterAssembly/fieldsRead``.
        var fields: [String] = []
        var lines: [Int] = []
        var idHashes: [Int] = []
        var strayCharacters: [Int] = []
        /// Where the reader was after each row.
        var bytesRead: [Int] = []
    }

    enum Event: Sendable {
        case row(Int)
        case ragged(CSVReader.RaggedRow)
    }

    static let rowsPerBatch = 1_024
    static let batchesAhead = 4

    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var finished = false
    private var failure: CSVError?

    /// Starts reading `reader` (past its header) on a new thread; `columns` are the fields to
    /// trim, `idPosition` the id's place among them (nil when the file has no id column).
    init(reading reader: consuming CSVReader, columns: [Int], idPosition: Int?) {
        nonisolated(unsafe) var reader = reader
        let thread = Thread { [self] in
            do throws(CSVError) {
                var batch = Batch()
                while let record = try reader.next(skippingRagged: { batch.events.append(.ragged($0)) }) {
                    batch.events.append(.row(batch.lines.count))
                    for column in columns { batch.fields.append(record.trimmed(column)) }
                    let id = idPosition.map { batch.fields[batch.fields.count - columns.count + $0] } ?? ""
                    batch.idHashes.append(id.isEmpty ? 0 : RosterKeyIndex.hash(id))
                    batch.lines.append(record.line)
                    batch.strayCharacters.append(record.strayCharacterCount)
                    batch.bytesRead.append(reader.bytesRead)
                    if batch.lines.count >= Self.rowsPerBatch {
                        push(batch)
                        batch = Batch()
                    }
                }
                push(batch)
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.name = "orghealth-roster-read"
        thread.start()
    }

    private func push(_ batch: Batch) {
        guard !batch.events.isEmpty else { return }
        condition.lock()
        while batches.count >= Self.batchesAhead { condition.wait() }
        batches.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    private func finish(_ error: CSVError?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in file order; `nil` after the last; throws what stopped the reading,
    /// after every batch read before it.
    func next() throws(CSVError) -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }
}
