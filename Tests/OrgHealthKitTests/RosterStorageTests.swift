import Testing
@testable import OrgHealthKit

/// The roster's compact storage (issue 16): people kept as columns with shared strings
/// numbered, one key index, groups as slices. Each test states what a roster of `Person`
/// values must answer; the values are worked out by hand from the rows.
@Suite("Roster storage")
struct RosterStorageTests {
    @Test("people read back exactly as given, every field, in input order, duplicates dropped")
    func roundTrip() throws {
        let hired = try #require(CalendarDate(year: 2024, month: 2, day: 29))
        let left = try #require(CalendarDate(year: 9999, month: 12, day: 31))
        let people = [
            Person(id: "A", team: "Core", department: "Eng", name: "Ann", email: "ann@x.org", location: "Berlin", level: "L5",
                   hireDate: hired, endDate: left, attributes: ["contract": "full"]),
            Person(id: "B", managerID: "A", team: "Core"),
            Person(id: "A", team: "Other"),  // a later duplicate of A: ignored
            Person(id: "C", managerID: "Z", team: "Edge", department: "Eng", location: "Berlin"),
        ]
        let roster = Roster(people: people)
        // A, B and C, as given (the duplicate A of "Other" dropped).
        #expect(Array(roster.people) == [people[0], people[1], people[3]])
        #expect(roster.people == [people[0], people[1], people[3]])
        #expect(roster.people.count == 3)
        #expect(roster.person(id: "C")?.managerID == "Z")
        #expect(roster.teams == ["Core", "Edge"])
    }

    @Test("a location, level or date that only later people have reads back for them, and none for the rest")
    func columnsEmptyUntilAValue() throws {
        let hired = try #require(CalendarDate(year: 2025, month: 1, day: 6))
        let left = try #require(CalendarDate(year: 2026, month: 3, day: 31))
        // The first two have none of the four; the third has all; the fourth none again; the
        // fifth only a level (its column was empty before the fifth, the others were not).
        let people = [
            Person(id: "P1", team: "Core"),
            Person(id: "P2", managerID: "P1", team: "Core"),
            Person(id: "P3", managerID: "P1", team: "Core", location: "Lisbon", level: "L3", hireDate: hired, endDate: left),
            Person(id: "P4", managerID: "P1", team: "Edge"),
            Person(id: "P5", managerID: "P1", team: "Edge", level: "L2"),
        ]
        let roster = Roster(people: people)
        #expect(Array(roster.people) == people)
        #expect(roster.hireDate(at: 2) == hired && roster.endDate(at: 2) == left)
        #expect(roster.hireDate(at: 0) == nil && roster.endDate(at: 3) == nil && roster.hireDate(at: 4) == nil)
        #expect(roster.people[4].level == "L2" && roster.people[4].location == nil)
    }

    @Test("a team or department spelled in different bytes that compare equal reads back as each person spelled it")
    func canonicalSpellings() {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"  // equal as Strings, not as bytes
        let roster = Roster(people: [
            Person(id: "A", team: composed, department: decomposed),
            Person(id: "B", team: decomposed, department: composed),
        ])
        #expect(roster.people.map { Array($0.team.utf8) } == [Array(composed.utf8), Array(decomposed.utf8)])
        #expect(roster.people.map { $0.department.map { Array($0.utf8) } } == [Array(decomposed.utf8), Array(composed.utf8)])
        // One team of two (the two spellings are one String), as a [String: [Int]] index had it.
        #expect(roster.members(of: .team(composed)).map(\.id) == ["A", "B"])
        #expect(roster.members(of: .team(decomposed)).map(\.id) == ["A", "B"])
    }

    @Test("matching by id or email ignores case; the first person in roster order wins a shared key")
    func matching() {
        let roster = Roster(people: [
            Person(id: "E1", team: "T", email: "Boss@Example.org"),
            Person(id: "e2", team: "T", email: "e1"),  // e-mail "e1" equals E1's lowercased id: E1 comes first
            Person(id: "x", team: "T", email: "E2"),  // e-mail "e2" equals e2's id: e2 comes first
            Person(id: "K\u{212A}", team: "T"),  // Kelvin sign: lowercases to "kk"
        ])
        #expect(roster.person(matching: " boss@example.ORG ")?.id == "E1")
        #expect(roster.person(matching: "E1")?.id == "E1")
        #expect(roster.person(matching: "E2")?.id == "e2")
        #expect(roster.person(matching: "X")?.id == "x")
        #expect(roster.person(matching: "kk")?.id == "K\u{212A}")
        #expect(roster.person(matching: "nobody") == nil)
        #expect(roster.person(id: "e1") == nil)  // exact ids are case-sensitive
        #expect(roster.person(id: "e2")?.id == "e2")
    }

