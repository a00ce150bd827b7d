/// The tally summed up the organization: every department's and the organization's counts
/// (counts are additive, so a parent is the sum of its teams). Teams stay in the tally and
/// are read one at a time, so nothing per team is copied.
struct SurveyRollup: Sendable {
    /// The whole organization.
    let org: ScopeCounts
    /// Per department of the directory: its counts, `nil` without responses.
    let departments: [ScopeCounts?]
    /// The teams with responses, by team index: (team, slot in the tally).
    let teamSlots: [(team: Int, slot: Int)]

    init(tally: SurveyTally, directory: TeamDirectory) {
        let plan = tally.plan
        var org = ScopeCounts(plan: plan)
        var departments = [ScopeCounts?](repeating: nil, count: directory.departments.count)
        var teamSlots: [(team: Int, slot: Int)] = []
        var counts = ScopeCounts(plan: plan)
        for (slot, team) in tally.teamOfSlot.enumerated() {
            counts.load(tally, slot: slot)
            org.add(counts)
            // Under groupColumn: none every response sits in one slot past the roster's teams:
            // it counts for the organization and for no team or department.
            guard team < directory.teams.count else { continue }
            if let department = directory.departmentOfTeam[team] {
                if departments[department] == nil { departments[department] = ScopeCounts(plan: plan) }
                departments[department]?.add(counts)
            }
            teamSlots.append((team, slot))
        }
        self.org = org
        self.departments = departments
        self.teamSlots = teamSlots.sorted { $0.team < $1.team }
    }
}
