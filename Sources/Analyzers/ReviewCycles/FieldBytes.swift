import OrgHealthKit

/// Reads review fields straight from a record's UTF-8 bytes, so that the common cases of a
/// half-million-row file (canonical codes, ISO dates, word counts) cost no `String`.
enum FieldBytes {
    /// The bytes without leading and trailing spaces, tabs, CR and LF.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

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

    /// An ISO 8601 date, `YYYY-MM-DD`, optionally followed by `T` (or a space) and a time, as
    /// ``CalendarDate/init(iso:)`` reads it; `nil` for anything else. Expects trimmed bytes.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        if bytes.count > 10 {
            let separator = bytes[10]
            guard separator == 0x54 || separator == 0x74 || separator == 0x20 else { return nil }
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
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
