/// The people of the organization, with their managers, teams and departments, indexed for
/// the look-ups every analyzer makes.
///
/// A roster is a value: build it from ``Person`` values, or read it from a CSV export with
/// ``RosterReader``. Manager links that are unknown or that would form a cycle are removed
/// by the reader (and reported), so walking up the chain always ends.
public struct Roster: Sendable {
    /// Everyone in the roster, in input order (duplicates removed).
    public let people: [Person]
    private let indexByID: [String: Int]
    private let indexByKey: [String: Int]
    private let reportsByManager: [String: [Int]]
    private let departmentByTeam: [String: String]
    private let membersByTeam: [String: [Int]]
    private let membersByDepartment: [String: [Int]]
    /// The number of managers above each person (by index), computed once: see ``managementDepth(of:)``.
    private let depthByIndex: [Int]
    /// The cuts in force (config `cuts:`), set by ``cut(by:on:)``; empty by default.
    public private(set) var cuts: [RosterCut] = []
    /// Each person's attribute scopes (by index), one per cut they have a value of.
    private var attributeScopesByIndex: [[Scope]] = []
    /// The members of each attribute scope (by index).
    private var membersByAttribute: [Scope: [Int]] = [:]

    /// Whether the roster says who manages whom at all. Without it the figures that need
    /// manager links (span of control, layers, direct reports) are absent, not zero.
    public let hasManagerInformation: Bool

    /// Creates a roster. Later duplicates of an id are ignored. `hasManagerInformation` is
    /// `false` for an export without any manager column.
    public init(people: [Person], hasManagerInformation: Bool = true) {
        self.hasManagerInformation = hasManagerInformation
        var unique: [Person] = []
        unique.reserveCapacity(people.count)
        var byID: [String: Int] = [:]
        byID.reserveCapacity(people.count)
        for person in people where byID[person.id] == nil {
            byID[person.id] = unique.count
            unique.append(person)
        }
        var byKey: [String: Int] = [:]
        byKey.reserveCapacity(unique.count * 2)
        var reports: [String: [Int]] = [:]
        var byTeam: [String: [Int]] = [:]
        var departmentVotes: [String: [String: Int]] = [:]
        for (index, person) in unique.enumerated() {
            byKey[person.id.lowercased()] = byKey[person.id.lowercased()] ?? index
            if let email = person.email?.lowercased(), !email.isEmpty { byKey[email] = byKey[email] ?? index }
            if let manager = person.managerID { reports[manager, default: []].append(index) }
            byTeam[person.team, default: []].append(index)
            if let department = person.department, !department.isEmpty {
                departmentVotes[person.team, default: [:]][department, default: 0] += 1
            }
        }
        self.people = unique
        self.indexByID = byID
        self.indexByKey = byKey
        self.reportsByManager = reports
        // A team belongs to the department most of its people are in (ties: the first by name).
        let departments = departmentVotes.mapValues { votes in
            votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? ""
        }
        self.departmentByTeam = departments
        self.membersByTeam = byTeam
        var byDepartment: [String: [Int]] = [:]
        for (team, members) in byTeam {
            guard let department = departments[team], !department.isEmpty else { continue }
            byDepartment[department, default: []].append(contentsOf: members)
        }
        self.membersByDepartment = byDepartment.mapValues { $0.sorted() }
        self.depthByIndex = Self.managementDepths(of: unique, indexByID: byID)
    }

    /// The person with this exact employee id.
    public func person(id: String) -> Person? { indexByID[id].map { people[$0] } }

    /// The person named by an employee id or an email address, matched case-insensitively,
    /// ignoring surrounding spaces.
    public func person(matching idOrEmail: String) -> Person? {
        indexByKey[idOrEmail.trimmingSpaces.lowercased()].map { people[$0] }
    }

    /// Everyone whose manager is `managerID` (active or not).
    public func directReports(of managerID: String) -> [Person] {
        (reportsByManager[managerID] ?? []).map { people[$0] }
    }

    /// The people active in a period.
    public func active(in period: ReportingPeriod) -> [Person] { people.filter { $0.isActive(in: period) } }

    /// The people employed on a day.
    public func employed(on date: CalendarDate) -> [Person] { people.filter { $0.isEmployed(on: date) } }

    /// The department a team belongs to, if known.
    public func department(ofTeam team: String) -> String? {
        guard let department = departmentByTeam[team], !department.isEmpty else { return nil }
        return department
    }

    /// The parent scope for the privacy gate's secondary suppression: a team's department
    /// (or the org when it has none), a department's org; managers' parent is the org.
    /// A reporting line has none: lines overlap the other scopes, so they are in no sibling
    /// set; the gate's line rules (`LineSuppression`) cover them.
    public func parent(of scope: Scope) -> Scope? {
        switch scope {
        case .org: return nil
        case .department: return .org
        case .team(let team): return department(ofTeam: team).map(Scope.department) ?? .org
        case .manager: return .org
        case .line: return nil
        case .attribute: return .org
        }
    }

    /// The roster with results also cut by `cuts`, each person's values taken on `date` (the
    /// period's last day, for tenure). See ``attributeScopes(of:)``.
    public func cut(by cuts: [RosterCut], on date: CalendarDate) -> Roster {
        var copy = self
        copy.cuts = cuts
        copy.attributeScopesByIndex = people.map { person in
            cuts.compactMap { cut in cut.value(of: person, on: date).map { Scope.attribute(cut.name, $0) } }
        }
        var members: [Scope: [Int]] = [:]
        for (index, scopes) in copy.attributeScopesByIndex.enumerated() {
            for scope in scopes { members[scope, default: []].append(index) }
        }
        copy.membersByAttribute = members
        return copy
    }

