/// A date pattern for roster dates, such as `MM/dd/yy`, `M/d/yyyy`, `dd.MM.yyyy` or
/// `yyyy-MM-dd` (ISO, the default).
///
/// Fields: `d`/`dd` the day and `M`/`MM` the month (one or two digits either way, so
/// `MM/dd/yy` also reads `7/5/11`), `yy` a two-digit year, `yyyy` a four-digit year. Anything
/// else is a literal separator. Surrounding spaces are ignored, and so is a time after the
/// date (`7/5/2011 0:00`, `2011-07-05T00:00:00Z`).
///
/// **Two-digit years** follow the POSIX `strptime` pivot: `00`–`68` are 2000–2068 and
/// `69`–`99` are 1969–1999, so `07/05/11` is 5 July 2011 and `3/1/85` is 1 March 1985.
public struct RosterDateFormat: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable {
        case day, month, year2, year4
        case literal(UInt8)
    }

    /// The pattern as written.
    public let pattern: String
    let parts: [Part]

    /// ISO 8601, `yyyy-MM-dd` (also reads timestamps, of which the date is used).
    public static let iso = RosterDateFormat(validPattern: "yyyy-MM-dd")

    /// The formats tried, in this order, when the config gives none (ISO first).
    public static let candidates: [RosterDateFormat] = [
        "yyyy-MM-dd", "M/d/yyyy", "d/M/yyyy", "M/d/yy", "d/M/yy", "d.M.yyyy", "d.M.yy", "d-M-yyyy", "yyyy/M/d",
    ].map(RosterDateFormat.init(validPattern:))

    /// Parses a pattern, or `nil` when it lacks a day, a month or a year, repeats one, or
    /// uses a letter other than `d`, `M` and `y`.
    public init?(pattern: String) {
        let bytes = Array(pattern.utf8)
        var parts: [Part] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var run = 1
            while index + run < bytes.count, bytes[index + run] == byte { run += 1 }
            switch (byte, run) {
            case (UInt8(ascii: "d"), 1...2): parts.append(.day)
            case (UInt8(ascii: "M"), 1...2): parts.append(.month)
            case (UInt8(ascii: "y"), 2): parts.append(.year2)
            case (UInt8(ascii: "y"), 4): parts.append(.year4)
            default:
                let isLetter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                guard !isLetter, byte < 0x80 else { return nil }
                parts.append(contentsOf: Array(repeating: .literal(byte), count: run))
            }
            index += run
        }
        let fields = parts.filter { if case .literal = $0 { return false } else { return true } }
        guard fields.count == 3, fields.contains(.day), fields.contains(.month),
              fields.contains(.year2) != fields.contains(.year4) else { return nil }
        self.pattern = pattern
        self.parts = parts
    }

    private init(validPattern: String) {
        // Only called with the literal patterns above, which parse.
        self = RosterDateFormat(pattern: validPattern) ?? RosterDateFormat(parts: [], pattern: validPattern)
    }

    private init(parts: [Part], pattern: String) {
        self.parts = parts
        self.pattern = pattern
    }

    public var description: String { pattern }

    /// Whether this is ISO `yyyy-MM-dd`.
    public var isISO: Bool { parts == Self.iso.parts }

    /// The day a text names in this format, or `nil` when it does not read as one.
    public func date(from text: some StringProtocol) -> CalendarDate? {
        if isISO { return CalendarDate(iso: text) }
        var text = String(text)
        return text.withUTF8 { date(fromBytes: $0) }
    }

    private func date(fromBytes bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        var index = start
        var day: Int?, month: Int?, year: Int?
        func digits(min: Int, max: Int) -> Int? {
            var value = 0, count = 0
            while index < end, count < max, bytes[index] >= 48, bytes[index] <= 57 {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= min ? value : nil
        }
        for part in parts {
            switch part {
            case .day: guard let value = digits(min: 1, max: 2) else { return nil }; day = value
            case .month: guard let value = digits(min: 1, max: 2) else { return nil }; month = value
            case .year4: guard let value = digits(min: 4, max: 4) else { return nil }; year = value
            case .year2:
                guard let value = digits(min: 2, max: 2) else { return nil }
                year = value <= 68 ? 2000 + value : 1900 + value
            case .literal(let byte):
                guard index < end, bytes[index] == byte else { return nil }
                index += 1
            }
        }
        // A time may follow the date after a space or a `T`; nothing else may.
        if index < end {
            guard bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "T"),
                  index + 1 < end, bytes[index + 1] >= 48, bytes[index + 1] <= 57 else { return nil }
        }
        guard let day, let month, let year else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
