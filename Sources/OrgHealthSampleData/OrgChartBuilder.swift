import OrgHealthKit

/// Builds the synthetic organization: the hierarchy, the teams, the people and their dates,
/// and the cast of planted scenarios. Everything downstream reads the chart it returns.
struct OrgChartBuilder {
    let employees: Int
    let seed: UInt64
    let period: ReportingPeriod
    let organization: String

    private static let levelWeights: [Double] = [10, 30, 35, 18, 7]
    private static let locationWeights: [Double] = [5, 3, 5, 2, 3, 3, 1, 1]

    func build() -> SampleOrgChart {
        var draft = Draft(domain: SampleNames.emailDomain(for: organization), seed: seed)
        let blueprints = DepartmentBlueprint.selected(employees: employees)
        let budgets = departmentBudgets(blueprints)

        let ceo = draft.addPerson(role: .chiefExecutive, level: "CEO", team: 0, location: "New York")
        draft.teams.append(SampleTeam(name: "Executive Team", department: "Executive", kind: .executive,
                                      managerIndex: ceo, members: [ceo]))
        let heads = blueprints.map { _ in
            draft.addPerson(role: .departmentHead, level: "VP", team: 0, location: "New York", manager: ceo)
        }
        draft.teams[0].members += heads

        for (position, blueprint) in blueprints.enumerated() {
            buildDepartment(blueprint, head: heads[position], staff: budgets[position], into: &draft)
        }
        chooseCast(&draft)
        assignDates(&draft)
        return draft.finish(organization: organization, period: period, seed: seed)
    }

    /// Each department's people without its head: its minimum plus a weighted share of the rest.
    private func departmentBudgets(_ blueprints: [DepartmentBlueprint]) -> [Int] {
        let fixed = 1 + blueprints.reduce(0) { $0 + 1 + $1.minimumStaff }
        let spare = max(0, employees - fixed)
        let totalWeight = blueprints.reduce(0) { $0 + $1.weight }
        var budgets = blueprints.map { $0.minimumStaff + spare * $0.weight / max(1, totalWeight) }
        // Largest remainders: hand the rounding loss to the heaviest departments.
        var left = spare - blueprints.reduce(0) { $0 + spare * $1.weight / max(1, totalWeight) }
        let byWeight = blueprints.indices.sorted { blueprints[$0].weight > blueprints[$1].weight || (blueprints[$0].weight == blueprints[$1].weight && $0 < $1) }
        var cursor = 0
        while left > 0, !byWeight.isEmpty {
            budgets[byWeight[cursor % byWeight.count]] += 1
            left -= 1
            cursor += 1
        }
        return budgets
    }

    private func buildDepartment(_ blueprint: DepartmentBlueprint, head: Int, staff: Int, into draft: inout Draft) {
        let fixedStaff = blueprint.fixedTeams.reduce(0) { $0 + $1.directReports + 1 }
        var leaders = 0
        var sizes: [Int] = []
        for _ in 0..<8 {
            var random = SampleRandom(seed: seed, stream: "team-sizes/" + blueprint.name)
            sizes = TeamSizing.partition(staff - fixedStaff - leaders, random: &random)
            let needed = DepartmentBlueprint.leaderLevels(teams: sizes.count + blueprint.fixedTeams.count).reduce(0, +)
            if needed == leaders { break }
            leaders = needed
        }
        let levels = DepartmentBlueprint.leaderLevels(teams: sizes.count + blueprint.fixedTeams.count)
        TeamSizing.reconcile(&sizes, to: staff - fixedStaff - levels.reduce(0, +))

        var plans: [(name: String, kind: SampleTeamKind, size: Int)] = []
        for (ordinal, size) in sizes.enumerated() {
            plans.append((blueprint.teamName(ordinal), .regular, size))
            if ordinal == 0 {
                plans += blueprint.fixedTeams.map { ($0.name, $0.kind, $0.directReports + 1) }
            }
        }

        var random = SampleRandom(seed: seed, stream: "staffing/" + blueprint.name)
        let headLocation = draft.people[head].location
        var teamIndices: [Int] = []
        var units: [Int] = []
        for plan in plans {
            let location = SampleNames.locations[random.weightedIndex(Self.locationWeights)]
            let teamIndex = draft.teams.count
            let manager = draft.addPerson(role: .teamManager, level: "M1", team: teamIndex, location: location)
            var members = [manager]
            for _ in 1..<max(1, plan.size) {
                let level = "IC\(random.weightedIndex(Self.levelWeights) + 1)"
                let where_ = random.chance(0.85)
                    ? location : SampleNames.locations[random.weightedIndex(Self.locationWeights)]
                members.append(draft.addPerson(role: .member, level: level, team: teamIndex, location: where_, manager: manager))
            }
            draft.teams.append(SampleTeam(name: plan.name, department: blueprint.name, kind: plan.kind,
                                          managerIndex: manager, members: members))
            teamIndices.append(teamIndex)
            units.append(manager)
        }

        if !levels.isEmpty {
            let leadershipTeam = draft.teams.count
            draft.teams.append(SampleTeam(name: blueprint.name + " Leadership", department: blueprint.name,
                                          kind: .leadership, managerIndex: nil, members: []))
            teamIndices.append(leadershipTeam)
            for (depth, count) in levels.enumerated() {
                var leadersOfLevel: [Int] = []
                let base = units.count / count
                let extra = units.count % count
                var start = 0
                for group in 0..<count {
                    let length = base + (group < extra ? 1 : 0)
                    let leader = draft.addPerson(role: .leader(depth: depth + 1), level: depth == 0 ? "M2" : "M3",
                                                 team: leadershipTeam, location: headLocation)
                    for unit in units[start..<(start + length)] { draft.people[unit].managerIndex = leader }
                    start += length
                    leadersOfLevel.append(leader)
                }
                draft.teams[leadershipTeam].members += leadersOfLevel
                units = leadersOfLevel
            }
        }
        for unit in units { draft.people[unit].managerIndex = head }
        draft.departments.append(SampleDepartment(name: blueprint.name, headIndex: head, teamIndices: teamIndices))
    }

