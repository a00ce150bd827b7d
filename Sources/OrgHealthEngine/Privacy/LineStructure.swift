import OrgHealthKit

/// How every possible reporting line (`line:<id>`) nests with the roster's teams and
/// departments, computed once per roster in time linear in its size (plus each team's depth):
/// the team and the department that hold a whole line, if any, and the deepest manager each
/// team and department lies wholly below. Judged over the people `counted` marks — everyone
/// in the roster by default — so that nesting over them holds for any figure counting only
/// such people. The gate builds two: over everyone, and over the people active in the period
/// (a team whose only member outside a line left before the period nests with the line over
/// the people figures count, though not over everyone). See ``LineSuppression``.
struct LineStructure {
    /// The roster, for people by employee id.
    let roster: Roster
    /// The people with reports, each after everyone below them: the only people a line rule
    /// looks at (nothing lies below the others, and they head no line).
    let managersBottomUp: [Int]
    /// The slot of each manager's own manager, by slot (−1: at the top, or above a cycle). A
    /// manager's *slot* is their place in ``managersBottomUp``: what the rules keep per manager
    /// is kept by slot (issue 16: kept per person, at 10^6 people, it was some 60 MB beside the
    /// survey's figures, where the report peaks; a tenth of the people have reports). The tree
    /// itself is not kept (33 MB at 10^6 people).
    let managerSlot: [Int32]
    let teamNumbers: [String: Int32]
    let departmentNumbers: [String: Int32]
    /// The team of everyone below a manager, by slot (−1: mixed; −2: nobody below).
    let teamBelow: [Int32]
    /// The department of everyone below a manager, by slot (−1: mixed or none; −2: nobody below).
    let departmentBelow: [Int32]
    /// The teams wholly below each person (not including them), listed at the deepest such person.
    let teamsAnchoredAt: [Int: [Int32]]
    /// The departments wholly below each person, listed at the deepest such person.
    let departmentsAnchoredAt: [Int: [Int32]]
    /// Whether the teams wholly below a manager are all of the people below them (then a line's
    /// teams partition it exactly), by slot.
    let teamsCoverLine: [Bool]
    /// Whether the departments wholly below a manager are all of the people below them, by slot.
    let departmentsCoverLine: [Bool]

    /// The managers of a tree, bottom up, and the slot of each one's manager: the same for
    /// every nesting of one roster, so built once and shared.
    struct Managers {
        let bottomUp: [Int]
        let managerSlot: [Int32]

        init(tree: ReportingTree) {
            bottomUp = tree.bottomUp.filter(tree.hasReports)
            var slotOf = [Int32](repeating: -1, count: tree.managerIndex.count)
            for (slot, person) in bottomUp.enumerated() { slotOf[person] = Int32(slot) }
            // A walk up stops at a cycle: a manager in a cycle is nobody's manager here. (Everyone
            // with a manager is one of that manager's reports, so the manager has a slot.)
            managerSlot = bottomUp.map { person in
                let manager = tree.managerIndex[person]
                return manager >= 0 && tree.isInForest[manager] ? slotOf[manager] : -1
            }
        }
    }

