import Testing
@testable import OrgHealthKit

@Suite("Reporting periods")
struct ReportingPeriodTests {
    @Test("quarters, halves, years and months parse to their first and last day",
          arguments: [
            ("2026-Q3", "2026-07-01", "2026-09-30", "2026-Q3"),
            ("2026-q1", "2026-01-01", "2026-03-31", "2026-Q1"),
            ("2026-Q4", "2026-10-01", "2026-12-31", "2026-Q4"),
            ("2026-H2", "2026-07-01", "2026-12-31", "2026-H2"),
            ("2026-H1", "2026-01-01", "2026-06-30", "2026-H1"),
            ("2026", "2026-01-01", "2026-12-31", "2026"),
            ("2024-02", "2024-02-01", "2024-02-29", "2024-02"),
            ("2026-07-01..2026-08-15", "2026-07-01", "2026-08-15", "2026-07-01..2026-08-15"),
          ])
    func parses(text: String, start: String, end: String, label: String) throws {
        let period = try ReportingPeriod(parsing: text)
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.label == label)
    }

    @Test("nonsense is refused with the accepted forms named", arguments: ["2026-Q5", "Q3", "2026-H3", "26-Q1", "2026-13", "", "2026-09-30..2026-07-01"])
    func refuses(text: String) {
        #expect(throws: ReportingPeriod.ParseError.self) { try ReportingPeriod(parsing: text) }
    }

    @Test("explicit start and end are inclusive")
    func explicit() throws {
        let period = try ReportingPeriod(start: #require(CalendarDate(iso: "2026-07-01")), end: #require(CalendarDate(iso: "2026-09-30")))
        #expect(period.dayCount == 92)
        let last = try #require(CalendarDate(iso: "2026-09-30"))
        let after = try #require(CalendarDate(iso: "2026-10-01"))
        let before = try #require(CalendarDate(iso: "2026-06-30"))
        #expect(period.contains(last))
        #expect(!period.contains(after))
        #expect(!period.contains(before))
    }

    @Test("the previous period of a quarter is the quarter before, across years")
    func previous() throws {
        #expect(try ReportingPeriod(parsing: "2026-Q3").previous.label == "2026-Q2")
        let beforeQ1 = try ReportingPeriod(parsing: "2026-Q1").previous
        #expect(beforeQ1.label == "2025-Q4")
        #expect(beforeQ1.start.description == "2025-10-01")
        #expect(beforeQ1.end.description == "2025-12-31")
        #expect(try ReportingPeriod(parsing: "2026-H1").previous.label == "2025-H2")
        #expect(try ReportingPeriod(parsing: "2026").previous.label == "2025")
    }

    @Test("the previous period of a date range is the same number of days just before it")
    func previousOfRange() throws {
        // 2026-07-01..2026-07-10 is 10 days; the 10 days before end on 2026-06-30 and start
        // 9 days earlier, on 2026-06-21 (not the whole of June, as a month-based answer would).
        let previous = try ReportingPeriod(parsing: "2026-07-01..2026-07-10").previous
        #expect(previous.start.description == "2026-06-21")
        #expect(previous.end.description == "2026-06-30")
    }

    @Test("the previous period is never the period itself, even before year 1")
    func previousBeforeYearOne() throws {
        // 0001-Q1 has no named quarter before it; the 90 days before 0001-01-01 end on the
        // proleptic 0000-12-31. (The old code could fall back to the period itself.)
        let period = try ReportingPeriod(parsing: "0001-Q1")
        let previous = period.previous
        #expect(previous != period)
        #expect(previous.end.dayNumber == period.start.dayNumber - 1)
        #expect(previous.dayCount == period.dayCount)
    }
}

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("days between dates count calendar days")
    func dayCounting() throws {
        let first = try #require(CalendarDate(iso: "2026-07-01"))
        let last = try #require(CalendarDate(iso: "2026-07-31"))
        #expect(first.days(to: last) == 30)
        let leapStart = try #require(CalendarDate(iso: "2024-02-28"))
        let leapEnd = try #require(CalendarDate(iso: "2024-03-01"))
        #expect(leapStart.days(to: leapEnd) == 2)
        let beforeEpoch = try #require(CalendarDate(iso: "1969-12-31"))
        #expect(beforeEpoch.dayNumber == -1)
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
    }

    @Test("timestamps reduce to their date; bad dates are nil")
    func parsing() {
        #expect(CalendarDate(iso: "2026-09-14T10:30:00Z")?.description == "2026-09-14")
        #expect(CalendarDate(iso: " 2026-09-14 ")?.description == "2026-09-14")
        #expect(CalendarDate(iso: "2026-02-30") == nil)
        #expect(CalendarDate(iso: "14/07/2026") == nil)
        #expect(CalendarDate(iso: "2026-9-14") == nil)
        #expect(CalendarDate(iso: "2026-09-14X") == nil)
    }

    @Test("round trip through day numbers for every day of four years")
    func roundTrip() throws {
        let start = try #require(CalendarDate(iso: "2023-01-01")).dayNumber
        for number in start..<(start + 1461) {
            let date = CalendarDate(dayNumber: number)
            #expect(date.dayNumber == number)
            #expect(CalendarDate(iso: date.description) == date)
        }
    }

    @Test("trimming spaces: blanks at either end go, text without them comes back as it is")
    func trimmingSpaces() {
        #expect(" E0107 ".trimmingSpaces == "E0107")
        #expect("\tana@acme.example\n".trimmingSpaces == "ana@acme.example")
        #expect("E0107".trimmingSpaces == "E0107")
        #expect("Zoë Ng".trimmingSpaces == "Zoë Ng")
        #expect(" \t ".trimmingSpaces == "")
        #expect("".trimmingSpaces == "")
        #expect("x ".trimmingSpaces == "x")
        #expect(" é".trimmingSpaces == "é")
        // A substring answers the same as its text.
        #expect("[ E0107 ]".dropFirst().dropLast().trimmingSpaces == "E0107")
    }
}
