import OrgHealthKit

/// Reads review fields straight from a record's UTF-8 bytes, so that the common cases of a
/// half-million-row file (canonical codes, word counts) cost no `String`; fields are trimmed with
/// `CSVRecord.withTrimmedField` and dates read with `CalendarDate(isoBytes:)`.
enum ReviewFieldScanner {
    /// Whether the trimmed field reads as `code` (lower-case ASCII with `_`), ignoring ASCII
    /// case and reading a space or hyphen as `_`.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, code: [UInt8]) -> Bool {
        guard bytes.count == code.count else { return false }
        for index in 0..<code.count {
            var byte = bytes[index]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte == 0x20 || byte == 0x2D { byte = 0x5F }
            if byte != code[index] { return false }
        }
        return true
    }

    /// The number of words — runs of characters between white space — counting no further
    /// than `limit`.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        var words = 0
        var inWord = false
        for byte in bytes {
            if isSpace(byte) || byte == 0x0B || byte == 0x0C {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= limit { return words }
            }
        }
        return words
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
