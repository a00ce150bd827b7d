import Foundation
import OrgHealthKit
import Testing

/// Workbooks read through the one tabular entry point (`TabularFile.open`): the same rows, the
/// same header matching and the same roster as CSV.
@Suite("Tabular sources: Excel workbooks")
struct WorkbookSourceTests {
    /// A fixture of SpreadsheetTests, made by Tests/SpreadsheetTests/Fixtures/make_fixtures.py.
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SpreadsheetTests/Fixtures/\(name)")
    }

    /// The people of roster-hris.xlsx's "Employees" sheet (the script's ROSTER), as CSV.
    static let rosterCSV = """
        employee_id,manager_id,name,team,department,hire_date,end_date
        1001,,Ada Park,Exec,Leadership,2019-03-04,
        1002,1001,Ben Ortiz,Platform,Engineering,2021-06-14,
        1003,1002,Chloé Martin,Platform,Engineering,2026-07-20,
        1004,1002,Dev Rao,Platform,Engineering,2022-01-10,2026-08-31
        1005,1001,Eve Stone,Sales,Sales,2020-11-02,
        1006,1005,Femi Ade,Sales,Sales,2026-10-05,
        1007,1005,Gus Lund,Sales,Sales,2018-05-01,2026-03-31
        1008,1005,Hana Ito,Sales,Sales,2026-09-01,

        """

    /// Headcount at the period's end, hires and leavers in it.
    static func figures(_ roster: Roster, _ period: ReportingPeriod) -> (employed: Int, hires: Int, leavers: Int) {
        let hires = roster.people.filter { $0.hireDate.map { $0 >= period.start && $0 <= period.end } ?? false }
        let leavers = roster.people.filter { $0.endDate.map { $0 >= period.start && $0 <= period.end } ?? false }
        return (roster.employed(on: period.end).count, hires.count, leavers.count)
    }

    @Test func anXLSXRosterGivesTheSameFiguresAsTheCSV() throws {
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let csv = try RosterReader().read(csv: Self.rosterCSV)
        let xlsx = try RosterReader(options: RosterOptions(tabular: TabularOptions(sheet: "Employees"))).read(Self.fixture("roster-hris.xlsx"))
        // By hand, for 2026-07-01…2026-09-30: employed on 09-30 are 1001, 1002, 1003, 1005, 1008
        // (1004 left 08-31, 1006 starts 10-05, 1007 left in March): 5. Hired in the quarter:
        // 1003 (07-20), 1008 (09-01): 2. Left in it: 1004: 1.
        #expect(Self.figures(xlsx.roster, period) == (5, 2, 1))
        #expect(Self.figures(csv.roster, period) == (5, 2, 1))
        #expect(xlsx.roster.people.map(\.id) == csv.roster.people.map(\.id))
        #expect(xlsx.roster.people.map(\.managerID) == csv.roster.people.map(\.managerID))
        #expect(xlsx.roster.people.map(\.name) == csv.roster.people.map(\.name))
        #expect(xlsx.roster.people.map(\.hireDate) == csv.roster.people.map(\.hireDate))
        #expect(xlsx.roster.people.map(\.endDate) == csv.roster.people.map(\.endDate))
        #expect(xlsx.rowsRead == 8)
        #expect(xlsx.diagnostics.isEmpty)
    }

    @Test func theSheetIsFoundIgnoringCaseAndTheFirstIsTheDefault() throws {
        var named = try TabularFile.open(Self.fixture("roster-hris.xlsx"), options: TabularOptions(sheet: "employees"))
        #expect(named.source == "roster-hris.xlsx, sheet 'Employees'")
        #expect(try named.next()?.fields.first == "employee_id")
        // The first sheet is a note, so the roster's columns are not there: the error says so.
        #expect { try RosterReader().read(Self.fixture("roster-hris.xlsx")) } throws: { error in
            "\(error)".contains("roster-hris.xlsx, sheet 'README'") && "\(error)".contains("no column 'employee_id'")
        }
    }

    @Test func aSheetThatDoesNotExistListsTheSheets() {
        #expect { try TabularFile.open(Self.fixture("roster-hris.xlsx"), options: TabularOptions(sheet: "Nope")) } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("roster-hris.xlsx: ") && text.contains("no sheet named 'Nope'")
                && text.contains("'README', 'Employees'") && text.contains("sheet:")
        }
    }

    @Test func rowMessagesNameTheSheetAndTheRow() throws {
        var reader = try TabularFile.open(Self.fixture("roster-hris.xlsx"), options: TabularOptions(sheet: "Employees"))
        let header = try #require(try reader.next())
        reader.expectedFieldCount = header.count + 1  // every row is then "ragged": its error names the row
        #expect { _ = try reader.next() } throws: { error in
            "\(error)".hasPrefix("roster-hris.xlsx, sheet 'Employees', row 2: the row has 7 fields but 8")
        }
        let diagnostic = Diagnostic(severity: .warning, source: "responses.xlsx, sheet 'Form1'", line: 17, message: "x")
        #expect(diagnostic.formatted == "responses.xlsx, sheet 'Form1', row 17: warning: x")
        #expect(Diagnostic(severity: .warning, source: "roster.csv", line: 17, message: "x").formatted == "roster.csv:17: warning: x")
    }

    @Test func aMissingWorkbookCannotBeOpened() {
        #expect { try TabularFile.open(URL(fileURLWithPath: "/nonexistent/roster.xlsx")) } throws: { error in
            (error as? CSVError)?.kind == .cannotOpen && "\(error)".hasPrefix("roster.xlsx: cannot open the file")
        }
    }

    @Test(arguments: [("legacy.xls", "Excel 97–2003"), ("opendocument.ods", "OpenDocument"), ("apple.numbers", "Numbers")])
    func otherSpreadsheetsAreRefused(name: String, format: String) {
        #expect { try TabularFile.open(Self.fixture(name)) } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(name): ") && text.contains(format) && text.contains(".xlsx") && text.contains("CSV")
        }
    }
}
