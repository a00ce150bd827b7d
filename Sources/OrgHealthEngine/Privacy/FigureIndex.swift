/// The cell of each figure key (a family number and a scope number) for ``SuppressionPlan``:
/// an open-addressing table that holds only cell numbers and reads each slot's key from the
/// plan's cells. The plan enters and looks up millions of keys at 10⁶ people; a `Dictionary`
/// seeded a new SipHash hasher for every one of them, and a table that kept the packed keys
/// beside the numbers was 12 bytes a slot, 75 MB at the report's peak (issue 16). A slot is 4
/// bytes now; a probe reads the cell it names to compare keys.
struct FigureIndex {
    /// Cell numbers; ``free`` marks a free slot.
    private var slots: [Int32]
    /// How far a key's product is shifted to give a slot (the table has 2^(64 − shift) slots).
    private var shift: UInt64
    /// The keys held.
    private(set) var count = 0

    private static let free: Int32 = -1

    /// An empty index with room for `capacity` keys before it grows.
    init(capacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = [Int32](repeating: Self.free, count: 1 << bits)
        shift = 64 - bits
    }

    /// Whether no key is held.
    var isEmpty: Bool { count == 0 }

    /// The cell entered for `key`, if any.
    func cell(of key: FigureKeys.Key, in cells: [SuppressionPlan.Cell]) -> Int32? {
        let slot = slot(of: key, in: cells)
        return slots[slot] == Self.free ? nil : slots[slot]
    }

    /// Enters `cell` under its own key (family and scope), in place of the cell entered for that
    /// key before, if any.
    mutating func enter(_ cell: Int32, of cells: [SuppressionPlan.Cell]) {
        let key = FigureKeys.Key(family: cells[Int(cell)].family, scope: cells[Int(cell)].scope)
        var slot = slot(of: key, in: cells)
        if slots[slot] == Self.free {
            // At most half full, so a probe ends quickly.
            if (count + 1) * 2 > slots.count {
                grow(cells)
                slot = self.slot(of: key, in: cells)
            }
            count += 1
        }
        slots[slot] = cell
    }

    /// The slot holding `key`'s cell, or the free slot where it would go (Fibonacci hashing:
    /// the top bits of the packed key times 2⁶⁴/φ; linear probing).
    private func slot(of key: FigureKeys.Key, in cells: [SuppressionPlan.Cell]) -> Int {
        let packed = UInt64(UInt32(bitPattern: key.family)) << 32 | UInt64(UInt32(bitPattern: key.scope))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[slot] != Self.free {
            let held = cells[Int(slots[slot])]
            if held.family == key.family && held.scope == key.scope { break }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Doubles the table, re-entering every cell.
    private mutating func grow(_ cells: [SuppressionPlan.Cell]) {
        let old = slots
        slots = [Int32](repeating: Self.free, count: old.count * 2)
        shift -= 1
        for cell in old where cell != Self.free {
            let key = FigureKeys.Key(family: cells[Int(cell)].family, scope: cells[Int(cell)].scope)
            slots[slot(of: key, in: cells)] = cell
        }
    }
}
