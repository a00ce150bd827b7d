import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// M (team Lead) manages S1 and S2; S1 manages a1 … a3, S2 manages b1 and b2 (team A); O1 is in
/// team Lead too. Lead and A make department Eng: M, O1 and M's line of 7. Sales: P1 … P10.
private func departmentRoster() -> Roster {
    var people = [
        Person(id: "M", team: "Lead", department: "Eng"), Person(id: "O1", team: "Lead", department: "Eng"),
        Person(id: "S1", managerID: "M", team: "A", department: "Eng"), Person(id: "S2", managerID: "M", team: "A", department: "Eng"),
    ]
    for index in 1...3 { people.append(Person(id: "a\(index)", managerID: "S1", team: "A", department: "Eng")) }
    for index in 1...2 { people.append(Person(id: "b\(index)", managerID: "S2", team: "A", department: "Eng")) }
    for index in 1...10 { people.append(Person(id: "P\(index)", team: "D", department: "Sales")) }
    return Roster(people: people)
}

/// T manages X1 … X5 and M; M manages S1 … S5; S1 manages six people, S2 seven; R manages three.
///
///     manager:T = 6, manager:M = 5, manager:S1 = 6, manager:S2 = 7, manager:R = 3
///     line:M = 5 + 6 + 7 = 18, line:T = 6 + 18 = 24, org = T + 24 + R + 3 = 29
private func treeRoster() -> Roster {
    var people = [Person(id: "T", team: "Top"), Person(id: "M", managerID: "T", team: "Top"), Person(id: "R", team: "C")]
    for index in 1...5 {
        people.append(Person(id: "X\(index)", managerID: "T", team: "Top"))
        people.append(Person(id: "S\(index)", managerID: "M", team: "Top"))
    }
    for index in 1...6 { people.append(Person(id: "s1_\(index)", managerID: "S1", team: "A")) }
    for index in 1...7 { people.append(Person(id: "s2_\(index)", managerID: "S2", team: "B")) }
    for index in 1...3 { people.append(Person(id: "r\(index)", managerID: "R", team: "C")) }
    return Roster(people: people)
}

private func count(_ scope: Scope, _ n: Int) -> Metric {
    Metric(id: "x.count", scope: scope, value: Double(n), unit: .count, n: n)
}

private func reasons(_ outcome: PrivacyGate.Outcome) -> [Scope: SuppressionReason?] {
    Dictionary(uniqueKeysWithValues: outcome.result.metrics.map { ($0.scope, $0.suppressed) })
}

@Suite("Privacy gate: reporting lines")
struct LineSuppressionTests {
    /// M (team T1, department D) manages c1 … c5 (T1); c1 manages d1 … d5 (T2, D) and Y, who
    /// left before the period (team T3, department E). O is in team S with Sales' P1 … P10, so
    /// department D is T1 + T2: M and M's line. Over everyone, the line is not wholly in D (Y
    /// is in E); over the people of the period it is, and D − line = M alone.
    ///
    ///     employed: org 22, D 11, Sales 11, T1 6, T2 5, S 11, manager:M 5, manager:c1 5, line:M 10
    @Test("R2 over the period's people: a department holding the line but for a leaver gives the manager alone, so the line is withheld")
    func leaverOutsideTheDepartment() throws {
        var people = [Person(id: "M", team: "T1", department: "D"), Person(id: "O", team: "S", department: "D")]
        for index in 1...5 { people.append(Person(id: "c\(index)", managerID: "M", team: "T1", department: "D")) }
        for index in 1...5 { people.append(Person(id: "d\(index)", managerID: "c1", team: "T2", department: "D")) }
        people.append(Person(id: "Y", managerID: "c1", team: "T3", department: "E", endDate: CalendarDate(year: 2025, month: 6, day: 30)))
        for index in 1...10 { people.append(Person(id: "P\(index)", team: "S", department: "Sales")) }
        let roster = Roster(people: people)
        let metrics = [
            count(.org, 22), count(.department("D"), 11), count(.department("Sales"), 11), count(.team("T1"), 6),
            count(.team("T2"), 5), count(.team("S"), 11), count(.manager("M"), 5), count(.manager("c1"), 5), count(.line("M"), 10),
        ]
        let period = try ReportingPeriod(
            start: try #require(CalendarDate(year: 2026, month: 1, day: 1)), end: try #require(CalendarDate(year: 2026, month: 3, day: 31)))
        let policy = PrivacyPolicy(minGroupSize: 5)
        // Judged over everyone only (no period), D does not hold the line: the line is shown,
        // and D − line = 1 would give M's own value.
        let overEveryone = reasons(PrivacyGate(policy: policy, roster: roster).apply(to: AnalyzerResult(metrics: metrics)))
        #expect(overEveryone[.line("M")] == .some(nil))
        // With the period, the people it counts nest: the line is withheld, nothing else changes.
        let withPeriod = reasons(PrivacyGate(policy: policy, roster: roster, period: period).apply(to: AnalyzerResult(metrics: metrics)))
        #expect(withPeriod[.line("M")] == .secondary)
        for (scope, reason) in withPeriod where scope != .line("M") { #expect(reason == overEveryone[scope]!, "\(scope)") }
    }

    @Test("R2: a department that is the line plus 2 people withholds the line (department − line = 2 people)")
    func departmentMinusLine() {
        let gate = PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: departmentRoster())
        // Eng = M, O1 and the line's 7: 9; Eng − line = 2 < 5.
        let attacked = gate.apply(to: AnalyzerResult(metrics: [
            count(.org, 19), count(.department("Eng"), 9), count(.department("Sales"), 10), count(.line("M"), 7),
        ]))
        let withheld = reasons(attacked)
        #expect(withheld[.line("M")] == .secondary)
        #expect(attacked.result.metrics.first { $0.scope == .line("M") }?.value == nil)
        #expect(withheld[.department("Eng")] == .some(nil))
        #expect(withheld[.org] == .some(nil))
        // The same line when the department counts 5 more than it (12 − 7): shown.
        let safe = gate.apply(to: AnalyzerResult(metrics: [
            count(.org, 22), count(.department("Eng"), 12), count(.department("Sales"), 10), count(.line("M"), 7),
        ]))
        #expect(reasons(safe)[.line("M")] == .some(nil))
    }

    @Test("R3: the line's parts leave 2 people over (direct reports withheld): the line is withheld")
    func smallRemainder() {
        let gate = PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: treeRoster())
        // Counted: 2 of M's direct reports, S1's 6, S2's 7: line:M = 15; line − S1 − S2 = 2 (M's
        // withheld direct reports). manager:R (4) is withheld too, so the sibling rule hides no
        // other manager, and each visible part differs from the line by 8 or 9: only R3 applies.
        let outcome = gate.apply(to: AnalyzerResult(metrics: [
            count(.org, 22), count(.manager("M"), 2), count(.manager("R"), 4),
            count(.manager("S1"), 6), count(.manager("S2"), 7), count(.line("M"), 15),
        ]))
        let withheld = reasons(outcome)
        #expect(withheld[.manager("M")] == .minGroupSize)
        #expect(withheld[.manager("S1")] == .some(nil))
        #expect(withheld[.manager("S2")] == .some(nil))
        #expect(withheld[.line("M")] == .secondary)
    }

