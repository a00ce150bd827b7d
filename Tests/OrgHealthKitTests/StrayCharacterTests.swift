import Testing
@testable import OrgHealthKit

/// Issue 14, row 12: a byte order mark in the middle of a team name made a second,
/// identical-looking team. Control characters and BOMs inside fields are removed when read.
@Suite("Control characters and BOMs inside fields")
struct StrayCharacterTests {
    @Test("a team with a BOM in the middle is the same team as without, and the removal is counted")
    func bomInTeamName() throws {
        // Five people in "Sales"; two of them written "Sa\u{FEFF}les" and "Sales\u{0007}".
        let output = try RosterReader().read(csv: """
            employee_id,manager_id,team
            M,,Sales
            A,M,Sa\u{FEFF}les
            B,M,Sales\u{0007}
            C,M,Sales
            D,M,Sa\u{0000}les

            """)
        #expect(output.roster.teams == ["Sales"])
        #expect(output.roster.headcount(of: .team("Sales"), on: CalendarDate(year: 2026, month: 9, day: 30)!) == 5)
        // By hand: one BOM (line 3), one BEL (line 4), one NUL (line 6): three, the first on line 3.
        let note = output.diagnostics.first { $0.message.contains("byte order mark") }
        #expect(note?.line == 3)
        #expect(note?.message.hasPrefix("3 control characters or byte order marks inside fields") == true)
    }

    @Test("tabs and line breaks inside a field are text, not stray characters")
    func whitespaceKept() {
        let record = CSVRecord(fields: ["a\tb", "line 1\nline 2", "x\u{FEFF}y\u{001B}z"])
        #expect(record.trimmed(0) == "a\tb")
        #expect(record.trimmed(1) == "line 1\nline 2")
        #expect(record.trimmed(2) == "xyz")
        #expect(record[2] == "x\u{FEFF}y\u{001B}z")  // the raw field is as in the file
        #expect(record.strayCharacterCount == 2)
    }

    @Test("a stray character next to spaces leaves no space behind")
    func retrim() {
        #expect(CSVRecord(fields: ["Sales \u{FEFF}"]).trimmed(0) == "Sales")
    }
}
