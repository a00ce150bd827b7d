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
            groups["\(cell.family)|\(parentScope.id)|\(cell.scope.kind.rawValue)", default: []].append(index)
        }
        let orderedGroups = groups.keys.sorted().compactMap { groups[$0] }
        var changed = true
        while changed {
            changed = false
            for members in orderedGroups {
                let hidden = members.filter { cells[$0].reason != nil && cells[$0].n > 0 }
                guard hidden.count == 1 else { continue }
                let visible = members.filter { cells[$0].reason == nil && cells[$0].n > 0 }
                    .sorted { (cells[$0].n, cells[$0].scope) < (cells[$1].n, cells[$1].scope) }
                if let sibling = visible.first {
                    cells[sibling].reason = .secondary
                    changed = true
                } else if let parentScope = parent(cells[hidden[0]].scope),
                          let parentIndex = indexByKey[key(cells[hidden[0]].family, parentScope)],
                          cells[parentIndex].reason == nil {
                    cells[parentIndex].reason = .secondary
                    changed = true
                }
            }
        }
    }

    private func key(_ family: String, _ scope: Scope) -> String { "\(family)|\(scope.id)" }
}
