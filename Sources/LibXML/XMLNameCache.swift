/// The element and attribute names a row storage has already found valid, by the address of
/// their static text: a `StaticString`'s bytes never move, so a name seen once need not be
/// checked again. Checking the bytes of every attribute's name in every figure row was a
/// tenth of writing the XML at 10^6 people (issue 16).
///
/// Direct-mapped: each address has one slot, and a name that meets another in its slot is
/// checked again, which is only slower. Allocated on first use, freed by ``free()``, like
/// ``XMLRowBytes``.
struct XMLNameCache {
    private var slots: UnsafeMutablePointer<UInt>?
    private static let slotCount = 64

    /// Whether the name whose text starts at `address` was recorded as valid.
    @inline(__always)
    func contains(_ address: UInt) -> Bool {
        guard let slots else { return false }
        return slots[Self.slot(of: address)] == address
    }

    /// Records the name whose text starts at `address` as valid.
    mutating func insert(_ address: UInt) {
        if slots == nil {
            let made = UnsafeMutablePointer<UInt>.allocate(capacity: Self.slotCount)
            made.initialize(repeating: 0, count: Self.slotCount)
            slots = made
        }
        slots?[Self.slot(of: address)] = address
    }

    @inline(__always)
    private static func slot(of address: UInt) -> Int {
        // Static strings sit a few bytes apart: the low bits tell them apart best.
        Int(truncatingIfNeeded: (address ^ address >> 6) & UInt(slotCount - 1))
    }

    /// Frees the slots; the value must not be used afterwards.
    func free() {
        slots?.deallocate()
    }
}
