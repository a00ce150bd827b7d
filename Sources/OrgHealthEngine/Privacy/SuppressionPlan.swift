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
    /// The numbers of the cells' families and scopes, once resolved.
    private(set) var keys = FigureKeys()
    /// Each cell's key, once resolved.
    private(set) var cellKeys: [FigureKeys.Key] = []

    init(cells: [Cell]) { self.cells = cells }

    /// Applies the rules; `parent` gives a scope's parent.
    ///
    /// Works on integers (issue 16): each distinct family and scope is numbered once, its
    /// parent asked once, and the groups of siblings are keyed by numbers. Only the groups'
    /// order still comes from their text (`family|parent|kind`, sorted), because hiding a
    /// sibling in one group can change what another group sees, so the order is part of the
    /// result.
    mutating func resolve(minGroupSize: Int, parent: (Scope) -> Scope?) {
        for index in cells.indices where cells[index].reason == nil && cells[index].n < minGroupSize {
            cells[index].reason = .minGroupSize
        }
        var keys = FigureKeys()
        let cellKeys = cells.map { keys.key($0.family, $0.scope) }
        defer {
            self.keys = keys
            self.cellKeys = cellKeys
        }
        // A scope's parent, by scope number; asked of `parent` once per distinct scope.
        var parentNumber: [Int32] = []
        func parentOf(_ scope: Int32) -> Int32 {
            while parentNumber.count < keys.scopes.count {
                parentNumber.append(parent(keys.scopes[parentNumber.count]).map { keys.number(of: $0) } ?? -1)
            }
            return parentNumber[Int(scope)]
        }
        var indexByKey: [FigureKeys.Key: Int] = [:]
        indexByKey.reserveCapacity(cells.count)
        struct GroupKey: Hashable {
            let family: Int32
            let parent: Int32
            let kind: Scope.Kind
            /// The attribute's name for an attribute scope (each cut is a sibling set of its own).
            let attribute: String?
        }
        var groups: [GroupKey: [Int]] = [:]
        for (index, key) in cellKeys.enumerated() {
            indexByKey[key] = index
            let parentScope = parentOf(key.scope)
            guard parentScope >= 0 else { continue }
            let scope = cells[index].scope
            groups[GroupKey(family: key.family, parent: parentScope, kind: scope.kind, attribute: scope.attribute?.name),
                   default: []].append(index)
        }
        let orderedGroups = groups.map { group, members in
            let partition = group.attribute.map { "attribute:\($0)" } ?? group.kind.rawValue
            return ("\(keys.families[Int(group.family)])|\(keys.scopes[Int(group.parent)].id)|\(partition)", members)
        }.sorted { $0.0 < $1.0 }.map(\.1)
        // Whether a set of attribute values leaves out a few people with no value: the
        // parent's n minus the values' is above 0 and under the minimum group size. Only
        // attributes (whose n count people in disjoint groups) are checked.
        let smallRemainder = orderedGroups.map { members -> Bool in
            guard let first = members.first, cells[first].scope.kind == .attribute else { return false }
            let parentScope = parentOf(cellKeys[first].scope)
            guard parentScope >= 0,
                  let parentIndex = indexByKey[FigureKeys.Key(family: cellKeys[first].family, scope: parentScope)]
            else { return false }
            let remainder = cells[parentIndex].n - members.reduce(0) { $0 + cells[$1].n }
            return remainder > 0 && remainder < minGroupSize
        }
        var changed = true
        while changed {
            changed = false
            for (groupIndex, members) in orderedGroups.enumerated() {
                var hidden = -1, hiddenCount = smallRemainder[groupIndex] ? 1 : 0
                for member in members where cells[member].reason != nil && cells[member].n > 0 {
                    hidden = member
                    hiddenCount += 1
                    if hiddenCount > 1 { break }
                }
                guard hiddenCount == 1, let first = hidden >= 0 ? hidden : members.first else { continue }
                // The smallest visible sibling by (n, scope): the first of a sort, found in one pass.
                var sibling: Int?
                for member in members where cells[member].reason == nil && cells[member].n > 0 {
                    guard let best = sibling else {
                        sibling = member
                        continue
                    }
                    if (cells[member].n, cells[member].scope) < (cells[best].n, cells[best].scope) { sibling = member }
                }
                if let sibling {
                    cells[sibling].reason = .secondary
                    changed = true
                } else {
                    let parentScope = parentOf(cellKeys[first].scope)
                    guard parentScope >= 0,
                          let parentIndex = indexByKey[FigureKeys.Key(family: cellKeys[first].family, scope: parentScope)],
                          cells[parentIndex].reason == nil
                    else { continue }
                    cells[parentIndex].reason = .secondary
                    changed = true
                }
            }
        }
    }
}

/// Numbers for the families (metric ids, signal kinds) and scopes of one result, so the
/// privacy gate keys its tables by two integers instead of composed strings.
struct FigureKeys {
    /// A figure's family and scope, by number.
    struct Key: Hashable {
        let family: Int32
        let scope: Int32
    }

    private(set) var families: [String] = []
    private(set) var scopes: [Scope] = []
    private var familyNumbers: [String: Int32] = [:]
    private var scopeNumbers: [Scope: Int32] = [:]

    /// The number of a family, given one if new.
    mutating func number(of family: String) -> Int32 {
        if let number = familyNumbers[family] { return number }
        let number = Int32(families.count)
        families.append(family)
        familyNumbers[family] = number
        return number
    }

    /// The number of a scope, given one if new.
    mutating func number(of scope: Scope) -> Int32 {
        if let number = scopeNumbers[scope] { return number }
        let number = Int32(scopes.count)
        scopes.append(scope)
        scopeNumbers[scope] = number
        return number
    }

    /// The key of a figure, numbering what is new.
    mutating func key(_ family: String, _ scope: Scope) -> Key { Key(family: number(of: family), scope: number(of: scope)) }

    /// The key of a figure whose family and scope are already numbered, else `nil`.
    func existingKey(_ family: String, _ scope: Scope) -> Key? {
        guard let family = familyNumbers[family], let scope = scopeNumbers[scope] else { return nil }
        return Key(family: family, scope: scope)
    }
}
