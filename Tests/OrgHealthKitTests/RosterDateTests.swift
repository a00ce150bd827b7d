import Foundation
import Testing
@testable import OrgHealthKit

/// Rosters whose dates are not ISO. The `MM/dd/yy` fixture is shaped like the US HRIS export of
/// issue 11 (`07/05/11` = 5 July 2011); every day in it is 12 or less, so the format cannot be
/// told from the values alone.
@Suite("Roster dates")
struct RosterDateTests {
    let period = try! ReportingPeriod(start: CalendarDate(year: 2011, month: 7, day: 1)!,
                                      end: CalendarDate(year: 2011, month: 9, day: 30)!)  // literal, cannot fail

    static let usRoster = """
    employee_id,manager_id,team,hire_date,end_date
    E1,,Ops,01/03/05,
    E2,E1,Ops,02/01/10,07/05/11
    E3,E1,Ops,08/01/11,
    E4,E1,Ops,03/12/09,12/10/11
    E5,E1,Ops,06/11/08,09/02/11
    E6,E1,Ops,10/03/11,
    E7,E1,Ops,07/05/11,
    E8,E1,Ops,04/04/99,06/10/11
    """

    @Test("MM/dd/yy with dateFormat: headcount, hires and leavers worked out by hand")
    func usDates() throws {
        let format = try #require(RosterDateFormat(pattern: "MM/dd/yy"))
        let output = try RosterReader(options: RosterOptions(dateFormat: format), period: period).read(csv: Self.usRoster)
        // Read month first, period 2011-07-01 … 2011-09-30:
        //   E1 hired 2005-01-03, no end          → employed at start and end
        //   E2 left 2011-07-05                   → employed at start, a leaver
        //   E3 hired 2011-08-01                  → a hire, employed at end
        //   E4 leaves 2011-12-10 (after)         → employed at start and end
        //   E5 left 2011-09-02                   → employed at start, a leaver
        //   E6 hired 2011-10-03 (after)          → neither
        //   E7 hired 2011-07-05                  → a hire, employed at end
        //   E8 left 2011-06-10 (before)          → neither
        // At start: E1 E2 E4 E5 = 4; at end: E1 E3 E4 E7 = 4; hires E3 E7 = 2; leavers E2 E5 = 2.
        let summary = RosterSummary(output, period: period)
        #expect(summary.employedAtStart == 4)
        #expect(summary.employedAtEnd == 4)
        #expect(summary.hires == 2)
        #expect(summary.leavers == 2)
        #expect(output.roster.headcount(of: .org, on: period.end) == 4)
        #expect(output.roster.person(id: "E8")?.hireDate == CalendarDate(year: 1999, month: 4, day: 4))
        #expect(output.diagnostics.isEmpty)
        #expect(output.facts.dateFormat?.pattern == "MM/dd/yy")
        #expect(output.facts.dateFormatInferred == false)
    }

    @Test("without dateFormat the same file is refused: month-first and day-first both fit")
    func ambiguous() {
        #expect {
            try RosterReader(period: period).read(csv: Self.usRoster, source: "hris.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("hris.csv:2") && text.contains("dateFormat") && text.contains("'01/03/05'")
                && text.contains("M/d/yy") && text.contains("d/M/yy")
        }
    }

    @Test("one day above 12 settles it: the format is inferred and said")
    func inferred() throws {
        // 07/25/11 can only be month first, so M/d/yy reads every value and d/M/yy does not.
        let output = try RosterReader(period: period).read(csv: Self.usRoster + "\nE9,E1,Ops,07/25/11,\n")
        #expect(output.facts.dateFormat?.pattern == "M/d/yy")
        #expect(output.facts.dateFormatInferred)
        #expect(output.roster.person(id: "E2")?.endDate == CalendarDate(year: 2011, month: 7, day: 5))
        #expect(output.diagnostics.contains { $0.severity == .info && $0.message.contains("M/d/yy") })
        // E9 joins the 4 at the end and the hires: 5 and 3.
        let summary = RosterSummary(output, period: period)
        #expect(summary.employedAtEnd == 5)
        #expect(summary.hires == 3)
    }

    @Test("a file mixing month-first and day-first dates is refused as mixed, naming a value of each")
    func mixed() {
        // Shaped like a BambooHR export (default MM/DD/YYYY) with two rows pasted in day-first:
        // 01/15/2015 reads only month first, 22/07/2019 only day first; each format reads two of three.
        let csv = "employee_id,team,hire_date\nA,Core,01/15/2015\nB,Core,22/07/2019\nC,Core,03/04/2018\n"
        #expect {
            try RosterReader().read(csv: csv, source: "bamboohr.csv")
        } throws: { error in
            let text = "\(error)"
            return text.contains("mix date formats") && text.contains("'01/15/2015' (line 2) reads only as M/d/yyyy")
                && text.contains("'22/07/2019' (line 3) reads only as d/M/yyyy") && text.contains("roster.dateFormat")
                && !text.contains("12 or less")
        }
    }

    @Test("values in no known format stop the run, naming dateFormat and a value")
    func unreadable() {
        #expect {
            try RosterReader().read(csv: "employee_id,team,hire_date\nA,Core,July 5th\nB,Core,soon\n")
        } throws: { error in
            "\(error)".contains("roster.dateFormat") && "\(error)".contains("'July 5th'") && "\(error)".contains("roster.csv:2")
        }
    }

    @Test("a given format that reads none of the values is refused")
    func wrongGivenFormat() throws {
        let format = try #require(RosterDateFormat(pattern: "dd.MM.yyyy"))
        #expect {
            try RosterReader(options: RosterOptions(dateFormat: format)).read(csv: "employee_id,team,hire_date\nA,Core,2011-07-05\n")
        } throws: { error in
            "\(error)".contains("dateFormat 'dd.MM.yyyy'") && "\(error)".contains("2011-07-05")
        }
    }

    @Test("patterns: fields, separators, the two-digit-year pivot, a trailing time")
    func patterns() throws {
        let us = try #require(RosterDateFormat(pattern: "M/d/yyyy"))
        #expect(us.date(from: "7/5/2011") == CalendarDate(year: 2011, month: 7, day: 5))
        #expect(us.date(from: " 12/31/2011 0:00 ") == CalendarDate(year: 2011, month: 12, day: 31))
        #expect(us.date(from: "13/1/2011") == nil)
        #expect(us.date(from: "7/5/11") == nil)
        let german = try #require(RosterDateFormat(pattern: "dd.MM.yyyy"))
        #expect(german.date(from: "05.07.2011") == CalendarDate(year: 2011, month: 7, day: 5))
        #expect(german.date(from: "31.02.2011") == nil)
        let short = try #require(RosterDateFormat(pattern: "MM/dd/yy"))
        // POSIX pivot: 00–68 → 20xx, 69–99 → 19xx.
        #expect(short.date(from: "07/05/68")?.year == 2068)
        #expect(short.date(from: "07/05/69")?.year == 1969)
        #expect(short.date(from: "3/1/85") == CalendarDate(year: 1985, month: 3, day: 1))
        #expect(RosterDateFormat(pattern: "MM/dd") == nil)
        #expect(RosterDateFormat(pattern: "yyyy-MM-dd HH:mm") == nil)
        #expect(RosterDateFormat(pattern: "dd/MM/yyy") == nil)
        #expect(RosterDateFormat.iso.isISO)
    }
}
