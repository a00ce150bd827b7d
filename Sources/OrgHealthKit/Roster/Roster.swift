/// The people of the organization, with their managers, teams and departments, indexed for
/// the look-ups every analyzer makes.
///
/// A roster is a value: build it from ``Person`` values, or read it from a CSV export with
/// ``RosterReader``. Manager links that are unknown or that would form a cycle are removed
/// by the reader (and reported), so walking up the chain always ends.
///
/// The people are kept as columns, with team, department, location and level names stored
/// once (issue 16); ``people`` and every look-up build the ``Person`` values they return.
public struct Roster: Sendable {
    let store: RosterStore
    /// The cuts in force (config `cuts:`), set by ``cut(by:on:)``; empty by default.
    public private(set) var cuts: [RosterCut] = []
    /// Each person's attribute scope per cut (`position * cuts.count + cut`), as a number in
    /// `attributeScopeList`, or `RosterColumns.none`.
    private var attributeCodes: [Int32] = []
    /// The attribute scopes that have members, by number.
    private var attributeScopeList: [Scope] = []
    private var attributeNumbers: [Scope: Int] = [:]
    /// The members of each attribute scope (as `attributeCodes` positions), by number.
    private var attributeMembers = RosterGroups()

    /// Whether the roster says who manages whom at all. Without it the figures that need
    /// manager links (span of control, layers, direct reports) are absent, not zero.
    public let hasManagerInformation: Bool

    /// Everyone in the roster, in input order (duplicates removed).
    public var people: RosterPeople { RosterPeople(store: store) }

    /// Creates a roster. Later duplicates of an id are ignored. `hasManagerInformation` is
    /// `false` for an export without any manager column.
    public init(people: [Person], hasManagerInformation: Bool = true) {
        var columns = RosterColumns()
        var keys = RosterKeyIndex(capacity: people.count)
        var kept: [Int] = []
        kept.reserveCapacity(people.count)
        for (index, person) in people.enumerated() {
            let hash = RosterKeyIndex.hash(person.id)
            guard keys.position(ofID: person.id, hash: hash, in: columns) == nil else { continue }
            columns.append(
                id: person.id, team: person.team, department: person.department, name: person.name, email: person.email,
                location: person.location, level: person.level, hireDate: person.hireDate, endDate: person.endDate,
                attributes: person.attributes)
            keys.insertID(of: kept.count, hash: hash)
            kept.append(index)
        }
        for (position, index) in kept.enumerated() {
            guard let manager = people[index].managerID else { continue }
            columns.setManager(of: position, to: keys.position(ofID: manager, in: columns), text: manager)
        }
        self.init(columns: columns, idKeys: keys, hasManagerInformation: hasManagerInformation)
    }

    /// A roster of people already de-duplicated, with every employee id in `idKeys`. Builds
    /// the group indexes; the depths and the matching keys wait for their first use
    /// (``RosterStore/matching``).
    init(columns: RosterColumns, idKeys: RosterKeyIndex, hasManagerInformation: Bool) {
        self.hasManagerInformation = hasManagerInformation
        let count = columns.count
        let reports = RosterGroups(groupCount: count, itemCount: count) { columns.managers[$0] }
        var outsideReports: [Int32: [Int32]] = [:]
        for position in 0..<count where columns.managers[position] < RosterColumns.none {
            outsideReports[-2 - columns.managers[position], default: []].append(Int32(position))
        }
        let codes = columns.strings.count
        let teams = RosterGroups(groupCount: codes, itemCount: count) { columns.teams[$0] }
        let departmentOfTeam = Self.departmentOfTeam(columns)
        let departments = RosterGroups(groupCount: codes, itemCount: count) { departmentOfTeam[Int(columns.teams[$0])] }
        store = RosterStore(
            columns: columns, keys: idKeys, reports: reports, outsideReports: outsideReports, teams: teams,
            departmentOfTeam: departmentOfTeam, departments: departments, depths: { Self.managementDepths(of: columns) })
    }

