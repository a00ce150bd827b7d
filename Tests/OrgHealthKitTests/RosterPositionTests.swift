import Testing
import OrgHealthKit

/// The roster by position (issue 16): what the position accessors, `employedTeams(on:)`,
/// `headcount(of:on:)` and the id and team look-ups answer must be what the `Person` values
/// answer — the reference here is `Person`'s own `isEmployed(on:)` and `isActive(in:)`, so the
/// packed-date comparisons are checked against date comparisons.
@Suite("Roster positions")
struct RosterPositionTests {
    /// A roster with every kind of date: none, before, on and after the period's edges, and
    /// the extremes of the calendar; managers inside, outside (an unknown id) and absent.
    static func roster() -> Roster {
        let dates: [CalendarDate?] = [
            nil, CalendarDate(year: 1, month: 1, day: 1), CalendarDate(year: 2026, month: 6, day: 30),
            CalendarDate(year: 2026, month: 7, day: 1), CalendarDate(year: 2026, month: 8, day: 15),
            CalendarDate(year: 2026, month: 9, day: 30), CalendarDate(year: 2026, month: 10, day: 1),
            CalendarDate(year: 9999, month: 12, day: 31),
        ]
        var people: [Person] = []
        for (index, hired) in dates.enumerated() {
            for (other, ended) in dates.enumerated() {
                let id = "P\(index)-\(other)"
                let manager = index == 0 ? nil : (other == 3 ? "nobody" : "P0-0")
                people.append(Person(
                    id: id, managerID: manager, team: "T\((index + other) % 5)", department: "D\(other % 2)",
                    email: "\(id.lowercased())@example.org", hireDate: hired, endDate: ended))
            }
        }
        return Roster(people: people)
    }

    @Test("dates, employment and activity by position agree with the Person values")
    func datesAgree() throws {
        let roster = Self.roster()
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let days = [period.start, period.end, CalendarDate(year: 2026, month: 8, day: 15)!, CalendarDate(year: 1, month: 1, day: 1)!]
        #expect(roster.count == 64)
        for (position, person) in roster.people.enumerated() {
            #expect(roster.id(at: position) == person.id)
            #expect(roster.team(at: position) == person.team)
            #expect(roster.hireDate(at: position) == person.hireDate)
            #expect(roster.endDate(at: position) == person.endDate)
            #expect(roster.isActive(at: position, in: period) == person.isActive(in: period), "\(person.id)")
            for day in days {
                #expect(roster.isEmployed(at: position, on: day) == person.isEmployed(on: day), "\(person.id) on \(day)")
            }
            #expect(roster.hasNoManager(at: position) == (person.managerID == nil))
            #expect(roster.managerPosition(at: position).map { roster.id(at: $0) } == (person.managerID == "P0-0" ? "P0-0" : nil))
            #expect(roster.managementDepth(at: position) == roster.managementDepth(of: person))
        }
    }

    @Test("headcounts, employed teams, members and look-ups agree with the Person values")
    func groupsAgree() throws {
        let roster = Self.roster()
        let day = try #require(CalendarDate(year: 2026, month: 9, day: 30))
        let employed = roster.people.filter { $0.isEmployed(on: day) }
        var firstSeen: [String] = []
        for person in employed where !firstSeen.contains(person.team) { firstSeen.append(person.team) }
        #expect(roster.employedTeams(on: day) == firstSeen)
        // Any predicate: the teams of the people it holds for, each once, in order of first appearance.
        let period = try ReportingPeriod(parsing: "2026-Q3")
        var activeTeams: [String] = []
        for person in roster.people where person.isActive(in: period) && !activeTeams.contains(person.team) {
            activeTeams.append(person.team)
        }
        #expect(roster.teams { roster.isActive(at: $0, in: period) } == activeTeams)
        #expect(roster.teams { $0 % 2 == 1 }.count == Set(roster.people.enumerated().filter { $0.offset % 2 == 1 }.map(\.element.team)).count)
        #expect(roster.teams { _ in false }.isEmpty)
        for scope in [Scope.org, .team("T1"), .department("D0"), .manager("P0-0"), .manager("nobody")] {
            #expect(roster.headcount(of: scope, on: day) == roster.members(of: scope).filter { $0.isEmployed(on: day) }.count, "\(scope)")
            var positions: [Int] = []
            roster.forEachPosition(of: scope) { positions.append($0) }
            #expect(positions.map { roster.id(at: $0) } == roster.members(of: scope).map(\.id), "\(scope)")
        }
        #expect(roster.id(matching: " p3-4@EXAMPLE.org ") == "P3-4")
        #expect(roster.team(matching: "p3-4") == roster.person(id: "P3-4")?.team)
        #expect(roster.id(matching: "nobody") == nil)
        #expect(roster.groupScopes(ofTeam: "T1") == [.org, .department(roster.department(ofTeam: "T1")!), .team("T1")])
    }
}
