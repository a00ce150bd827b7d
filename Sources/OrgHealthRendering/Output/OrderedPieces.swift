import Foundation
import LibXML

/// Text made of many independent rows (a CSV figure, a JSON array element), built in pieces on
/// every core and handed on in order: the bytes are those of building the rows one by one, in
/// the time of a fraction of it (issue 16: at 10^6 people the CSV is 2.7 million rows and the
/// JSON 1.1 GB). The pieces are cut as the XML's figure rows are (``PieceRounds``), the first
/// ones ``firstPieceRows`` rows each.
enum OrderedPieces {
    /// Rows in each piece of the first round.
    static let firstPieceRows = 512

    /// Builds rows `0..<count` with `build(range, &bytes)` (which appends the rows of `range`,
    /// in order, to `bytes`) and hands each piece, in order, to `emit`. `build` must only read
    /// what it captures. When a piece fails, the first failure in row order is thrown and no
    /// piece after it is emitted.
    static func write(
        count: Int, build: @escaping @Sendable (Range<Int>, inout [UInt8]) throws -> Void,
        emit: ([UInt8]) throws -> Void
    ) throws {
        var rounds = PieceRounds(rows: 0..<count, firstPieceRows: firstPieceRows)
        let outcomes = PieceOutcomes(count: rounds.piecesPerRound)
        while let round = rounds.next() {
            let buildPiece: @Sendable (Int) -> Void = { piece in
                outcomes.run(piece) { bytes in try build(round[piece], &bytes) }
            }
            if round.count == 1 { buildPiece(0) } else { DispatchQueue.concurrentPerform(iterations: round.count, execute: buildPiece) }
            var bytes = 0
            for piece in round.indices {
                let built = try outcomes.take(piece)
                bytes += built.count
                try emit(built)
            }
            rounds.measured(bytes: bytes)
        }
    }
}

/// The pieces of one round, each built by one thread into its own slot.
private final class PieceOutcomes: @unchecked Sendable {
    // Each slot is written by the one thread building that piece, and read by the caller only
    // after `concurrentPerform` has returned (which orders the two). Raw storage, not an array
    // property: threads writing to their own elements of one array would be overlapping
    // accesses to the property.
    private let slots: UnsafeMutableBufferPointer<(bytes: [UInt8], failure: (any Error)?)>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: ([], nil))
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Builds a piece into its slot, reusing the slot's buffer from the round before (a fresh
    /// buffer of megabytes is fresh pages, each faulted in on first touch).
    func run(_ piece: Int, _ build: (inout [UInt8]) throws -> Void) {
        var bytes = slots[piece].bytes
        slots[piece].bytes = []
        bytes.removeAll(keepingCapacity: true)
        do {
            try build(&bytes)
            slots[piece] = (bytes, nil)
        } catch {
            slots[piece] = ([], error)
        }
    }

    /// The piece's bytes, or its failure. The slot keeps the buffer for the next round (the
    /// caller's copy must be gone by then, as it is once handed on).
    func take(_ piece: Int) throws -> [UInt8] {
        if let failure = slots[piece].failure { throw failure }
        return slots[piece].bytes
    }
}