    @Test("R3: a part withheld as secondary withholds the line, and the line above it in turn")
    func secondaryPartCascades() {
        let gate = PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: treeRoster())
        let cells = [
            count(.org, 29), count(.manager("T"), 6), count(.manager("M"), 5), count(.manager("S1"), 6),
            count(.manager("S2"), 7), count(.line("M"), 18), count(.line("T"), 24),
        ]
        // manager:R = 3 is withheld; the sibling rule then hides the smallest visible manager
        // group, manager:M (5), which line:M − S1 − S2 (18 − 6 − 7) would give back.
        let attacked = reasons(gate.apply(to: AnalyzerResult(metrics: cells + [count(.manager("R"), 3)])))
        #expect(attacked[.manager("R")] == .minGroupSize)
        #expect(attacked[.manager("M")] == .secondary)
        #expect(attacked[.line("M")] == .secondary)
        // line:T − manager:T = line:M: withheld in turn.
        #expect(attacked[.line("T")] == .secondary)
        #expect(attacked[.manager("T")] == .some(nil))
        // Without manager:R nothing is withheld: every remainder is 0 and every difference ≥ 5
        // (org − line:T = 5, line:T − line:M = 6, line:M − S2 = 11).
        let safe = reasons(gate.apply(to: AnalyzerResult(metrics: cells)))
        #expect(safe.values.allSatisfy { $0 == nil })
    }

    @Test("lines never change what the gate shows of the other scopes, and no withheld value can be recovered by subtraction",
          arguments: 0..<12)
    func generatedRosters(seed: Int) throws {
        let minGroupSize = 5
        let generated = GeneratedOrganization(seed: UInt64(seed) &+ 7)
        let roster = generated.roster
        let end = try #require(CalendarDate(iso: "2026-09-30"))
        let lines = ReportingLines(roster: roster, on: end, minGroupSize: minGroupSize)
        #expect(seed > 0 || !lines.scopes.isEmpty)
        // Scopes and their people (by hand, from the manager links: not the roster's index).
        var groups: [Scope: Set<String>] = [.org: Set(roster.people.map(\.id))]
        for person in roster.people {
            groups[.team(person.team), default: []].insert(person.id)
            if let department = roster.department(ofTeam: person.team) { groups[.department(department), default: []].insert(person.id) }
            if let manager = person.managerID { groups[.manager(manager), default: []].insert(person.id) }
        }
        for scope in lines.scopes { groups[scope] = generated.below(scope.name) }
        let gate = PrivacyGate(policy: PrivacyPolicy(minGroupSize: minGroupSize), roster: roster)
        var linesShown = 0, linesWithheldByLineRules = 0
        defer {
            // The first organization exercises both outcomes (so the checks below are not vacuous).
            if seed == 0 { #expect(linesShown > 0 && linesWithheldByLineRules > 0, "\(linesShown) \(linesWithheldByLineRules)") }
        }
        for family in 0..<3 {
            // Each family counts a different subset of people (a figure's respondents).
            let counted = generated.counted(family: family)
            let cells = groups.keys.sorted().map { scope in
                Metric(id: "x.\(family)", scope: scope, value: Double(groups[scope]?.intersection(counted).count ?? 0),
                       unit: .count, n: groups[scope]?.intersection(counted).count ?? 0)
            }
            let outcome = reasons(gate.apply(to: AnalyzerResult(metrics: cells)))
            let without = reasons(gate.apply(to: AnalyzerResult(metrics: cells.filter { $0.scope.kind != .line })))
            for (scope, reason) in without { #expect(outcome[scope] == reason, "seed \(seed): \(scope) changed") }
            for (scope, reason) in outcome where scope.kind == .line {
                if reason == nil { linesShown += 1 } else if reason == .secondary { linesWithheldByLineRules += 1 }
            }
            let people = groups.mapValues { $0.intersection(counted) }
            let visible = people.filter { outcome[$0.key] == .some(nil) }
            let withheldSets = Set(people.filter { outcome[$0.key] != .some(nil) && !$0.value.isEmpty }.values)
            // A visible line that counts exactly the people of a visible other scope repeats it.
            let existing = Set(visible.filter { $0.key.kind != .line }.values)
            func isNew(_ scope: Scope) -> Bool { scope.kind == .line && !existing.contains(visible[scope] ?? []) }
            func check(_ rest: Set<String>, _ what: String) {
                #expect(rest.isEmpty || rest.count >= minGroupSize, "seed \(seed) x.\(family): \(what) leaves \(rest.count)")
                #expect(!withheldSets.contains(rest), "seed \(seed) x.\(family): \(what) gives back a withheld figure")
            }
            // Pairs: a visible line and a visible scope nested with it (by people, all of them).
            for (line, linePeople) in visible where line.kind == .line {
                for (other, otherPeople) in visible where other != line && (isNew(line) || isNew(other)) {
                    guard let lineAll = groups[line], let otherAll = groups[other] else { continue }
                    if otherAll.isSubset(of: lineAll) { check(linePeople.subtracting(otherPeople), "\(line) − \(other)") }
                    if lineAll.isSubset(of: otherAll) { check(otherPeople.subtracting(linePeople), "\(other) − \(line)") }
                }
                // The partition: direct reports, then each report's line if visible, else their parts.
                var parts: [Scope] = []
                func split(_ manager: String) {
                    parts.append(.manager(manager))
                    for report in generated.reports(of: manager) where !generated.reports(of: report).isEmpty {
                        if visible[.line(report)] != nil { parts.append(.line(report)) } else { split(report) }
                    }
                }
                split(line.name)
                let shown = parts.filter { visible[$0] != nil }
                guard isNew(line) || shown.contains(where: isNew) else { continue }
                let rest = shown.reduce(linePeople) { $0.subtracting(visible[$1] ?? []) }
                check(rest, "\(line) − its visible parts")
            }
        }
    }
}

/// A deterministic organization of about 220 people: a tree up to five levels deep, teams that
/// mostly follow managers, departments of teams, and some people left before the period's end.
private struct GeneratedOrganization {
    let roster: Roster
    private let reportsOf: [String: [String]]
    private var seed: UInt64

    init(seed: UInt64) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var people: [Person] = [Person(id: "P0", team: "T0", department: "D0")]
        var reports: [String: [String]] = [:]
        var depth = ["P0": 0]
        let left = CalendarDate(iso: "2026-06-30")
        for index in 1..<220 {
            // A manager among those above level 4, favouring recent people (deeper trees).
            var manager = people[max(0, people.count - 1 - next(min(people.count, 40)))]
            while (depth[manager.id] ?? 0) >= 4 { manager = people[next(people.count)] }
            let team = next(5) == 0 ? "T\(next(12))" : manager.team
            let id = "P\(index)"
            people.append(Person(id: id, managerID: manager.id, team: team, department: "D\((Int(team.dropFirst()) ?? 0) % 4)",
                                 endDate: next(15) == 0 ? left : nil))
            reports[manager.id, default: []].append(id)
            depth[id] = (depth[manager.id] ?? 0) + 1
        }
        roster = Roster(people: people)
        reportsOf = reports
        self.seed = state
    }

    func reports(of id: String) -> [String] { reportsOf[id] ?? [] }

    /// Everyone below a manager, walked by hand.
    func below(_ id: String) -> Set<String> {
        var found: Set<String> = []
        var queue = reports(of: id)
        while let next = queue.popLast() {
            guard found.insert(next).inserted else { continue }
            queue += reports(of: next)
        }
        return found
    }

    /// The people one family counts: about 85 % of everyone, a different draw per family.
    func counted(family: Int) -> Set<String> {
        var state = seed &+ UInt64(family) &* 0x9E37_79B9
        var chosen: Set<String> = []
        for person in roster.people {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if (state >> 33) % 100 < 85 { chosen.insert(person.id) }
        }
        return chosen
    }
}
