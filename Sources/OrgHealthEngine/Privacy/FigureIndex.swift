/// Cell numbers by figure key (a family number and a scope number) for ``SuppressionPlan``: an
/// open-addressing table keyed by the two numbers packed into one integer. The plan enters and
/// looks up millions of keys at 10⁶ people, and a `Dictionary` seeded a new SipHash hasher for
/// every one of them (issue 16).
struct FigureIndex {
    /// Packed keys; ``empty`` marks a free slot. Numbers are never negative, so no key packs to it.
    private var keys: [UInt64]
    private var values: [Int32]
    /// How far a key's product is shifted to give a slot (the table has 2^(64 − shift) slots).
    private var shift: UInt64
    /// The keys held.
    private(set) var count = 0

    private static let empty = UInt64.max

    /// An empty index with room for `capacity` keys before it grows.
    init(capacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: Self.empty, count: 1 << bits)
        values = [Int32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Whether no key is held.
    var isEmpty: Bool { count == 0 }

    /// The value of a key, if held.
    subscript(key: FigureKeys.Key) -> Int32? {
        let slot = slot(of: Self.packed(key))
        return keys[slot] == Self.empty ? nil : values[slot]
    }

    /// Sets the value of a key, adding the key if new.
    mutating func set(_ value: Int32, for key: FigureKeys.Key) {
        let packed = Self.packed(key)
        var slot = slot(of: packed)
        if keys[slot] == Self.empty {
            // At most half full, so a probe ends quickly.
            if (count + 1) * 2 > keys.count {
                grow()
                slot = self.slot(of: packed)
            }
            keys[slot] = packed
            count += 1
        }
        values[slot] = value
    }

    private static func packed(_ key: FigureKeys.Key) -> UInt64 {
        UInt64(UInt32(bitPattern: key.family)) << 32 | UInt64(UInt32(bitPattern: key.scope))
    }

    /// The slot holding `packed`, or the free slot where it would go (Fibonacci hashing: the
    /// top bits of the key times 2⁶⁴/φ; linear probing).
    private func slot(of packed: UInt64) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != Self.empty && keys[slot] != packed { slot = (slot + 1) & mask }
        return slot
    }

    /// Doubles the table, re-entering every key.
    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        for (index, key) in oldKeys.enumerated() where key != Self.empty {
            let slot = slot(of: key)
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}