    /// A team belongs to the department most of its people are in (ties: the first by name),
    /// by code; `RosterColumns.none` for a team nobody gives a department for.
    private static func departmentOfTeam(_ columns: RosterColumns) -> [Int32] {
        var votes: [Int64: Int] = [:]
        for position in 0..<columns.count {
            let department = columns.departments[position]
            guard department >= 0, !columns.strings[department].isEmpty else { continue }
            votes[Int64(columns.teams[position]) << 32 | Int64(department), default: 0] += 1
        }
        var best = [Int32](repeating: RosterColumns.none, count: columns.strings.count)
        var bestVotes = [Int](repeating: 0, count: columns.strings.count)
        for (key, count) in votes {
            let team = Int(key >> 32), department = Int32(truncatingIfNeeded: key)
            if count > bestVotes[team]
                || (count == bestVotes[team] && columns.strings[department] < columns.strings[best[team]]) {
                best[team] = department
                bestVotes[team] = count
            }
        }
        return best
    }

    /// The position (``people`` index) of the person with this exact employee id.
    public func position(ofID id: String) -> Int? { store.keys.position(ofID: id, in: store.columns) }

    /// The person with this exact employee id.
    public func person(id: String) -> Person? { position(ofID: id).map(store.columns.person(at:)) }

    /// The display name of the person with this exact employee id (nil when there is no such
    /// person or the roster gives no name), without building the whole ``Person``.
    public func name(ofID id: String) -> String? { position(ofID: id).flatMap { store.columns.names[$0] } }

    /// The person named by an employee id or an email address, matched case-insensitively,
    /// ignoring surrounding spaces.
    public func person(matching idOrEmail: String) -> Person? {
        store.matching.position(matching: idOrEmail.trimmingSpaces.lowercased(), in: store.columns).map(store.columns.person(at:))
    }

    /// The employee id of the person named by an employee id or an email address, matched as
    /// ``person(matching:)`` matches, without building the ``Person``.
    public func id(matching idOrEmail: String) -> String? {
        store.matching.position(matching: idOrEmail.trimmingSpaces.lowercased(), in: store.columns).map { store.columns.ids[$0] }
    }

    /// The team of the person named by an employee id or an email address, matched as
    /// ``person(matching:)`` matches, without building the ``Person`` (a survey export names
    /// a person per response).
    public func team(matching idOrEmail: String) -> String? {
        store.matching.position(matching: idOrEmail.trimmingSpaces.lowercased(), in: store.columns).map { store.columns.team(at: $0) }
    }

    /// The positions of everyone whose manager is `managerID`.
    private func reportPositions(of managerID: String) -> ArraySlice<Int32> {
        if let manager = position(ofID: managerID) { return store.reports.items(of: manager) }
        guard let code = store.columns.strings.existingNumber(of: managerID), let outside = store.outsideReports[code] else { return [] }
        return outside[...]
    }

    /// Everyone whose manager is `managerID` (active or not).
    public func directReports(of managerID: String) -> [Person] {
        reportPositions(of: managerID).map { store.columns.person(at: Int($0)) }
    }

    /// The people active in a period.
    public func active(in period: ReportingPeriod) -> [Person] { people.filter { $0.isActive(in: period) } }

    /// The people employed on a day.
    public func employed(on date: CalendarDate) -> [Person] { people.filter { $0.isEmployed(on: date) } }

