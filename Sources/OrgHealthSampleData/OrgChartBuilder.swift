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
        let byWeight = blueprints.indices.sorted {
            (-blueprints[$0].weight, $0) < (-blueprints[$1].weight, $1)
        }
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
                let memberLocation = random.chance(0.85)
                    ? location : SampleNames.locations[random.weightedIndex(Self.locationWeights)]
                members.append(draft.addPerson(role: .member, level: level, team: teamIndex, location: memberLocation,
                                               manager: manager))
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
        // A head of a small department with one or two teams also manages a specialist or two
        // directly, so the planted tiny team stays the only narrow span.
        var headReports = units.count
        while headReports < 3 {
            let donors = teamIndices.filter { draft.teams[$0].kind == .regular && draft.teams[$0].members.count > 5 }
            guard let donor = donors.max(by: { draft.teams[$0].members.count < draft.teams[$1].members.count }),
                  let specialist = draft.teams[donor].members.last(where: { draft.people[$0].managerIndex == draft.teams[donor].managerIndex })
            else { break }
            draft.people[specialist].managerIndex = head
            headReports += 1
        }
        draft.departments.append(SampleDepartment(name: blueprint.name, headIndex: head, teamIndices: teamIndices))
    }
}