    /// The attribute scopes a person counts in, one per cut they have a value of
    /// (`attribute:location=Berlin`, `attribute:tenure=2-5y`); none without cuts. These are
    /// separate groups: an analyzer adds a person's figures to each of them, and never to a
    /// combination of an attribute with a team, department or manager.
    public func attributeScopes(of person: Person) -> [Scope] {
        guard !cuts.isEmpty, let index = indexByID[person.id], attributeScopesByIndex.indices.contains(index) else { return [] }
        return attributeScopesByIndex[index]
    }

    /// The attribute scopes that have members, sorted.
    public var attributeScopes: [Scope] { membersByAttribute.keys.sorted() }

    /// The group scopes a person counts in: the org, their department, their team and
    /// their manager's direct-report group.
    public func scopes(of person: Person) -> [Scope] {
        var scopes: [Scope] = [.org]
        if let department = department(ofTeam: person.team) { scopes.append(.department(department)) }
        scopes.append(.team(person.team))
        if let manager = person.managerID { scopes.append(.manager(manager)) }
        return scopes
    }

    /// The org, department and team scopes of a person (without the manager scope).
    public func groupScopes(of person: Person) -> [Scope] {
        scopes(of: person).filter { $0.kind != .manager }
    }

    /// All team names, sorted.
    public var teams: [String] { membersByTeam.keys.sorted() }

    /// All department names, sorted.
    public var departments: [String] { Set(departmentByTeam.values.filter { !$0.isEmpty }).sorted() }

    /// The manager chain above a person, nearest first (ends at the top; never loops).
    public func managerChain(of person: Person) -> [Person] {
        var chain: [Person] = []
        var seen: Set<String> = [person.id]
        var current = person
        while let managerID = current.managerID, let manager = self.person(id: managerID),
              seen.insert(manager.id).inserted {
            chain.append(manager)
            current = manager
        }
        return chain
    }

    /// The number of managers above a person — `managerChain(of:).count` — looked up, not walked:
    /// depths are computed once per roster, in time linear in its size, so asking for everyone
    /// costs the roster's size even when chains are 20,000 deep.
    public func managementDepth(of person: Person) -> Int {
        if let index = indexByID[person.id], people[index].managerID == person.managerID { return depthByIndex[index] }
        // A person value that is not (or differs from) the roster's own: one step, then the table.
        guard let managerID = person.managerID, managerID != person.id, let manager = indexByID[managerID] else { return 0 }
        return depthByIndex[manager] + 1
    }

    /// The number of managers above each person, in one pass: each person's chain is walked
    /// only until it reaches someone already counted, so every link is followed once. Cycles
    /// (a roster built by hand can have them; the reader removes them) count what
    /// `managerChain(of:)` walks: every other member of the cycle, plus the steps into it.
    private static func managementDepths(of people: [Person], indexByID: [String: Int]) -> [Int] {
        let unknown = -1
        var depth = [Int](repeating: unknown, count: people.count)
        // Where a person sits on the current walk's path. Stale entries are harmless: everyone
        // on a path has a depth when the walk ends, and a known depth is checked first.
        var positionOnPath = [Int](repeating: unknown, count: people.count)
        var path: [Int] = []
        for start in people.indices where depth[start] == unknown {
            path.removeAll(keepingCapacity: true)
            var current = start
            var above: Int
            while true {
                if depth[current] != unknown {
                    above = depth[current]
                    break
                }
                if positionOnPath[current] != unknown, path.indices.contains(positionOnPath[current]),
                   path[positionOnPath[current]] == current {
                    let cycle = path[positionOnPath[current]...]
                    for member in cycle { depth[member] = cycle.count - 1 }
                    above = cycle.count - 1
                    path.removeSubrange(positionOnPath[current]...)
                    break
                }
                positionOnPath[current] = path.count
                path.append(current)
                guard let managerID = people[current].managerID, let manager = indexByID[managerID] else {
                    above = -1
                    break
                }
                current = manager
            }
            for member in path.reversed() {
                above += 1
                depth[member] = above
            }
        }
        return depth
    }

    /// The number of people employed on `date` in a scope (for the org, a department, a
    /// team, or a manager's direct reports).
    public func headcount(of scope: Scope, on date: CalendarDate) -> Int {
        // Counted over the index, without copying the members out (issue 16: a scope per
        // team and department, so copies would cost the roster's size several times over).
        var count = 0
        forEachMember(of: scope) { if $0.isEmployed(on: date) { count += 1 } }
        return count
    }

    /// Calls `body` with everyone in a scope, employed or not, in roster order — the people
    /// of ``members(of:)`` without copying them into a new array. Indexed: the cost is the
    /// scope's size, not the roster's.
    public func forEachMember(of scope: Scope, _ body: (Person) throws -> Void) rethrows {
        let indices: [Int]?
        switch scope {
        case .org:
            for person in people { try body(person) }
            return
        case .department(let name): indices = membersByDepartment[name]
        case .team(let name): indices = membersByTeam[name]
        case .manager(let id): indices = reportsByManager[id]
        case .line(let id):
            try forEachLineMember(of: id, body)
            return
        case .attribute: indices = membersByAttribute[scope]
        }
        for index in indices ?? [] { try body(people[index]) }
    }

    /// Everyone in a scope, employed or not, in roster order. Indexed: the cost is the
    /// scope's size, not the roster's.
    public func members(of scope: Scope) -> [Person] {
        switch scope {
        case .org: return people
        case .department(let name): return (membersByDepartment[name] ?? []).map { people[$0] }
        case .team(let name): return (membersByTeam[name] ?? []).map { people[$0] }
        case .manager(let id): return directReports(of: id)
        case .line(let id): return lineMembers(of: id)
        case .attribute: return (membersByAttribute[scope] ?? []).map { people[$0] }
        }
    }
}
