import OrgHealthKit
import Testing

@Suite("Fiscal periods")
struct FiscalPeriodTests {
    /// With the fiscal year starting in April, FY26 is 2025-04-01..2026-03-31 (named after the
    /// year it ends in); its Q3 is October–December 2025, its H2 October 2025–March 2026.
    @Test func aprilFiscalYear() throws {
        let q3 = try ReportingPeriod(parsing: "FY26-Q3", fiscalYearStart: 4)
        #expect(q3.start.description == "2025-10-01" && q3.end.description == "2025-12-31" && q3.label == "FY26-Q3")
        let h2 = try ReportingPeriod(parsing: "fy26-h2", fiscalYearStart: 4)
        #expect(h2.start.description == "2025-10-01" && h2.end.description == "2026-03-31")
        let year = try ReportingPeriod(parsing: "FY2026", fiscalYearStart: 4)
        #expect(year.start.description == "2025-04-01" && year.end.description == "2026-03-31")
    }

    /// A January fiscal year is the calendar year; the calendar forms still parse.
    @Test func januaryAndCalendarForms() throws {
        let q1 = try ReportingPeriod(parsing: "FY26-Q1", fiscalYearStart: 1)
        #expect(q1.start.description == "2026-01-01" && q1.end.description == "2026-03-31")
        let days = try ReportingPeriod(parsing: "2026-07-01..2026-09-30", fiscalYearStart: 4)
        #expect(days.dayCount == 92)
        #expect(throws: ReportingPeriod.ParseError.self) { try ReportingPeriod(parsing: "FY26-Q3", fiscalYearStart: 0) }
        #expect(throws: ReportingPeriod.ParseError.self) { try ReportingPeriod(parsing: "FY26-Q5", fiscalYearStart: 4) }
    }
}
