import OrgHealthKit

/// The group scopes review figures are reported for — the org, every department, every team,
/// every value of each cut (config `cuts:`, `attribute:location=Berlin`) and every reporting
/// line (`line:<id>`, see `ReportingLines`) —
/// numbered so that the tallies can be flat arrays, and each roster person's groups (those
/// of the reviewee: a review counts where the person reviewed sits).
struct ReviewGroups: Sendable {
    /// The scopes by group number: 0 is the org, then departments, then teams (sorted by name),
    /// then attribute values, then reporting lines.
    let scopes: [Scope]
    /// For each roster person (by index in `roster.people`), their group numbers: the org,
    /// their department if any, their team.
    let groupsOfPerson: [[Int]]
    /// Roster index by exact employee id.
    let indexByID: [String: Int]

    init(roster: Roster, lines: ReportingLines? = nil) {
        var scopes: [Scope] = [.org]
        var departmentGroup: [String: Int] = [:]
        for department in roster.departments {
            departmentGroup[department] = scopes.count
            scopes.append(.department(department))
        }
        var teamGroup: [String: Int] = [:]
        for team in roster.teams {
            teamGroup[team] = scopes.count
            scopes.append(.team(team))
        }
        var attributeGroup: [Scope: Int] = [:]
        for scope in roster.attributeScopes {
            attributeGroup[scope] = scopes.count
            scopes.append(scope)
        }
        var lineGroup: [Scope: Int] = [:]
        for scope in lines?.scopes ?? [] {
            lineGroup[scope] = scopes.count
            scopes.append(scope)
        }
        var indexByID: [String: Int] = [:]
        indexByID.reserveCapacity(roster.people.count)
        var groupsOfTeam: [String: [Int]] = [:]
        var groupsOfPerson: [[Int]] = []
        groupsOfPerson.reserveCapacity(roster.people.count)
        for (index, person) in roster.people.enumerated() {
            indexByID[person.id] = index
            // A cut value is a group of its own, never crossed with the team or department.
            // So is a reporting line: a review counts in every line above the person.
            let cutGroups = roster.attributeScopes(of: person).compactMap { attributeGroup[$0] }
                + (lines?.lineScopes(of: person) ?? []).compactMap { lineGroup[$0] }
            if let known = groupsOfTeam[person.team] {
                groupsOfPerson.append(known + cutGroups)
                continue
            }
            var groups = [0]
            if let department = roster.department(ofTeam: person.team), let group = departmentGroup[department] {
                groups.append(group)
            }
            if let group = teamGroup[person.team] { groups.append(group) }
            groupsOfTeam[person.team] = groups
            groupsOfPerson.append(groups + cutGroups)
        }
        self.scopes = scopes
        self.groupsOfPerson = groupsOfPerson
        self.indexByID = indexByID
    }

    /// The number of groups.
    var count: Int { scopes.count }

    /// The group numbers of the departments, in name order.
    var departmentGroups: [Int] { scopes.indices.filter { scopes[$0].kind == .department } }

    /// The group numbers of the teams, in name order.
    var teamGroups: [Int] { scopes.indices.filter { scopes[$0].kind == .team } }
}
