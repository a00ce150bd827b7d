/// Checks that file bytes are text a reader may look at: UTF-8, not binary.
enum TextBytes {
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
    static func hasBOM(_ bytes: UnsafeRawBufferPointer) -> Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// Why the bytes are not acceptable (a NUL byte: binary; not well-formed UTF-8), or `nil`.
    static func problem(in bytes: UnsafeRawBufferPointer) -> Problem? {
        var index = 0
        let count = bytes.count
        func line(at offset: Int) -> Int { 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        // A NUL anywhere means binary, whatever else the bytes hold.
        if let nul = bytes.firstIndex(of: 0) { return .binary(line: line(at: nul)) }
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .notUTF8(line: line(at: index))
            }
            guard index + length <= count else { return .notUTF8(line: line(at: index)) }
            for offset in 1..<length {
                let next = bytes[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard next >= low, next <= high else { return .notUTF8(line: line(at: index)) }
            }
            index += length
        }
        return nil
    }
}
