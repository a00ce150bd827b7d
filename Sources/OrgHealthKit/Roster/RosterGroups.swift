/// Items grouped by a number, each group's items in their original order, in two flat arrays
/// (a group's items are a slice of one array) — the roster's members by team, department,
/// manager and attribute scope without an array per group (issue 16).
struct RosterGroups: Sendable {
    /// Where each group's items start in ``items``; one more entry than there are groups.
    private let starts: [Int32]
    private let items: [Int32]

    /// No groups.
    init() {
        starts = [0]
        items = []
    }

    /// Groups items `0..<itemCount` by `group(item)` (`nil` or negative: in no group) into
    /// `groupCount` groups, keeping the items' order within each group (a counting sort).
    init(groupCount: Int, itemCount: Int, group: (Int) -> Int32?) {
        var starts = [Int32](repeating: 0, count: groupCount + 1)
        var total = 0
        for item in 0..<itemCount {
            guard let number = group(item), number >= 0 else { continue }
            starts[Int(number) + 1] += 1
            total += 1
        }
        for number in 0..<groupCount { starts[number + 1] += starts[number] }
        var next = starts
        var items = [Int32](repeating: 0, count: total)
        for item in 0..<itemCount {
            guard let number = group(item), number >= 0 else { continue }
            items[Int(next[Int(number)])] = Int32(item)
            next[Int(number)] += 1
        }
        self.starts = starts
        self.items = items
    }

    /// The number of groups.
    var count: Int { starts.count - 1 }

    /// The items of a group, in order; none for a number that is no group.
    func items(of number: Int) -> ArraySlice<Int32> {
        guard number >= 0, number < count else { return [] }
        return items[Int(starts[number])..<Int(starts[number + 1])]
    }

    /// The number of items in a group.
    func size(of number: Int) -> Int {
        guard number >= 0, number < count else { return 0 }
        return Int(starts[number + 1] - starts[number])
    }
}
