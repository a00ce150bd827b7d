/// Who reports to whom, by roster index: each person's manager, each manager's reports, and an
/// order that puts everyone after all the people below them — the skeleton that reporting
/// lines (``ReportingLines``) and the privacy gate's line rules are computed over, each in one
/// pass.
///
/// A person whose manager is unknown, or who manages themself, is at the top. People in a
/// management cycle (a roster built by hand can have one; the reader removes them) have no
/// place in ``bottomUp``: nobody in a cycle heads a line, and walks up stop at a cycle.
public struct ReportingTree: Sendable {
    /// Each person's manager, by roster index (−1: none, unknown, or themself).
    public let managerIndex: [Int]
    /// Everyone outside a cycle, each after all the people below them (reports before managers).
    public let bottomUp: [Int]
    /// Whether a person is outside every cycle (in ``bottomUp``).
    public let isInForest: [Bool]
    private let roster: Roster
    private let reportStart: [Int]
    private let reportIndices: [Int]

    /// Builds the tree of a roster, in time linear in its size, from the roster's manager
    /// positions (no table of ids: at 10⁶ people one took 50 MB and a hash per person).
    public init(roster: Roster) {
        let count = roster.count
        let managerIndex = (0..<count).map { index -> Int in
            guard let manager = roster.managerPosition(at: index), manager != index else { return -1 }
            return manager
        }
        // Reports of each manager, flattened (counting sort by manager).
        var start = [Int](repeating: 0, count: count + 1)
        for manager in managerIndex where manager >= 0 { start[manager + 1] += 1 }
        for index in 0..<count { start[index + 1] += start[index] }
        var fill = start
        var reports = [Int](repeating: 0, count: start[count])
        for (index, manager) in managerIndex.enumerated() where manager >= 0 {
            reports[fill[manager]] = index
            fill[manager] += 1
        }
        // Kahn's order from the leaves up: a manager is placed once all their reports are.
        var waiting = (0..<count).map { start[$0 + 1] - start[$0] }
        var order: [Int] = []
        order.reserveCapacity(count)
        for index in 0..<count where waiting[index] == 0 { order.append(index) }
        var next = 0
        while next < order.count {
            let manager = managerIndex[order[next]]
            next += 1
            guard manager >= 0 else { continue }
            waiting[manager] -= 1
            if waiting[manager] == 0 { order.append(manager) }
        }
        var inForest = [Bool](repeating: false, count: count)
        for index in order { inForest[index] = true }
        self.managerIndex = managerIndex
        self.bottomUp = order
        self.isInForest = inForest
        self.roster = roster
        self.reportStart = start
        self.reportIndices = reports
    }

    /// The roster index of the person with this exact employee id.
    public func index(ofID id: String) -> Int? { roster.position(ofID: id) }

    /// The direct reports of a person, by roster index.
    public func reports(of index: Int) -> ArraySlice<Int> { reportIndices[reportStart[index]..<reportStart[index + 1]] }

    /// Whether a person has at least one report.
    public func hasReports(_ index: Int) -> Bool { reportStart[index + 1] > reportStart[index] }
}
