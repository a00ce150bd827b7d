import OrgHealthKit
import Testing

@Suite("Roster cuts: tenure bands, attribute scopes")
struct RosterCutTests {
    func date(_ text: String) throws -> CalendarDate {
        try #require(CalendarDate(iso: text))
    }

    /// Band edges worked by hand against the period's last day, 2026-09-30: full years are
    /// counted by anniversaries (the anniversary day itself counts).
    @Test("tenure bands at their edges", arguments: [
        ("2026-09-30", "0-1y"),  // hired that day: 0 full years
        ("2025-10-01", "0-1y"),  // one day short of the first anniversary
        ("2025-09-30", "1-2y"),  // first anniversary on the day
        ("2024-10-01", "1-2y"),  // one day short of two years
        ("2024-09-30", "2-5y"),  // second anniversary
        ("2021-10-01", "2-5y"),  // one day short of five years
        ("2021-09-30", "5y+"),  // fifth anniversary
        ("1999-01-15", "5y+"),
    ])
    func bands(hired: String, band: String) throws {
        #expect(TenureBand(hired: try date(hired), on: try date("2026-09-30"))?.rawValue == band)
    }

    @Test("hired after the day: no band; 29 February's anniversary in a common year is 1 March")
    func oddDates() throws {
        #expect(TenureBand(hired: try date("2026-10-01"), on: try date("2026-09-30")) == nil)
        // 2024-02-29 → on 2025-02-28 (2,28) < (2,29): 0 full years; on 2025-03-01: 1.
        #expect(TenureBand(hired: try date("2024-02-29"), on: try date("2025-02-28")) == .underOne)
        #expect(TenureBand(hired: try date("2024-02-29"), on: try date("2025-03-01")) == .oneToTwo)
    }

    @Test("attribute scopes are written and parsed as attribute:<name>=<value>")
    func scopeIDs() throws {
        let scope = Scope.attribute("location", "Berlin")
        #expect(scope.id == "attribute:location=Berlin")
        #expect(try Scope(parsing: "attribute:location=Berlin") == scope)
        // The value may hold '=': only the first one splits.
        #expect(try Scope(parsing: "attribute:grade=A=1") == .attribute("grade", "A=1"))
        #expect(throws: Scope.ParseError.self) { try Scope(parsing: "attribute:location") }
        #expect(throws: Scope.ParseError.self) { try Scope(parsing: "attribute:=Berlin") }
        #expect(throws: Scope.ParseError.self) { try Scope(parsing: "attribute:location=") }
    }

    /// A roster export with location, level, hire date and one extra column (`Remote`), read
    /// with cuts; blank values go to no group.
    @Test("a roster read with cuts: each person's attribute scopes, blanks in no group")
    func rosterCuts() throws {
        var options = RosterOptions()
        options.cuts = [RosterCut("location"), RosterCut("level"), RosterCut("tenure"), RosterCut("Remote")]
        let csv = """
            employee_id,manager_id,team,location,level,hire_date,Remote
            E1,,Exec,Berlin,L5,2020-01-06,no
            E2,E1,Web,Berlin,L3,2026-01-12,yes
            E3,E1,Web,,L3,,
            E4,E1,Web,  Lisbon ,,2025-09-30,yes

            """
        let output = try RosterReader(options: options).read(csv: csv)
        let end = try date("2026-09-30")
        let roster = output.roster.cut(by: options.cuts, on: end)
        func scopes(_ id: String) throws -> [String] {
            try roster.attributeScopes(of: #require(roster.person(id: id))).map(\.id)
        }
        // E1: hired 2020-01-06, six full years on 2026-09-30.
        #expect(try scopes("E1") == ["attribute:location=Berlin", "attribute:level=L5", "attribute:tenure=5y+", "attribute:Remote=no"])
        #expect(try scopes("E2") == ["attribute:location=Berlin", "attribute:level=L3", "attribute:tenure=0-1y", "attribute:Remote=yes"])
        // E3: blank location, hire date and Remote: only the level.
        #expect(try scopes("E3") == ["attribute:level=L3"])
        // E4: the location is trimmed; hired exactly one year before the end.
        #expect(try scopes("E4") == ["attribute:location=Lisbon", "attribute:tenure=1-2y", "attribute:Remote=yes"])
        #expect(roster.members(of: .attribute("location", "Berlin")).map(\.id) == ["E1", "E2"])
        #expect(roster.headcount(of: .attribute("level", "L3"), on: end) == 2)
        #expect(roster.parent(of: .attribute("location", "Berlin")) == .org)
        #expect(!roster.attributeScopes.contains { $0.attribute?.value.isEmpty ?? false })
    }

    @Test("a cut naming a column the roster lacks is refused, naming the columns and the closest")
    func unknownColumn() {
        var options = RosterOptions()
        options.cuts = [RosterCut("Locaton")]
        let csv = "employee_id,manager_id,team,Location,level\nE1,,Exec,Berlin,L5\n"
        do {
            _ = try RosterReader(options: options).read(csv: csv)
            Issue.record("a missing cut column must stop the roster")
        } catch {
            #expect(error.message.contains("cuts: Locaton"))
            #expect(error.message.contains("did you mean 'Location'?"))
            #expect(error.message.contains("employee_id, manager_id, team, Location, level"))
        }
    }

    @Test("tenure needs a hire_date column")
    func tenureNeedsHireDate() {
        var options = RosterOptions()
        options.cuts = [RosterCut("tenure")]
        #expect(throws: RosterError.self) { try RosterReader(options: options).read(csv: "employee_id,team\nE1,Exec\n") }
    }
}
