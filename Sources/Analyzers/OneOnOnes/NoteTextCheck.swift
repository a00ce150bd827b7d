import OrgHealthKit

/// Checks that file bytes are text a reader may look at: UTF-8, not binary.
enum NoteTextCheck {
    /// Why bytes are not acceptable text, with the 1-based line where it shows.
    enum Problem: Equatable {
        case binary(line: Int)
        case notUTF8(line: Int)

        var line: Int {
            switch self {
            case .binary(let line), .notUTF8(let line): return line
            }
        }

        /// What to tell the user (never the bytes themselves).
        var message: String {
            switch self {
            case .binary: return "is a binary file, not notes text; it was skipped"
            case .notUTF8: return "is not UTF-8 text; it was skipped — save it as UTF-8 and run again"
            }
        }
    }

    /// Whether the bytes start with a UTF-8 byte-order mark.
    static func hasBOM(_ bytes: UnsafeRawBufferPointer) -> Bool { ByteOrderMark.utf8Length(in: bytes) > 0 }

    /// Why the bytes are not acceptable (a NUL byte: binary; not well-formed UTF-8), or `nil`.
    static func problem(in bytes: UnsafeRawBufferPointer) -> Problem? {
        func line(at offset: Int) -> Int { 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        // A NUL anywhere means binary, whatever else the bytes hold.
        if let nul = LibC.firstOffset(of: 0, in: bytes) { return .binary(line: line(at: nul)) }
        return UTF8Check.firstInvalidOffset(in: bytes).map { .notUTF8(line: line(at: $0)) }
    }
}
