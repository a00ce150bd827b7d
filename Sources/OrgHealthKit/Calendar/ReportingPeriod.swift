/// The stretch of calendar days a report covers, first and last day inclusive.
///
/// Parsed from `2026-Q3` (quarter), `2026-H2` (half), `2026` (year), `2026-07` (month) or given
/// explicitly by its first and last day.
public struct ReportingPeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day of the period.
    public let start: CalendarDate
    /// The last day of the period (inclusive).
    public let end: CalendarDate
    /// How the period is named in reports, e.g. `2026-Q3` or `2026-07-01..2026-09-30`.
    public let label: String

    /// Errors in a period's text.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        /// The text matches none of the accepted forms.
        case unrecognized(String)
        /// The last day comes before the first.
        case endBeforeStart(start: CalendarDate, end: CalendarDate)

        public var description: String {
            switch self {
            case .unrecognized(let text):
                return "'\(text)' is not a period; use 2026-Q3, 2026-H2, 2026, 2026-07 or 2026-07-01..2026-09-30"
            case .endBeforeStart(let start, let end):
                return "the period ends (\(end)) before it starts (\(start))"
            }
        }
    }

    /// Creates a period from its first and last day (inclusive).
    public init(start: CalendarDate, end: CalendarDate, label: String? = nil) throws(ParseError) {
        guard start <= end else { throw .endBeforeStart(start: start, end: end) }
        self.start = start
        self.end = end
        self.label = label ?? "\(start)..\(end)"
    }

    /// Parses `2026-Q3`, `2026-H2`, `2026`, `2026-07` or `2026-07-01..2026-09-30`.
    public init(parsing raw: String) throws(ParseError) {
        let text = raw.trimmingSpaces.uppercased()
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if text.contains("..") {
            let ends = text.components(separatedBy: "..")
            guard ends.count == 2, let first = CalendarDate(iso: ends[0]), let last = CalendarDate(iso: ends[1])
            else { throw .unrecognized(raw) }
            try self.init(start: first, end: last)
            return
        }
        guard let yearText = parts.first, yearText.count == 4, let year = Int(yearText), year >= 1 else {
            throw .unrecognized(raw)
        }
        func months(_ first: Int, _ last: Int, _ label: String) throws(ParseError) -> ReportingPeriod {
            guard let start = CalendarDate(year: year, month: first, day: 1),
                  let end = CalendarDate(year: year, month: last, day: CalendarDate.daysIn(month: last, year: year))
            else { throw .unrecognized(raw) }
            return try ReportingPeriod(start: start, end: end, label: label)
        }
        switch parts.count {
        case 1:
            self = try months(1, 12, "\(year)")
        case 2 where parts[1].count == 2 && parts[1].first == "Q":
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { throw .unrecognized(raw) }
            self = try months(quarter * 3 - 2, quarter * 3, "\(year)-Q\(quarter)")
        case 2 where parts[1].count == 2 && parts[1].first == "H":
            guard let half = Int(parts[1].dropFirst()), (1...2).contains(half) else { throw .unrecognized(raw) }
            self = try months(half * 6 - 5, half * 6, "\(year)-H\(half)")
        case 2 where parts[1].count == 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { throw .unrecognized(raw) }
            self = try months(month, month, "\(yearText)-\(parts[1])")
        default:
            throw .unrecognized(raw)
        }
    }

    /// Whether a day falls inside the period (both ends inclusive).
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// The number of days in the period (a quarter of 92 days for Q3).
    public var dayCount: Int { start.days(to: end) + 1 }

    /// The period of the same length and kind just before this one (2026-Q2 for 2026-Q3).
    public var previous: ReportingPeriod {
        // A label that does not parse names no calendar period (a custom label): the day count
        // below answers, so the parse error has nothing to report. A date range counts as named
        // only when it covers whole months.
        let wholeMonths = start.day == 1 && end.day == CalendarDate.daysIn(month: end.month, year: end.year)
        if wholeMonths, let parsed = try? ReportingPeriod(parsing: label), parsed == self {
            let months = (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1
            var year = start.year
            var month = start.month - months
            while month < 1 { month += 12; year -= 1 }
            let lastMonthIndex = year * 12 + (month - 1) + months - 1
            let lastYear = lastMonthIndex / 12
            let lastMonth = lastMonthIndex % 12 + 1
            let newLabel: String
            switch months {
            case 3: newLabel = "\(year)-Q\((month + 2) / 3)"
            case 6: newLabel = "\(year)-H\((month + 5) / 6)"
            case 12: newLabel = "\(year)"
            default: newLabel = "\(year)-\(month < 10 ? "0" : "")\(month)"
            }
            // Before year 1 there is no named period: the day count below still gives one.
            if let first = CalendarDate(year: year, month: month, day: 1),
               let last = CalendarDate(year: lastYear, month: lastMonth,
                                       day: CalendarDate.daysIn(month: lastMonth, year: lastYear)) {
                // `months` ≥ 1, so `first` ≤ `last`.
                return ReportingPeriod(ordered: first, last, label: newLabel)
            }
        }
        let newEnd = start.adding(days: -1)
        // `dayCount` ≥ 1, so the new start is on or before the new end: never the period itself.
        return ReportingPeriod(ordered: newEnd.adding(days: -(dayCount - 1)), newEnd, label: nil)
    }

    /// A period from two days already known to be in order (`start` ≤ `end`).
    private init(ordered start: CalendarDate, _ end: CalendarDate, label: String?) {
        self.start = start
        self.end = end
        self.label = label ?? "\(start)..\(end)"
    }

    public var description: String { label }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        // Text whose first and last bytes are no space, tab or line break has nothing to trim
        // (a character starting or ending with another byte is none of those): the usual case
        // (every person a note names), answered without walking characters.
        func isSpaceByte(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let bytes = utf8
        if let first = bytes.first, !isSpaceByte(first), !isSpaceByte(bytes[bytes.index(bytes.endIndex, offsetBy: -1)]) {
            return String(self)
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
