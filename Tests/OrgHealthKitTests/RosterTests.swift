import Foundation
import Testing
@testable import OrgHealthKit

@Suite("Roster")
struct RosterTests {
    let period = try! ReportingPeriod(parsing: "2026-Q3")  // literal, cannot fail

    func read(_ csv: String, mapping: [String: String] = [:]) throws -> RosterReader.Output {
        try RosterReader(columnMapping: mapping).read(csv: csv)
    }

    @Test("active in the period: hired on or before its last day, not left before its first day")
    func activeRules() throws {
        let output = try read("""
        employee_id,manager_id,team,hire_date,end_date
        A,,Core,2020-01-01,
        B,A,Core,2026-09-30,
        C,A,Core,2026-10-01,
        D,A,Core,2019-05-01,2026-07-01
        E,A,Core,2019-05-01,2026-06-30
        F,A,Core,,
        """)
        let active = output.roster.active(in: period).map(\.id)
        #expect(active == ["A", "B", "D", "F"])
        // Headcount at the last day: D left on the first day of the period.
        #expect(output.roster.headcount(of: .org, on: period.end) == 3)
        #expect(output.roster.headcount(of: .team("Core"), on: period.end) == 3)
    }

    @Test("duplicate ids, unknown managers and cycles are diagnostics with lines; the rest is read")
    func repairs() throws {
        let output = try read("""
        employee_id,manager_id,team
        A,,Core
        B,A,Core
        B,A,Core
        C,ZZZ,Core
        D,E,Core
        E,F,Core
        F,D,Core
        G,G,Core
        """)
        #expect(output.rowsRead == 8)
        #expect(output.roster.people.count == 7)
        let lines = output.diagnostics.compactMap(\.line).sorted()
        #expect(lines.contains(4))  // duplicate B
        #expect(lines.contains(5))  // unknown manager ZZZ
        #expect(lines.contains(9))  // G is their own manager
        #expect(output.diagnostics.contains { $0.message.contains("manager cycle") })
        #expect(output.roster.person(id: "C")?.managerID == nil)
        // Walking up from anyone ends.
        for person in output.roster.people { #expect(output.roster.managerChain(of: person).count < 7) }
        let cycleMembers = ["D", "E", "F"].compactMap { output.roster.person(id: $0) }
        #expect(cycleMembers.filter { $0.managerID == nil }.count == 1)
    }

    @Test("re-mapped columns from an HRIS export")
    func remapped() throws {
        let output = try read("""
        Employee ID,Manager ID, Team Name ,Dept,Termination Date
        E1,,Platform,Engineering,
        E2,E1,Platform,Engineering,2026-08-01
        """, mapping: ["employee_id": "Employee ID", "manager_id": "Manager ID", "team": "team name",
                       "department": "Dept", "end_date": "Termination Date"])
        #expect(output.roster.people.count == 2)
        #expect(output.roster.person(id: "E2")?.endDate?.description == "2026-08-01")
        #expect(output.roster.department(ofTeam: "Platform") == "Engineering")
    }

    @Test("a missing required column names the column and the mapping key")
    func missingColumn() {
        #expect {
            try read("id,manager_id,team\nA,,Core\n")
        } throws: { error in
            "\(error)".contains("employee_id") && "\(error)".contains("columns.roster.employee_id")
        }
    }

    @Test("people are found by id or email, case-insensitively")
    func lookup() throws {
        let output = try read("employee_id,manager_id,team,email\nE0042,,Core,Ana.Lopez@Example.com\n")
        #expect(output.roster.person(matching: "e0042")?.id == "E0042")
        #expect(output.roster.person(matching: " ana.lopez@example.COM ")?.id == "E0042")
        #expect(output.roster.person(matching: "nobody") == nil)
    }

    @Test("the matching keys are built on first use, once, when two threads ask at the same time")
    func matchingKeysOnFirstUse() {
        // Ids that are already lowercase and ids that are not; an email equal to another
        // person's id (the first in roster order wins, as it always did).
        var people = (0..<2_000).map { number in
            Person(id: number.isMultiple(of: 2) ? "E\(number)" : "e\(number)", team: "T\(number % 50)",
                   email: "person\(number)@Example.org")
        }
        people.append(Person(id: "X1", team: "T0", email: "E10"))
        let roster = Roster(people: people)
        let (first, second) = Concurrently.both(
            { (0..<2_000).map { roster.id(matching: "PERSON\($0)@example.ORG") } },
            { (0..<2_000).map { roster.id(matching: " e\($0) ") } })
        let ids = (0..<2_000).map { $0.isMultiple(of: 2) ? "E\($0)" : "e\($0)" }
        #expect(first == ids)
        #expect(second == ids)
        #expect(roster.id(matching: "e10") == "E10", "the person whose id it is comes before the one whose email it is")
        #expect(roster.id(matching: "x1") == "X1")
        #expect(roster.id(matching: "person2000@example.org") == nil)
    }

    @Test("an unparseable date among ISO dates is a diagnostic and the person is kept")
    func badDate() throws {
        // Two ISO dates and one day-first date: ISO reads 2 of 3, so ISO is the format and
        // the odd value (line 4) is reported and ignored.
        let output = try read("employee_id,manager_id,team,hire_date\nA,,Core,2020-01-01\nB,A,Core,2021-02-03\nC,A,Core,14/07/2026\n")
        #expect(output.roster.people.count == 3)
        #expect(output.roster.person(id: "C")?.hireDate == nil)
        #expect(output.diagnostics.first?.line == 4)
        #expect(output.diagnostics.first?.message.contains("hire_date") == true)
    }

    @Test("Latin-1 bytes are refused with the file named")
    func notUTF8() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roster.csv")
        try Data(Array("employee_id,manager_id,team\nA,,Caf".utf8) + [0xE9, 0x0A]).write(to: file)
        #expect {
            try RosterReader().read(file)
        } throws: { error in
            "\(error)".contains("roster.csv") && "\(error)".contains("UTF-8")
        }
    }
}