    /// The department a team belongs to, if known.
    public func department(ofTeam team: String) -> String? {
        guard let code = store.columns.strings.existingNumber(of: team) else { return nil }
        let department = store.departmentOfTeam[Int(code)]
        return department == RosterColumns.none ? nil : store.columns.strings[department]
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
        var codes: [Int32] = []
        codes.reserveCapacity(store.columns.count * cuts.count)
        var list: [Scope] = []
        var numbers: [Scope: Int] = [:]
        if !cuts.isEmpty {
            for position in 0..<store.columns.count {
                let person = store.columns.person(at: position)
                for cut in cuts {
                    guard let value = cut.value(of: person, on: date) else {
                        codes.append(RosterColumns.none)
                        continue
                    }
                    let scope = Scope.attribute(cut.name, value)
                    let number = numbers[scope] ?? list.count
                    if number == list.count {
                        numbers[scope] = number
                        list.append(scope)
                    }
                    codes.append(Int32(number))
                }
            }
        }
        copy.attributeMembers = RosterGroups(groupCount: list.count, itemCount: codes.count) { codes[$0] }
        copy.attributeCodes = codes
        copy.attributeScopeList = list
        copy.attributeNumbers = numbers
        return copy
    }

    /// The attribute scopes a person counts in, one per cut they have a value of
    /// (`attribute:location=Berlin`, `attribute:tenure=2-5y`); none without cuts. These are
    /// separate groups: an analyzer adds a person's figures to each of them, and never to a
    /// combination of an attribute with a team, department or manager.
    public func attributeScopes(of person: Person) -> [Scope] {
        guard !cuts.isEmpty, let position = position(ofID: person.id), (position + 1) * cuts.count <= attributeCodes.count
        else { return [] }
        return attributeCodes[(position * cuts.count)..<((position + 1) * cuts.count)].compactMap { code in
            code == RosterColumns.none ? nil : attributeScopeList[Int(code)]
        }
    }

    /// The attribute scopes that have members, sorted.
    public var attributeScopes: [Scope] { attributeScopeList.sorted() }

    /// The group scopes a person counts in: the org, their department, their team and
    /// their manager's direct-report group.
    public func scopes(of person: Person) -> [Scope] {
        groupScopes(ofTeam: person.team) + (person.managerID.map { [.manager($0)] } ?? [])
    }

    /// The org, department and team scopes of a person (without the manager scope).
    public func groupScopes(of person: Person) -> [Scope] { groupScopes(ofTeam: person.team) }

    /// The teams with someone employed on `date`, each once, in order of first appearance —
    /// read from the columns, without building a ``Person`` per person (issue 16).
    public func employedTeams(on date: CalendarDate) -> [String] {
        teams { isEmployed(at: $0, on: date) }
    }

    /// The teams of the people at the positions for which `include` holds, each once, in order
    /// of first appearance — by the team's number, without hashing its name per person.
    public func teams(where include: (Int) -> Bool) -> [String] {
        let columns = store.columns
        var seen = [Bool](repeating: false, count: columns.strings.count)
        var teams: [String] = []
        for position in 0..<columns.count where !seen[Int(columns.teams[position])] && include(position) {
            seen[Int(columns.teams[position])] = true
            teams.append(columns.team(at: position))
        }
        return teams
    }

    /// The org, department and team scopes of a team's people.
    public func groupScopes(ofTeam team: String) -> [Scope] {
        var scopes: [Scope] = [.org]
        if let department = department(ofTeam: team) { scopes.append(.department(department)) }
        scopes.append(.team(team))
        return scopes
    }

    /// All team names, sorted.
    public var teams: [String] {
        (0..<store.teams.count).filter { store.teams.size(of: $0) > 0 }.map { store.columns.strings[Int32($0)] }.sorted()
    }

