/// Whether a cell's number format shows a date, a time, both, or neither —
/// all that decides how a serial number becomes text.
enum NumberFormatKind: Sendable, Equatable {
    case number, date, time, dateTime

    /// The kind of built-in format `id` (ECMA-376 Part 1, §18.8.30 `numFmt`):
    /// 14–17 dates, 18–21 times, 22 date and time, 45–47 times; the East Asian
    /// locale formats 27–31, 34–36 and 50–58 are dates and 32–33 times.
    /// Every other id is a number.
    static func builtIn(_ id: Int) -> NumberFormatKind {
        switch id {
        case 14...17, 27...31, 34...36, 50...58: return .date
        case 18...21, 32, 33, 45...47: return .time
        case 22: return .dateTime
        default: return .number
        }
    }

    /// The kind of a custom format code, from its first section (before `;`):
    /// `d` and `y` mean a date; `h`, `s` and `AM/PM` a time; `m` is minutes
    /// right after `h` or right before `s`, and the month otherwise. Quoted
    /// literals, `\`-escaped characters, `_`/`*` padding and `[…]` sections
    /// (colours, conditions, locales) are ignored, except elapsed time
    /// (`[h]`, `[mm]`, `[ss]`), which is a time.
    static func custom(_ code: String) -> NumberFormatKind {
        var tokens: [UInt8] = [] // d, y, m, h, s in order (lowercased); other letters dropped
        var hasAMPM = false
        let bytes = Array(code.utf8)
        var index = 0
        scanning: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: ";"): break scanning
            case UInt8(ascii: "\""):
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
                index += 1 // skip the escaped or padding character
            case UInt8(ascii: "["):
                let start = index + 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
                // Elapsed time ([h], [mm], [ss]) is a time; colours, conditions and locales are not.
                let inside = bytes[start..<min(index, bytes.count)].map { $0 | 0x20 }
                if let first = inside.first, [UInt8(ascii: "h"), UInt8(ascii: "m"), UInt8(ascii: "s")].contains(first),
                   inside.allSatisfy({ $0 == first }) {
                    tokens.append(first == UInt8(ascii: "m") ? UInt8(ascii: "h") : first) // [mm] is minutes, never a month
                }
            case UInt8(ascii: "A"), UInt8(ascii: "a"):
                let rest = String(decoding: bytes[index...].prefix(5), as: UTF8.self).uppercased()
                if rest.hasPrefix("AM/PM") {
                    hasAMPM = true
                    index += 4
                } else if rest.hasPrefix("A/P") {
                    hasAMPM = true
                    index += 2
                }
            default:
                let lower = byte | 0x20
                if [UInt8(ascii: "d"), UInt8(ascii: "y"), UInt8(ascii: "m"), UInt8(ascii: "h"), UInt8(ascii: "s")].contains(lower),
                   tokens.last != lower || !isRun(bytes, index) {
                    tokens.append(lower)
                }
            }
            index += 1
        }
        var hasDate = false
        var hasTime = hasAMPM
        for (position, token) in tokens.enumerated() {
            switch token {
            case UInt8(ascii: "d"), UInt8(ascii: "y"): hasDate = true
            case UInt8(ascii: "h"), UInt8(ascii: "s"): hasTime = true
            default: // m: minutes next to h or s, else month
                let after = position > 0 && tokens[position - 1] == UInt8(ascii: "h")
                let before = position + 1 < tokens.count && tokens[position + 1] == UInt8(ascii: "s")
                if after || before { hasTime = true } else { hasDate = true }
            }
        }
        switch (hasDate, hasTime) {
        case (true, true): return .dateTime
        case (true, false): return .date
        case (false, true): return .time
        case (false, false): return .number
        }
    }

    /// Whether `bytes[index]` continues a run of the same letter (`yyyy`).
    private static func isRun(_ bytes: [UInt8], _ index: Int) -> Bool {
        index > 0 && bytes[index - 1] | 0x20 == bytes[index] | 0x20
    }
}
