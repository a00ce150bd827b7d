import OrgHealthKit

/// The roster's teams and departments as indices, with each one's headcount on a day —
/// computed in one pass over the people, so a roster of a million stays quick.
struct TeamDirectory: Sendable {
    /// Team names, sorted.
    let teams: [String]
    /// Department names, sorted.
    let departments: [String]
    /// Per team: its department's index, if it has one.
    let departmentOfTeam: [Int?]
    /// Per team: people employed on the day.
    let teamHeadcount: [Int]
    /// Per department: people employed on the day.
    let departmentHeadcount: [Int]
    /// Everyone employed on the day.
    let orgHeadcount: Int
    private let indexByName: [String: Int]

    init(roster: Roster, headcountOn date: CalendarDate) {
        // One pass over the people: each team's first-seen index and headcount.
        var firstSeen: [String: Int] = [:]
        var names: [String] = []
        var employed: [Int] = []
        var last = (team: "", index: -1)
        // Read by position from the roster's columns: no ``Person`` (ten strings) is built per
        // person (issue 16: building them was a sixth of the survey's time at 10^6 people).
        for position in 0..<roster.count {
            let team = roster.team(at: position)
            let index: Int
            if last.index >= 0, team == last.team {
                // Rosters are often grouped by team: skip the hash for a run of one team.
                index = last.index
            } else if let known = firstSeen[team] {
                index = known
            } else {
                index = names.count
                firstSeen[team] = index
                names.append(team)
                employed.append(0)
            }
            last = (team, index)
            if roster.isEmployed(at: position, on: date) { employed[index] += 1 }
        }
        let order = names.indices.sorted { names[$0] < names[$1] }
        let teams = order.map { names[$0] }
        let teamHeadcount = order.map { employed[$0] }
        let departments = roster.departments
        var indexByName: [String: Int] = [:]
        indexByName.reserveCapacity(teams.count)
        for (index, team) in teams.enumerated() { indexByName[team] = index }
        let departmentIndex = Dictionary(departments.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let departmentOfTeam = teams.map { roster.department(ofTeam: $0).flatMap { departmentIndex[$0] } }
        var departmentHeadcount = Array(repeating: 0, count: departments.count)
        for (team, count) in teamHeadcount.enumerated() {
            if let department = departmentOfTeam[team] { departmentHeadcount[department] += count }
        }
        self.teams = teams
        self.departments = departments
        self.departmentOfTeam = departmentOfTeam
        self.teamHeadcount = teamHeadcount
        self.departmentHeadcount = departmentHeadcount
        self.orgHeadcount = teamHeadcount.reduce(0, +)
        self.indexByName = indexByName
    }

    /// The team with exactly this name.
    func team(named name: String) -> Int? { indexByName[name] }

    /// Team index by lowercased name (the first team of each), for names whose case differs
    /// from the roster's; built only when one is needed.
    func foldedIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, team) in teams.enumerated() where index[team.lowercased()] == nil {
            index[team.lowercased()] = position
        }
        return index
    }

    /// The team's scope.
    func scope(ofTeam team: Int) -> Scope { .team(teams[team]) }
}
