import Testing
import OrgHealthKit

/// Three levels, built by hand:
///
///     A ─┬─ B ─┬─ B1 ─┬─ C1
///        │     │      └─ C2
///        │     ├─ B2
///        │     ├─ B3
///        │     └─ F (left on 2026-06-30)
///        ├─ D ─┬─ D1
///        │     └─ D2
///        └─ E
private func threeLevels() throws -> Roster {
    let left = try #require(CalendarDate(iso: "2026-06-30"))
    func person(_ id: String, _ manager: String?, _ team: String, end: CalendarDate? = nil) -> Person {
        Person(id: id, managerID: manager, team: team, endDate: end)
    }
    return Roster(people: [
        person("A", nil, "Top"), person("B", "A", "Top"), person("D", "A", "Top"), person("E", "A", "Top"),
        person("B1", "B", "X"), person("B2", "B", "X"), person("B3", "B", "X"), person("F", "B", "X", end: left),
        person("C1", "B1", "Y"), person("C2", "B1", "Y"), person("D1", "D", "Z"), person("D2", "D", "Z"),
    ])
}

@Suite("Reporting lines")
struct ReportingLinesTests {
    func periodEnd() throws -> CalendarDate { try #require(CalendarDate(iso: "2026-09-30")) }

    @Test("line:<id> parses, prints, and sorts after manager scopes and before attributes")
    func scopeText() throws {
        let scope = try Scope(parsing: "line:E0042")
        #expect(scope == .line("E0042"))
        #expect(scope.id == "line:E0042")
        #expect(scope.kind == .line)
        #expect(scope.name == "E0042")
        #expect(Scope.manager("Z") < Scope.line("A"))
        #expect(Scope.line("Z") < Scope.attribute("level", "A"))
        #expect(throws: Scope.ParseError.self) { try Scope(parsing: "line:") }
    }

    @Test("membership: everyone below, not the manager; a line only with indirect reports and enough people")
    func membership() throws {
        let roster = try threeLevels()
        let end = try periodEnd()
        // By hand, employed on 2026-09-30 below each manager: B1 → C1, C2 (2, no indirect reports);
        // B → B1, B2, B3, C1, C2 (5; F left); D → D1, D2 (2, none indirect); A → B, D, E + 5 + 2 = 10.
        let lines = ReportingLines(roster: roster, on: end, minGroupSize: 5)
        #expect(lines.scopes == [.line("A"), .line("B")])
        #expect(lines.headcount(of: .line("A")) == 10)
        #expect(lines.headcount(of: .line("B")) == 5)
        #expect(lines.headcount(of: .line("B1")) == nil)
        #expect(lines.headcount(of: .line("D")) == nil)
        #expect(lines.lineScopes(of: Person(id: "C1", managerID: "B1", team: "Y")) == [.line("B"), .line("A")])
        #expect(lines.lineScopes(of: Person(id: "B", managerID: "A", team: "Top")) == [.line("A")])
        #expect(lines.lineScopes(of: Person(id: "D2", managerID: "D", team: "Z")) == [.line("A")])
        #expect(lines.lineScopes(of: Person(id: "A", team: "Top")) == [])
        #expect(lines.widestChain == 2)
        // The roster's own members of a line: everyone below, employed or not; the manager not.
        #expect(roster.members(of: .line("B")).map(\.id).sorted() == ["B1", "B2", "B3", "C1", "C2", "F"])
        #expect(roster.headcount(of: .line("B"), on: end) == 5)
        #expect(roster.headcount(of: .line("A"), on: end) == 10)
        #expect(roster.parent(of: .line("A")) == nil)
        // Under a minimum of 6, B's line of 5 would only be withheld: it is not a scope.
        #expect(ReportingLines(roster: roster, on: end, minGroupSize: 6).scopes == [.line("A")])
    }

    @Test("a cycle in a hand-built roster heads no line and ends every walk")
    func cycle() throws {
        let end = try periodEnd()
        // X ↔ Y manage each other; Z … V report to X; W is on top and has nobody below.
        let roster = Roster(people: [
            Person(id: "X", managerID: "Y", team: "T"), Person(id: "Y", managerID: "X", team: "T"),
            Person(id: "Z", managerID: "X", team: "T"), Person(id: "U", managerID: "Z", team: "T"),
            Person(id: "V", managerID: "Z", team: "T"), Person(id: "W", team: "T"),
        ])
        let lines = ReportingLines(roster: roster, on: end, minGroupSize: 3)
        #expect(lines.scopes.isEmpty)
        #expect(lines.lineScopes(of: Person(id: "U", managerID: "Z", team: "T")) == [])
        #expect(roster.members(of: .line("X")).map(\.id).sorted() == ["U", "V", "Y", "Z"])
    }
}