    /// Picks who carries each planted scenario: the special teams' managers, the managers who
    /// hold few 1:1s, the leavers and new hires, and the people behind the roster's data problems.
    private func chooseCast(_ draft: inout Draft) {
        var random = SampleRandom(seed: seed, stream: "cast")
        var cast = SampleCast()
        for (index, team) in draft.teams.enumerated() {
            switch team.kind {
            case .lenientManager: cast.lenientManager = team.managerIndex ?? 0
            case .severeManager: cast.severeManager = team.managerIndex ?? 0
            case .wideSpan: cast.wideSpanManager = team.managerIndex ?? 0
            case .tiny:
                cast.tinyTeam = index
                cast.narrowSpanManager = team.managerIndex ?? 0
            default: break
            }
            if team.name == DepartmentBlueprint.researchTeam || team.name == DepartmentBlueprint.facilitiesTeam {
                cast.escapingTeams.append(index)
            }
        }

        // Managers who hold few 1:1s: ordinary teams big enough to show in the survey, one per
        // department in turn, so the cross-source story appears in several places.
        let regular = draft.teams.indices.filter { draft.teams[$0].kind == .regular && draft.teams[$0].managerIndex != nil }
        let isRegular = Set(regular)
        let wanted = max(2, regular.count / 12)
        var chosen: [Int] = []
        for minimumSize in [8, 6, 1] where chosen.count < wanted {
            var byDepartment: [[Int]] = draft.departments.map { department in
                random.shuffled(department.teamIndices.filter {
                    isRegular.contains($0) && draft.teams[$0].members.count >= minimumSize && !chosen.contains($0)
                })
            }
            var progress = true
            while chosen.count < wanted, progress {
                progress = false
                for position in byDepartment.indices where chosen.count < wanted && !byDepartment[position].isEmpty {
                    chosen.append(byDepartment[position].removeFirst())
                    progress = true
                }
            }
        }
        cast.lowOneOnOneManagers = chosen.compactMap { draft.teams[$0].managerIndex }

        // Leavers, hires and the roster's data problems come from ordinary members of ordinary
        // teams of six or more, so the planted teams keep their shape.
        var candidates: [Int] = []
        for minimumSize in [6, 5, 1] where candidates.count < 12 {
            candidates = regular.filter { !chosen.contains($0) && draft.teams[$0].members.count >= minimumSize }
                .flatMap { draft.teams[$0].members.filter { draft.people[$0].role == .member } }
        }
        candidates = random.shuffled(candidates)
        func take(_ count: Int) -> [Int] {
            let taken = Array(candidates.prefix(count))
            candidates.removeFirst(taken.count)
            return taken
        }
        cast.duplicatedPerson = take(1).first ?? 0
        cast.unknownManagerPerson = take(1).first ?? 0
        cast.unparseableHireDatePerson = take(1).first ?? 0
        cast.leaversInPeriod = take(max(2, employees * 35 / 1_000))
        cast.futureHires = take(max(1, employees * 8 / 1_000))
        cast.leaversBeforePeriod = take(max(1, employees / 100))
        cast.recentHires = take(max(2, employees * 6 / 100))
        draft.cast = cast
    }

    private func assignDates(_ draft: inout Draft) {
        var random = SampleRandom(seed: seed, stream: "dates")
        let start = period.start
        let end = period.end
        for index in draft.people.indices {
            let tenure: Int
            let unit = random.unit()
            switch draft.people[index].role {
            case .chiefExecutive: tenure = 3_100
            case .departmentHead: tenure = 900 + Int(unit * 2_000)
            case .leader, .teamManager: tenure = 400 + Int(unit * 2_400)
            case .member: tenure = 100 + Int(unit * unit * 2_800)
            }
            draft.people[index].hireDate = start.adding(days: -tenure)
        }
        let previous = period.previous
        for person in draft.cast.leaversInPeriod {
            draft.people[person].endDate = start.adding(days: random.int(in: 5...max(5, period.dayCount - 6)))
        }
        for person in draft.cast.leaversBeforePeriod {
            let endDate = previous.start.adding(days: random.int(in: 5...max(5, previous.dayCount - 6)))
            draft.people[person].endDate = endDate
            if draft.people[person].hireDate > endDate.adding(days: -200) {
                draft.people[person].hireDate = endDate.adding(days: -200 - random.int(in: 0...400))
            }
        }
        for person in draft.cast.recentHires {
            draft.people[person].hireDate = end.adding(days: -random.int(in: 14...89))
        }
        for person in draft.cast.futureHires {
            draft.people[person].hireDate = end.adding(days: random.int(in: 3...45))
        }
    }
}
