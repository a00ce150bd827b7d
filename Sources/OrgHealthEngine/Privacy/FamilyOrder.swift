/// The families of one scope's figures in the order they came, so that the next scope's — in
/// the same order, as analyzers give them — are known without hashing: a figure's family is
/// tried at its place in the last scope's order before the plan's table (issue 16).
struct FamilyOrder<Key: Equatable> {
    private var recent: [(key: Key, family: Int32)] = []
    /// The place of the figure being looked up, and of the next.
    private var current = 0, next = 0

    /// The family of `key` if it is the one at this figure's place in the last scope's order;
    /// `startsScope` for a scope's first figure. When nil, ``remember(_:_:)`` the family found.
    mutating func recall(_ key: Key, startsScope: Bool) -> Int32? {
        current = startsScope ? 0 : next
        next = current + 1
        guard current < recent.count, recent[current].key == key else { return nil }
        return recent[current].family
    }

    /// Notes the family of the figure just recalled, at its place.
    mutating func remember(_ key: Key, _ family: Int32) {
        if current < recent.count {
            recent[current] = (key, family)
        } else if current == recent.count {
            recent.append((key, family))
        }
    }

    /// The family of `key`: recalled at this figure's place when the last scope had it there,
    /// otherwise `find(key)`, remembered for the next scope.
    mutating func family(of key: Key, startsScope: Bool, otherwise find: (Key) -> Int32) -> Int32 {
        if let known = recall(key, startsScope: startsScope) { return known }
        let found = find(key)
        remember(key, found)
        return found
    }
}

extension FamilyOrder: Sendable where Key: Sendable {}
