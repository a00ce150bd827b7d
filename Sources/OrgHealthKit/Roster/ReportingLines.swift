/// The reporting lines reported on as `line:<employee_id>`: everyone below a manager,
/// directly or not, the manager themself excluded — one group, beside the manager's direct
/// reports (`manager:<id>`), their department and the organization.
///
/// A line scope exists only for a manager with at least one indirect report (otherwise it is
/// `manager:<id>` again) whose line has at least the minimum group size of people employed on
/// the given day (a smaller line would only be withheld; its people still count in the line
/// above). Computed once, in time linear in the roster: a pass from the leaves up counts each
/// line, a person's lines are their qualifying managers up the chain.
public struct ReportingLines: Sendable {
    /// The line scopes, sorted.
    public let scopes: [Scope]
    /// The most lines one person is in (their qualifying managers up the chain).
    public let widestChain: Int
    private let tree: ReportingTree
    private let roster: Roster
    private let qualifies: [Bool]
    private let employedBelow: [Int]

    /// The lines of `roster`, people counted as employed on `date`.
    public init(roster: Roster, on date: CalendarDate, minGroupSize: Int) {
        self.init(roster: roster, tree: ReportingTree(roster: roster), on: date, minGroupSize: minGroupSize)
    }

    /// The lines of `roster` over a tree already built from it.
    public init(roster: Roster, tree: ReportingTree, on date: CalendarDate, minGroupSize: Int) {
        let count = roster.count
        var below = [Int](repeating: 0, count: count)
        var hasIndirect = [Bool](repeating: false, count: count)
        for index in tree.bottomUp {
            let manager = tree.managerIndex[index]
            guard manager >= 0 else { continue }
            below[manager] += below[index] + (roster.isEmployed(at: index, on: date) ? 1 : 0)
            if tree.hasReports(index) { hasIndirect[manager] = true }
        }
        var qualifies = [Bool](repeating: false, count: count)
        var scopes: [Scope] = []
        for index in tree.bottomUp where hasIndirect[index] && below[index] >= minGroupSize {
            qualifies[index] = true
            scopes.append(.line(roster.id(at: index)))
        }
        // Lines per person, from the top down (the reverse of the bottom-up order).
        var above = [Int](repeating: 0, count: count)
        var widest = 0
        for index in tree.bottomUp.reversed() {
            let manager = tree.managerIndex[index]
            guard manager >= 0 else { continue }
            above[index] = above[manager] + (qualifies[manager] ? 1 : 0)
            widest = max(widest, above[index])
        }
        self.scopes = scopes.sorted()
        self.widestChain = widest
        self.tree = tree
        self.roster = roster
        self.qualifies = qualifies
        self.employedBelow = below
    }

    /// The line scopes a person counts in: their managers' up the chain that have one,
    /// nearest first.
    public func lineScopes(of person: Person) -> [Scope] {
        guard widestChain > 0, let index = tree.index(ofID: person.id), tree.isInForest[index] else { return [] }
        var scopes: [Scope] = []
        var manager = tree.managerIndex[index]
        while manager >= 0 {
            if qualifies[manager] { scopes.append(.line(roster.id(at: manager))) }
            manager = tree.managerIndex[manager]
        }
        return scopes
    }

    /// Whether a scope is one of these lines.
    public func contains(_ scope: Scope) -> Bool {
        guard case .line(let id) = scope, let index = tree.index(ofID: id) else { return false }
        return qualifies[index]
    }

    /// The people of a line employed on the day the lines were counted on; `nil` for a scope
    /// that is not one of these lines.
    public func headcount(of scope: Scope) -> Int? {
        guard case .line(let id) = scope, let index = tree.index(ofID: id), qualifies[index] else { return nil }
        return employedBelow[index]
    }
}

extension Roster {
    /// Calls `body` with everyone below a manager, directly or not (not the manager), walking
    /// down from them; each person once, whatever cycles a hand-built roster has.
    func forEachLineMember(of managerID: String, _ body: (Person) throws -> Void) rethrows {
        var seen: Set<String> = [managerID]
        var queue = directReports(of: managerID)
        while let next = queue.popLast() {
            guard seen.insert(next.id).inserted else { continue }
            try body(next)
            queue += directReports(of: next.id)
        }
    }

    /// Everyone below a manager, directly or not (the people of `line:<managerID>`).
    func lineMembers(of managerID: String) -> [Person] {
        var members: [Person] = []
        forEachLineMember(of: managerID) { members.append($0) }
        return members
    }
}