    @Test("lowercase comparison without a lowercased copy agrees with lowercased() ==")
    func lowercaseComparison() {
        let pairs: [(String, String)] = [
            ("ABC", "abc"), ("ABC", "abd"), ("AB", "abc"), ("ABC", "ab"), ("", ""), ("K\u{212A}", "kk"),
            ("\u{C9}cole", "\u{E9}cole"), ("E\u{301}cole", "\u{E9}cole"), ("Stra\u{DF}e", "strasse"), ("a\u{301}", "a"),
        ]
        for (text, lowered) in pairs {
            #expect(RosterKeyIndex.lowercased(text, equals: lowered) == (text.lowercased() == lowered), "\(text) \(lowered)")
        }
    }

    @Test("direct reports, team and department members, in roster order; managers outside the roster too")
    func groups() {
        let roster = Roster(people: [
            Person(id: "M", team: "Lead", department: "Ops"),
            Person(id: "A", managerID: "M", team: "Core", department: "Eng"),
            Person(id: "B", managerID: "X", team: "Core", department: "Ops"),
            Person(id: "C", managerID: "M", team: "Core", department: "Ops"),
            Person(id: "D", managerID: "X", team: "Lead"),
        ])
        #expect(roster.directReports(of: "M").map(\.id) == ["A", "C"])
        #expect(roster.directReports(of: "X").map(\.id) == ["B", "D"])  // X is nobody in this roster
        #expect(roster.directReports(of: "A").isEmpty)
        // Core: Eng 1, Ops 2 → Ops. Lead: Ops 1 → Ops. So Ops has everyone, Eng no one.
        #expect(roster.department(ofTeam: "Core") == "Ops")
        #expect(roster.departments == ["Ops"])
        #expect(roster.members(of: .department("Ops")).map(\.id) == ["M", "A", "B", "C", "D"])
        #expect(roster.members(of: .department("Eng")).isEmpty)
        #expect(roster.members(of: .team("Lead")).map(\.id) == ["M", "D"])
        #expect(roster.members(of: .manager("X")).map(\.id) == ["B", "D"])
        #expect(roster.members(of: .team("Eng")).isEmpty)  // a department's name is no team
    }

    @Test("a department vote tie goes to the first department by name")
    func departmentTie() {
        let roster = Roster(people: [
            Person(id: "A", team: "T", department: "Zeta"),
            Person(id: "B", team: "T", department: "Alpha"),
        ])
        #expect(roster.department(ofTeam: "T") == "Alpha")
    }

    @Test("attribute scopes per cut, members in roster order")
    func cuts() throws {
        let day = try #require(CalendarDate(year: 2026, month: 9, day: 30))
        let roster = Roster(people: [
            Person(id: "A", team: "T", location: "Berlin", level: "L1"),
            Person(id: "B", team: "T", level: "L2"),
            Person(id: "C", team: "T", location: "Berlin", level: "L1"),
        ]).cut(by: [RosterCut("location"), RosterCut("level")], on: day)
        #expect(roster.attributeScopes(of: Person(id: "A", team: "T")) == [.attribute("location", "Berlin"), .attribute("level", "L1")])
        #expect(roster.attributeScopes(of: Person(id: "B", team: "T")) == [.attribute("level", "L2")])
        #expect(roster.members(of: .attribute("level", "L1")).map(\.id) == ["A", "C"])
        #expect(roster.members(of: .attribute("location", "Berlin")).map(\.id) == ["A", "C"])
        #expect(roster.attributeScopes
            == [.attribute("level", "L1"), .attribute("level", "L2"), .attribute("location", "Berlin")])
    }

    @Test("groups keep items in order; sparse columns read nil until their first value")
    func groupsAndSparseColumns() {
        // Items 0…5 in groups 1, -, 0, 1, 0, 1 → group 0: 2, 4; group 1: 0, 3, 5.
        let numbers: [Int32?] = [1, nil, 0, 1, 0, 1]
        let groups = RosterGroups(groupCount: 3, itemCount: numbers.count) { numbers[$0] }
        #expect(Array(groups.items(of: 0)) == [2, 4])
        #expect(Array(groups.items(of: 1)) == [0, 3, 5])
        #expect(groups.items(of: 2).isEmpty)
        #expect(groups.items(of: 7).isEmpty)
        var column = SparseColumn<String>()
        column.append(nil, count: 0)
        column.append("b", count: 1)
        column.append(nil, count: 2)
        #expect([column[0], column[1], column[2], column[3]] == [nil, "b", nil, nil])
    }
}
