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
    /// One figure: its family and scope by number (in `keys`), its n, and why it is withheld.
    /// Numbers, not strings and scopes, so a plan of millions of figures stays small (issue 16).
    /// 16 bytes: `n` is kept in 32 bits (an external analyzer's n is at most 10⁹,
    /// ``SaneMagnitude``; a built-in one counts people or records), and sums of n are taken in
    /// `Int`.
    struct Cell {
        let family: Int32
        let scope: Int32
        private let storedN: Int32
        var reason: SuppressionReason?

        init(family: Int32, scope: Int32, n: Int, reason: SuppressionReason?) {
            self.family = family
            self.scope = scope
            storedN = Int32(clamping: n)
            self.reason = reason
        }

        /// The figure's n.
        var n: Int { Int(storedN) }
    }

    private(set) var cells: [Cell] = []
    /// The numbers of the cells' families and scopes.
    private(set) var keys = FigureKeys()
    /// The cell each figure is looked up by, once resolved: the last withheld cell of its key
    /// if any is withheld, else its last cell.
    private var cellByKey = FigureIndex()

    /// An empty plan with room for `capacity` figures.
    init(capacity: Int = 0) { cells.reserveCapacity(capacity) }

    /// Adds a figure of a family by name.
    mutating func add(family: String, scope: Scope, n: Int, reason: SuppressionReason?) {
        // Equal strings that share their storage compare without reading it (issue 16: hashing
        // every metric id was a fifth of the gate at 10^6 people).
        let number: Int32
        if let known = familyOrder.recall(family, startsScope: lastScope?.scope != scope) {
            number = known
        } else {
            number = keys.number(of: family)
            familyOrder.remember(family, number)
        }
        add(family: number, scope: scope, n: n, reason: reason)
    }

    /// The families of the last scope's figures added by name.
    private var familyOrder = FamilyOrder<String>()

    /// Adds a figure of a family already numbered (`number(of:)`).
    mutating func add(family: Int32, scope: Scope, n: Int, reason: SuppressionReason?) {
        // Analyzers give a scope's figures together: the same scope as the last is not hashed again.
        let number: Int32
        if let last = lastScope, last.scope == scope {
            number = last.number
        } else {
            number = keys.number(of: scope)
            lastScope = (scope, number)
        }
        cells.append(Cell(family: family, scope: number, n: n, reason: reason))
    }

    /// The scope of the last figure added, and its number.
    private var lastScope: (scope: Scope, number: Int32)?

    /// The number of a family, given one if new.
    mutating func number(of family: String) -> Int32 { keys.number(of: family) }

    /// The scope of a number (a cell's `scope`).
    func scope(number: Int32) -> Scope { keys.scopes[Int(number)] }

    /// Whether the figure of this family and scope is in the plan, and if so why it is
    /// withheld (`.some(nil)`: it is visible). Only after `resolve`.
    func lookUp(_ family: String, _ scope: Scope) -> SuppressionReason?? {
        guard !cellByKey.isEmpty, let key = keys.existingKey(family, scope) else { return nil }
        return lookUp(key)
    }

    private func lookUp(_ key: FigureKeys.Key) -> SuppressionReason?? {
        guard let index = cellByKey.cell(of: key, in: cells) else { return nil }
        return .some(cells[Int(index)].reason)
    }

    /// ``lookUp(_:_:)`` for figures asked for scope by scope, each scope's families in the
    /// same order (a result's signals, asking for their basis metrics): the scope's number is
    /// found once per scope and each family's by its place in the last scope (``FamilyOrder``),
    /// not by hashing (issue 16: two hashes for each of 0.9 million signals).
    struct Cursor {
        fileprivate var scope: (scope: Scope, number: Int32?)?
        fileprivate var order = FamilyOrder<String>()

        init() {}
    }

    /// ``lookUp(_:_:)`` through a ``Cursor``.
    func lookUp(_ family: String, _ scope: Scope, cursor: inout Cursor) -> SuppressionReason?? {
        guard !cellByKey.isEmpty else { return nil }
        let startsScope = cursor.scope?.scope != scope
        if startsScope { cursor.scope = (scope, keys.existingNumber(of: scope)) }
        let familyNumber = cursor.order.family(of: family, startsScope: startsScope) { keys.existingNumber(of: $0) ?? -1 }
        guard familyNumber >= 0, let scopeNumber = cursor.scope?.number else { return nil }
        return lookUp(FigureKeys.Key(family: familyNumber, scope: scopeNumber))
    }

    /// Withholds a cell before `resolve`, as if it had been added with `reason` (a signal's
    /// reason inherited from its basis metric, known once the metrics' plan is resolved).
    mutating func withholdBeforeResolving(_ index: Int, _ reason: SuppressionReason) {
        if cells[index].reason == nil { cells[index].reason = reason }
    }

    /// Withholds more cells after `resolve` (the reporting lines' rules), by cell index; look-ups
    /// answer with the new reasons.
    mutating func withhold(_ reasons: [Int: SuppressionReason]) {
        for (index, reason) in reasons where cells[index].reason == nil {
            cells[index].reason = reason
            cellByKey.enter(Int32(index), of: cells)
        }
    }

    /// Calls `body` with the index and reason of every withheld cell, once resolved, and adds
    /// them to the gate's tallies: the count per reason and the scopes with a withheld value.
    /// Counted in arrays by reason and scope number (issue 16: hashing a reason and a scope
    /// number for each of a million withheld cells was a tenth of the gate).
    func forEachWithheld(
        counts: inout [SuppressionReason: Int], scopes: inout Set<Scope>, _ body: (Int, SuppressionReason) -> Void
    ) {
        var hiddenScope = [Bool](repeating: false, count: keys.scopes.count)
        var minGroupSize = 0, secondary = 0
        for (index, cell) in cells.enumerated() {
            guard let reason = cell.reason else { continue }
            body(index, reason)
            switch reason {
            case .minGroupSize: minGroupSize += 1
            case .secondary: secondary += 1
            }
            hiddenScope[Int(cell.scope)] = true
        }
        if minGroupSize > 0 { counts[.minGroupSize, default: 0] += minGroupSize }
        if secondary > 0 { counts[.secondary, default: 0] += secondary }
        let scopeList = keys.scopes
        for (number, hidden) in hiddenScope.enumerated() where hidden { scopes.insert(scopeList[number]) }
    }

    /// Whether any figure of the plan is a reporting line's (`line:<id>`).
    var hasLineScopes: Bool { keys.scopes.contains { $0.kind == .line } }

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
        // Worked on outside `self` (swapped, not copied) so the nested function may number new scopes.
        var keys = FigureKeys()
        swap(&keys, &self.keys)
        var cells: [Cell] = []
        swap(&cells, &self.cells)
        defer {
            swap(&keys, &self.keys)
            swap(&cells, &self.cells)
        }
        // A scope's parent, by scope number; asked of `parent` once per distinct scope, all
        // before the loops (a parent not yet numbered is numbered, and its parent asked in turn),
        // so the loops below read an array and never call out per cell.
        var parentNumber: [Int32] = []
        parentNumber.reserveCapacity(keys.scopes.count)
        while parentNumber.count < keys.scopes.count {
            parentNumber.append(parent(keys.scopes[parentNumber.count]).map { keys.number(of: $0) } ?? -1)
        }
        func parentOf(_ scope: Int32) -> Int32 { parentNumber[Int(scope)] }
        var indexByKey = FigureIndex(capacity: cells.count)
        // Each scope's sibling set within its parent — its kind, or its attribute for a cut
        // (each cut is a sibling set of its own) — numbered once per scope, not per cell.
        let scopeList = keys.scopes
        var partitions = InternTable<String>()
        let partitionOf = scopeList.map { scope in
            partitions.number(of: scope.attribute.map { "attribute:\($0.name)" } ?? scope.kind.rawValue)
        }
        struct GroupKey: Hashable, Sendable {
            let family: Int32
            let parent: Int32
            let partition: Int32
        }
        var groups = InternTable<GroupKey>()
        var groupMembers: [[Int32]] = []
        // Cells come scope by scope, so a family's next cell is most often in the same group as
        // its last (the next team of the same department): that group is remembered per family.
        var lastGroup = [(key: GroupKey, group: Int32)?](repeating: nil, count: keys.families.count)
        for index in cells.indices {
            let cell = cells[index]
            indexByKey.enter(Int32(index), of: cells)
            let parentScope = parentOf(cell.scope)
            guard parentScope >= 0 else { continue }
            let key = GroupKey(family: cell.family, parent: parentScope, partition: partitionOf[Int(cell.scope)])
            let group: Int32
            if let last = lastGroup[Int(cell.family)], last.key == key {
                group = last.group
            } else {
                group = groups.number(of: key)
                if Int(group) == groupMembers.count { groupMembers.append([]) }
            }
            lastGroup[Int(cell.family)] = (key, group)
            groupMembers[Int(group)].append(Int32(index))
        }
        let orderedGroups = zip(groups.values, groupMembers).map { group, members in
            ("\(keys.families[Int(group.family)])|\(scopeList[Int(group.parent)].id)|\(partitions[group.partition])", members)
        }.sorted { $0.0 < $1.0 }.map(\.1)
        groupMembers = []
        // The cell of a member's parent figure (same family, the parent scope), if in the plan.
        func parentCell(of member: Int32) -> Int? {
            let cell = cells[Int(member)]
            let parentScope = parentOf(cell.scope)
            guard parentScope >= 0, let index = indexByKey.cell(of: FigureKeys.Key(family: cell.family, scope: parentScope), in: cells)
            else { return nil }
            return Int(index)
        }
        // Whether a set of attribute values leaves out a few people with no value: the
        // parent's n minus the values' is above 0 and under the minimum group size. Only
        // attributes (whose n count people in disjoint groups) are checked.
        let smallRemainder = orderedGroups.map { members -> Bool in
            guard let first = members.first, keys.scopes[Int(cells[Int(first)].scope)].kind == .attribute,
                  let parentIndex = parentCell(of: first)
            else { return false }
            let remainder = cells[parentIndex].n - members.reduce(0) { $0 + cells[Int($1)].n }
            return remainder > 0 && remainder < minGroupSize
        }
        var changed = true
        while changed {
            changed = false
            for (groupIndex, members) in orderedGroups.enumerated() {
                var hidden: Int32 = -1, hiddenCount = smallRemainder[groupIndex] ? 1 : 0
                for member in members where cells[Int(member)].reason != nil && cells[Int(member)].n > 0 {
                    hidden = member
                    hiddenCount += 1
                    if hiddenCount > 1 { break }
                }
                guard hiddenCount == 1, let first = hidden >= 0 ? hidden : members.first else { continue }
                // The smallest visible sibling by (n, scope): the first of a sort, found in one pass.
                var sibling: Int?
                for member in members.lazy.map({ Int($0) }) where cells[member].reason == nil && cells[member].n > 0 {
                    guard let best = sibling else {
                        sibling = member
                        continue
                    }
                    if (cells[member].n, keys.scopes[Int(cells[member].scope)]) < (cells[best].n, keys.scopes[Int(cells[best].scope)]) {
                        sibling = member
                    }
                }
                if let sibling {
                    cells[sibling].reason = .secondary
                    changed = true
                } else {
                    guard let parentIndex = parentCell(of: first), cells[parentIndex].reason == nil else { continue }
                    cells[parentIndex].reason = .secondary
                    changed = true
                }
            }
        }
        // Looked up by key from now on: a key with any withheld cell answers with one of those.
        for index in cells.indices where cells[index].reason != nil {
            indexByKey.enter(Int32(index), of: cells)
        }
        cellByKey = indexByKey
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

    private var familyTable = InternTable<String>()
    private var scopeTable = InternTable<Scope>()

    /// The families, at their numbers.
    var families: [String] { familyTable.values }
    /// The scopes, at their numbers.
    var scopes: [Scope] { scopeTable.values }

    /// The number of a family, given one if new.
    mutating func number(of family: String) -> Int32 { familyTable.number(of: family) }

    /// The number of a scope, given one if new.
    mutating func number(of scope: Scope) -> Int32 { scopeTable.number(of: scope) }

    /// The key of a figure, numbering what is new.
    mutating func key(_ family: String, _ scope: Scope) -> Key { Key(family: number(of: family), scope: number(of: scope)) }

    /// The number of a family already numbered, else `nil`.
    func existingNumber(of family: String) -> Int32? { familyTable.existingNumber(of: family) }

    /// The number of a scope already numbered, else `nil`.
    func existingNumber(of scope: Scope) -> Int32? { scopeTable.existingNumber(of: scope) }

    /// The key of a figure whose family and scope are already numbered, else `nil`.
    func existingKey(_ family: String, _ scope: Scope) -> Key? {
        guard let family = familyTable.existingNumber(of: family), let scope = scopeTable.existingNumber(of: scope) else { return nil }
        return Key(family: family, scope: scope)
    }
}
