import OrgHealthKit

/// Decides which values of one kind of figure (a metric id, or a signal's dimension and
/// basis) to withhold across scopes: primary suppression under the minimum group size,
/// then secondary suppression so that no hidden value can be derived by subtraction.
///
/// Secondary rule: among the children of one parent (teams of a department, departments or
/// managers of the org), when exactly one child with n > 0 is hidden, the next-smallest
/// visible sibling is hidden too; when there is no such sibling, the parent is hidden. A
/// child with n = 0 has nothing to hide and does not count. The rule is applied until
/// nothing changes, so hiding a department can cascade to its siblings.
///
/// Attribute scopes (cuts, `attribute:location=Berlin`) are grouped per attribute: the
/// values of one attribute partition the organization just as departments do, so each
/// attribute is a sibling set of its own under the org. People with no value of the
/// attribute are a group that is never shown: when the org's n exceeds the sum of the
/// values' n by less than the minimum group size, that remainder counts as one hidden
/// member (org minus every value would give it), so one value is hidden besides.
struct SuppressionPlan {
    struct Cell {
        let family: String
        let scope: Scope
        let n: Int
        var reason: SuppressionReason?
    }

    private(set) var cells: [Cell]

    init(cells: [Cell]) { self.cells = cells }

    /// Applies the rules; `parent` gives a scope's parent.
    mutating func resolve(minGroupSize: Int, parent: (Scope) -> Scope?) {
        for index in cells.indices where cells[index].reason == nil && cells[index].n < minGroupSize {
            cells[index].reason = .minGroupSize
        }
        var indexByKey: [String: Int] = [:]
        var groups: [String: [Int]] = [:]
        for (index, cell) in cells.enumerated() {
            indexByKey[key(cell.family, cell.scope)] = index
            guard let parentScope = parent(cell.scope) else { continue }
            groups["\(cell.family)|\(parentScope.id)|\(Self.partition(of: cell.scope))", default: []].append(index)
        }
        let orderedGroups = groups.keys.sorted().compactMap { groups[$0] }
        let smallRemainder = orderedGroups.map { members in
            hasSmallRemainder(members, minGroupSize: minGroupSize, parent: parent, indexByKey: indexByKey)
        }
        var changed = true
        while changed {
            changed = false
            for (groupIndex, members) in orderedGroups.enumerated() {
                let hidden = members.filter { cells[$0].reason != nil && cells[$0].n > 0 }
                guard hidden.count + (smallRemainder[groupIndex] ? 1 : 0) == 1 else { continue }
                guard let first = hidden.first ?? members.first else { continue }
                let visible = members.filter { cells[$0].reason == nil && cells[$0].n > 0 }
                    .sorted { (cells[$0].n, cells[$0].scope) < (cells[$1].n, cells[$1].scope) }
                if let sibling = visible.first {
                    cells[sibling].reason = .secondary
                    changed = true
                } else if let parentScope = parent(cells[first].scope),
                          let parentIndex = indexByKey[key(cells[first].family, parentScope)],
                          cells[parentIndex].reason == nil {
                    cells[parentIndex].reason = .secondary
                    changed = true
                }
            }
        }
    }

    private func key(_ family: String, _ scope: Scope) -> String { "\(family)|\(scope.id)" }

    /// The sibling set a scope belongs to under its parent: its kind, and for an attribute
    /// scope the attribute (`attribute:location`), so that different cuts never mix.
    static func partition(of scope: Scope) -> String {
        guard let attribute = scope.attribute else { return scope.kind.rawValue }
        return "attribute:\(attribute.name)"
    }

    /// Whether a set of attribute values leaves out a few people with no value: the parent's n
    /// minus the members' is above 0 and under the minimum group size. Only attributes (whose
    /// n are counts of people in disjoint groups) are checked; other kinds keep their rule.
    private func hasSmallRemainder(
        _ members: [Int], minGroupSize: Int, parent: (Scope) -> Scope?, indexByKey: [String: Int]
    ) -> Bool {
        guard let first = members.first, cells[first].scope.kind == .attribute,
              let parentScope = parent(cells[first].scope),
              let parentIndex = indexByKey[key(cells[first].family, parentScope)] else { return false }
        let remainder = cells[parentIndex].n - members.reduce(0) { $0 + cells[$1].n }
        return remainder > 0 && remainder < minGroupSize
    }
}