    init(roster: Roster, tree: ReportingTree? = nil, managers: Managers? = nil, counted: [Bool]? = nil) {
        let tree = tree ?? ReportingTree(roster: roster)
        let managers = managers ?? Managers(tree: tree)
        // By position, with 32-bit working arrays, each dropped once used: this is per person
        // (no `Person` is built), and at 10⁶ people the arrays were most of the gate's memory.
        let people = 0..<roster.count
        let counted = counted ?? [Bool](repeating: true, count: people.count)
        let teams = roster.teams, departments = roster.departments
        var teamNumbers: [String: Int32] = [:], departmentNumbers: [String: Int32] = [:]
        for (number, team) in teams.enumerated() { teamNumbers[team] = Int32(number) }
        for (number, department) in departments.enumerated() { departmentNumbers[department] = Int32(number) }
        let departmentOfTeam = teams.map { roster.department(ofTeam: $0).flatMap { departmentNumbers[$0] } ?? -1 }
        let teamOf = people.map { teamNumbers[roster.team(at: $0)] ?? -1 }
        let departmentOf = teamOf.map { $0 >= 0 ? departmentOfTeam[Int($0)] : -1 }
        // A walk up stops at a cycle: a manager in a cycle is nobody's manager here.
        let up = people.map { index -> Int32 in
            let manager = tree.managerIndex[index]
            return manager >= 0 && tree.isInForest[manager] ? Int32(manager) : -1
        }
        // The counted people at or below each person (the line's people, with the person).
        var countedSize = counted.map { $0 ? Int32(1) : 0 }
        for index in tree.bottomUp where up[index] >= 0 { countedSize[Int(up[index])] += countedSize[index] }
        // Depth and pre-order number, from the top down (the reverse of the bottom-up order
        // puts every manager before their reports; siblings' pre-order ranges come from sizes).
        var depth = [Int32](repeating: 0, count: people.count)
        var preorder = [Int32](repeating: -1, count: people.count)
        do {
            var size = [Int32](repeating: 1, count: people.count)
            for index in tree.bottomUp where up[index] >= 0 { size[Int(up[index])] += size[index] }
            var nextFree = [Int32](repeating: 0, count: people.count)
            var rootCursor: Int32 = 0
            for index in tree.bottomUp.reversed() {
                let manager = Int(up[index])
                if manager < 0 {
                    preorder[index] = rootCursor
                    rootCursor += size[index]
                } else {
                    depth[index] = depth[manager] + 1
                    preorder[index] = preorder[manager] + 1 + nextFree[manager]
                    nextFree[manager] += size[index]
                }
            }
        }
        func lca(_ first: Int, _ second: Int) -> Int {
            var a = first, b = second
            while depth[a] > depth[b] { a = Int(up[a]) }
            while depth[b] > depth[a] { b = Int(up[b]) }
            while a != b {
                a = Int(up[a])
                b = Int(up[b])
                if a < 0 || b < 0 { return -1 }
            }
            return a
        }
        // The deepest person a group of people lies wholly below, or −1.
        func anchor(_ members: [Int32], isMember: (Int) -> Bool) -> Int {
            guard let first = members.first.map(Int.init), members.allSatisfy({ tree.isInForest[Int($0)] }) else { return -1 }
            var low = first, high = first
            for member in members.lazy.map(Int.init) {
                if preorder[member] < preorder[low] { low = member }
                if preorder[member] > preorder[high] { high = member }
            }
            let common = lca(low, high)
            guard common >= 0 else { return -1 }
            return isMember(common) ? Int(up[common]) : common
        }
        var teamsAnchoredAt: [Int: [Int32]] = [:], departmentsAnchoredAt: [Int: [Int32]] = [:]
        // The people of the groups anchored at each person, summed from the leaves up below.
        var teamCovered = [Int32](repeating: 0, count: people.count)
        var departmentCovered = [Int32](repeating: 0, count: people.count)
        do {
            var teamMembers = [[Int32]](repeating: [], count: teams.count)
            var departmentMembers = [[Int32]](repeating: [], count: departments.count)
            for index in people where counted[index] {
                if teamOf[index] >= 0 { teamMembers[Int(teamOf[index])].append(Int32(index)) }
                if departmentOf[index] >= 0 { departmentMembers[Int(departmentOf[index])].append(Int32(index)) }
            }
            for (team, members) in teamMembers.enumerated() {
                let at = anchor(members) { teamOf[$0] == Int32(team) && counted[$0] }
                guard at >= 0 else { continue }
                teamsAnchoredAt[at, default: []].append(Int32(team))
                teamCovered[at] += Int32(members.count)
            }
            for (department, members) in departmentMembers.enumerated() {
                let at = anchor(members) { departmentOf[$0] == Int32(department) && counted[$0] }
                guard at >= 0 else { continue }
                departmentsAnchoredAt[at, default: []].append(Int32(department))
                departmentCovered[at] += Int32(members.count)
            }
        }
        depth = []
        preorder = []
        // From the leaves up: who is below each person, and what of it the anchored groups cover.
        func combine(_ a: Int32, _ b: Int32) -> Int32 { a == -2 ? b : (b == -2 || a == b ? a : -1) }
        var teamBelow = [Int32](repeating: -2, count: people.count)
        var departmentBelow = [Int32](repeating: -2, count: people.count)
        for index in tree.bottomUp {
            let manager = Int(up[index])
            guard manager >= 0 else { continue }
            // Someone not counted is nobody here (−2): their team does not make the line mixed.
            teamBelow[manager] = combine(combine(teamBelow[manager], counted[index] ? teamOf[index] : -2), teamBelow[index])
            departmentBelow[manager] = combine(
                combine(departmentBelow[manager], counted[index] ? departmentOf[index] : -2), departmentBelow[index])
            teamCovered[manager] += teamCovered[index]
            departmentCovered[manager] += departmentCovered[index]
        }
        self.roster = roster
        self.managersBottomUp = managers.bottomUp
        self.managerSlot = managers.managerSlot
        self.teamNumbers = teamNumbers
        self.departmentNumbers = departmentNumbers
        let bottomUp = managers.bottomUp
        self.teamBelow = bottomUp.map { teamBelow[$0] }
        self.departmentBelow = bottomUp.map { departmentBelow[$0] }
        self.teamsAnchoredAt = teamsAnchoredAt
        self.departmentsAnchoredAt = departmentsAnchoredAt
        // The counted people below a person are countedSize less themself; the anchored groups
        // are disjoint parts of them.
        func below(_ index: Int) -> Int32 { countedSize[index] - (counted[index] ? 1 : 0) }
        self.teamsCoverLine = bottomUp.map { teamCovered[$0] == below($0) && below($0) > 0 }
        self.departmentsCoverLine = bottomUp.map { departmentCovered[$0] == below($0) && below($0) > 0 }
    }

    /// The position of the person with this exact employee id.
    func position(ofID id: String) -> Int? { roster.position(ofID: id) }
}
