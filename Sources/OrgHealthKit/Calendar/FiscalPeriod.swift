extension ReportingPeriod {
    /// Parses every form of ``init(parsing:)`` and, with a fiscal year starting in month
    /// `fiscalYearStart` (1–12), the fiscal forms `FY26`, `FY26-H1` and `FY26-Q3`.
    ///
    /// A fiscal year is named after the calendar year it ends in: with `fiscalYearStart: 4`,
    /// FY26 runs from 2025-04-01 to 2026-03-31 and FY26-Q3 from 2025-10-01 to 2025-12-31.
    /// With 1 (January), FY26 is the calendar year 2026. Two-digit years are 20xx.
    public init(parsing raw: String, fiscalYearStart: Int) throws(ParseError) {
        let text = raw.trimmingSpaces.uppercased()
        guard text.hasPrefix("FY"), (1...12).contains(fiscalYearStart) else {
            try self.init(parsing: raw)
            return
        }
        let parts = text.dropFirst(2).split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let yearText = parts.first, yearText.count == 2 || yearText.count == 4, let number = Int(yearText) else {
            throw .unrecognized(raw)
        }
        let endYear = yearText.count == 2 ? 2000 + number : number
        // The first month of the fiscal year, as a month count from year 0.
        let firstMonth = (fiscalYearStart == 1 ? endYear : endYear - 1) * 12 + (fiscalYearStart - 1)
        let offset: Int
        let months: Int
        switch parts.count {
        case 1:
            (offset, months) = (0, 12)
        case 2 where parts[1].count == 2 && parts[1].first == "Q":
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else { throw .unrecognized(raw) }
            (offset, months) = ((quarter - 1) * 3, 3)
        case 2 where parts[1].count == 2 && parts[1].first == "H":
            guard let half = Int(parts[1].dropFirst()), (1...2).contains(half) else { throw .unrecognized(raw) }
            (offset, months) = ((half - 1) * 6, 6)
        default:
            throw .unrecognized(raw)
        }
        let first = firstMonth + offset
        let last = first + months - 1
        guard let start = CalendarDate(year: first / 12, month: first % 12 + 1, day: 1),
              let end = CalendarDate(
                year: last / 12, month: last % 12 + 1, day: CalendarDate.daysIn(month: last % 12 + 1, year: last / 12))
        else { throw .unrecognized(raw) }
        try self.init(start: start, end: end, label: text)
    }
}
