/// The cell of each figure key (a family number and a scope number) for ``SuppressionPlan``:
/// an open-addressing table of cell numbers, each beside 32 bits of its key's hash. The plan
/// enters and looks up millions of keys at 10⁶ people; a `Dictionary` seeded a new SipHash
/// hasher for every one of them, and a table that kept the packed keys beside the numbers was
/// 12 bytes a slot at half load, 75 MB at the report's peak (issue 16). A slot is 8 bytes now,
/// at up to three quarters load; a probe reads the cell it names only when the hash bits match
/// (reading every cell passed over made a probe a cache miss per step).
struct FigureIndex {
    /// `hash bits << 32 | (cell + 1)`; 0 marks a free slot.
    private var slots: [UInt64]
    /// How far a key's product is shifted to give a slot (the table has 2^(64 − shift) slots).
    private var shift: UInt64
    /// The keys held.
    private(set) var count = 0

    /// An empty index with room for `capacity` keys before it grows.
    init(capacity: Int = 0) {
        var bits: UInt64 = 4
        while (1 << bits) * 3 < capacity * 4 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// Whether no key is held.
    var isEmpty: Bool { count == 0 }

    /// The cell entered for `key`, if any.
    func cell(of key: FigureKeys.Key, in cells: [SuppressionPlan.Cell]) -> Int32? {
        let entry = slots[slot(of: key, in: cells)]
        return entry == 0 ? nil : Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
    }

    /// Enters `cell` under its own key (family and scope), in place of the cell entered for that
    /// key before, if any.
    mutating func enter(_ cell: Int32, of cells: [SuppressionPlan.Cell]) {
        let key = FigureKeys.Key(family: cells[Int(cell)].family, scope: cells[Int(cell)].scope)
        var slot = slot(of: key, in: cells)
        if slots[slot] == 0 {
            // At most three quarters full, so a probe ends quickly.
            if (count + 1) * 4 > slots.count * 3 {
                grow()
                slot = self.slot(of: key, in: cells)
            }
            count += 1
        }
        slots[slot] = Self.hashBits(key) << 32 | UInt64(UInt32(bitPattern: cell) + 1)
    }

    /// The key's product with 2⁶⁴/φ (Fibonacci hashing): its top bits give the slot, its top 32
    /// bits are kept in the slot.
    private static func product(_ key: FigureKeys.Key) -> UInt64 {
        let packed = UInt64(UInt32(bitPattern: key.family)) << 32 | UInt64(UInt32(bitPattern: key.scope))
        return packed &* 0x9E37_79B9_7F4A_7C15
    }

    private static func hashBits(_ key: FigureKeys.Key) -> UInt64 { product(key) >> 32 }

    /// The slot holding `key`'s cell, or the free slot where it would go (linear probing).
    private func slot(of key: FigureKeys.Key, in cells: [SuppressionPlan.Cell]) -> Int {
        let product = Self.product(key), bits = product >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: product >> shift)
        while true {
            let entry = slots[slot]
            if entry == 0 { return slot }
            if entry >> 32 == bits {
                let held = cells[Int(entry & 0xFFFF_FFFF) - 1]
                if held.family == key.family && held.scope == key.scope { return slot }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Doubles the table, re-entering every cell by the hash bits it keeps.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            // The top bits of the product are the kept bits' top bits: the slot needs no cell.
            var slot = Int(truncatingIfNeeded: (entry >> 32) >> (shift - 32))
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