    /// All department names, sorted.
    public var departments: [String] {
        Set(store.departmentOfTeam.filter { $0 != RosterColumns.none }).map { store.columns.strings[$0] }.sorted()
    }

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
        if let position = position(ofID: person.id), store.columns.managerID(at: position) == person.managerID {
            return Int(store.depths.value[position])
        }
        // A person value that is not (or differs from) the roster's own: one step, then the table.
        guard let managerID = person.managerID, managerID != person.id, let manager = position(ofID: managerID) else { return 0 }
        return Int(store.depths.value[manager]) + 1
    }

    /// The number of managers above each person, in one pass: each person's chain is walked
    /// only until it reaches someone already counted, so every link is followed once. Cycles
    /// (a roster built by hand can have them; the reader removes them) count what
    /// `managerChain(of:)` walks: every other member of the cycle, plus the steps into it.
    private static func managementDepths(of columns: RosterColumns) -> [Int32] {
        let unknown: Int32 = -1
        var depth = [Int32](repeating: unknown, count: columns.count)
        // Where a person sits on the current walk's path. Stale entries are harmless: everyone
        // on a path has a depth when the walk ends, and a known depth is checked first.
        var positionOnPath = [Int](repeating: -1, count: columns.count)
        var path: [Int] = []
        for start in 0..<columns.count where depth[start] == unknown {
            path.removeAll(keepingCapacity: true)
            var current = start
            var above: Int32
            while true {
                if depth[current] != unknown {
                    above = depth[current]
                    break
                }
                if positionOnPath[current] != -1, path.indices.contains(positionOnPath[current]),
                   path[positionOnPath[current]] == current {
                    let cycle = path[positionOnPath[current]...]
                    for member in cycle { depth[member] = Int32(cycle.count - 1) }
                    above = Int32(cycle.count - 1)
                    path.removeSubrange(positionOnPath[current]...)
                    break
                }
                positionOnPath[current] = path.count
                path.append(current)
                let manager = columns.managers[current]
                guard manager >= 0 else {
                    above = -1
                    break
                }
                current = Int(manager)
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
        if case .line = scope {
            forEachMember(of: scope) { if $0.isEmployed(on: date) { count += 1 } }
            return count
        }
        // Read from the date columns: no ``Person`` is built per member.
        for position in memberPositions(of: scope) where isEmployed(at: position, on: date) { count += 1 }
        return count
    }

    /// Calls `body` with everyone in a scope, employed or not, in roster order — the people
    /// of ``members(of:)`` without copying them into a new array. Indexed: the cost is the
    /// scope's size, not the roster's.
    public func forEachMember(of scope: Scope, _ body: (Person) throws -> Void) rethrows {
        // A reporting line is walked down the manager links (it has no stored index).
        if case .line(let id) = scope { return try forEachLineMember(of: id, body) }
        for position in memberPositions(of: scope) { try body(store.columns.person(at: position)) }
    }

    /// Everyone in a scope, employed or not, in roster order. Indexed: the cost is the
    /// scope's size, not the roster's.
    public func members(of scope: Scope) -> [Person] {
        if case .line(let id) = scope { return lineMembers(of: id) }
        return memberPositions(of: scope).map(store.columns.person(at:))
    }

    /// The positions of everyone in a scope, in roster order.
    func memberPositions(of scope: Scope) -> RosterPositions {
        let positions: ArraySlice<Int32>
        switch scope {
        case .org: return .all(store.columns.count)
        case .department(let name): positions = store.columns.strings.existingNumber(of: name).map { store.departments.items(of: Int($0)) } ?? []
        case .team(let name): positions = store.columns.strings.existingNumber(of: name).map { store.teams.items(of: Int($0)) } ?? []
        case .manager(let id): positions = reportPositions(of: id)
        case .line: positions = []  // walked by `forEachMember`/`members`, never asked for here
        case .attribute:
            let count = max(cuts.count, 1)
            return .items(attributeNumbers[scope].map { attributeMembers.items(of: $0) } ?? [], divisor: count)
        }
        return .items(positions, divisor: 1)
    }
}

/// The positions of a scope's members: everyone, or a group's slice of an index (whose items
/// are `position * divisor + …`: an attribute scope's items count one per cut).
enum RosterPositions: RandomAccessCollection {
    case all(Int)
    case items(ArraySlice<Int32>, divisor: Int)

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch self {
        case .all(let count): return count
        case .items(let items, _): return items.count
        }
    }

    subscript(index: Int) -> Int {
        switch self {
        case .all: return index
        case .items(let items, let divisor): return Int(items[items.startIndex + index]) / divisor
        }
    }
}
