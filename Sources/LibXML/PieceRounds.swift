import Foundation

/// How rows that are built on every core and written in order are cut into pieces — the one
/// scheme of the XML's figure rows (``XMLStreamWriter/rowElements(_:count:_:)``) and of the
/// other renderers' rows (the CSV's lines, the JSON's large arrays) (issue 16).
///
/// A round holds two pieces per core (up to eight cores), built at once and then written in
/// order. The first round's pieces hold a fixed number of rows; later pieces aim at
/// ``pieceBytes``, sized from the bytes per row of the round before, so memory stays flat
/// whether a row is a 100-byte figure or a scope of several kilobytes.
public struct PieceRounds: Sendable {
    /// The size the later pieces aim at.
    public static let pieceBytes = 2 << 20
    /// Pieces in a round: two per core, up to eight cores.
    public let piecesPerRound: Int
    private let end: Int
    private var start: Int
    private var rowsPerPiece: Int
    private var roundRows = 0

    /// Rounds over the rows `rows`, the first round's pieces `firstPieceRows` rows each.
    public init(rows: Range<Int>, firstPieceRows: Int) {
        piecesPerRound = 2 * min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        end = rows.upperBound
        start = rows.lowerBound
        rowsPerPiece = max(1, firstPieceRows)
    }

    /// The pieces of the next round, in row order; `nil` once every row is in a round.
    public mutating func next() -> [Range<Int>]? {
        guard start < end else { return nil }
        let rows = rowsPerPiece
        let pieces = min(piecesPerRound, (end - start + rows - 1) / rows)
        let round = (0..<pieces).map { piece in (start + piece * rows)..<min(end, start + (piece + 1) * rows) }
        roundRows = min(end, start + pieces * rows) - start
        start += roundRows
        return round
    }

    /// Sizes the next round's pieces from the bytes the last round's rows came to.
    public mutating func measured(bytes: Int) {
        let bytesPerRow = max(1, bytes / max(1, roundRows))
        rowsPerPiece = min(1 << 16, max(16, Self.pieceBytes / bytesPerRow))
    }
}
