internal import CMemoryHints

/// Finds people by employee id, and by employee id or email address ignoring case: one
/// open-addressing table of person numbers for every key kind (issue 16), where two
/// `[String: Int]` dictionaries held a copy of every key. A slot holds a person's number and
/// the kind of key it stands for; the key itself is read from the roster's columns when
/// probing, so the table costs 8 bytes a slot (at most half of the slots used).
///
/// Keys are hashed with `Hasher` (String hashing follows String equality, canonical
/// equivalence), so the table finds what a `[String: Int]` keyed by the same strings finds.
struct RosterKeyIndex: Sendable {
    /// What a slot's person is found by.
    enum Kind: UInt32 {
        /// The exact employee id.
        case id = 0
        /// The lowercased employee id (in the matching keys' table).
        case lowercasedID = 1
        /// The lowercased email address.
        case lowercasedEmail = 2
    }

    /// 0 for an empty slot, otherwise the key's hash (its low 32 bits) in the high half and
    /// `(person << 2 | kind) + 1` in the low half: the hash places the slot when the table
    /// grows and skips other keys without reading the roster's strings.
    /// (So a roster holds fewer than 2^30 people: a CSV file of that many rows would need
    /// tens of gigabytes, far beyond what the reader can hold.)
    private var slots: [UInt64]
    /// The number of slots used.
    private(set) var count = 0

    /// An index for about `capacity` keys (it grows when more are inserted).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    /// The hash of a key (the same for strings that are equal as `String`s).
    static func hash(_ key: String) -> Int {
        var hasher = Hasher()
        hasher.combine(key)
        return hasher.finalize()
    }

    /// Adds a key of `kind` for `person`, whose hash is `hash`.
    mutating func insert(person: Int, kind: Kind, hash: Int) {
        if (count + 1) * 2 > slots.count { grow(to: slots.count * 2) }
        let tag = UInt64(UInt32(truncatingIfNeeded: hash))
        let mask = slots.count - 1
        var slot = Int(tag) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = tag << 32 | UInt64(UInt32(person) << 2 | kind.rawValue) + 1
        count += 1
    }

    /// Makes room for `total` keys in all, so that inserting them grows the table at most once.
    mutating func reserve(_ total: Int) {
        var size = slots.count
        while size < total * 2 { size *= 2 }
        if size > slots.count { grow(to: size) }
    }

    private mutating func grow(to size: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for entry in old where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// Starts loading the slot where a key that hashed to `hash` is looked for, so that a
    /// look-up or insert made a little later does not wait on memory (the table of 10^6 people
    /// is far larger than the caches: each probe was a cache miss, issue 16). Only a hint.
    func prefetch(hash: Int) {
        let slot = Int(UInt32(truncatingIfNeeded: hash)) & (slots.count - 1)
        slots.withUnsafeBufferPointer { slots in
            if let base = slots.baseAddress { orghealth_prefetch(base + slot) }
        }
    }

    /// The first person, in probe order, with a key that hashed to `hash` and for which
    /// `matches` holds.
    func first(hash: Int, where matches: (Int, Kind) -> Bool) -> Int? {
        let tag = UInt64(UInt32(truncatingIfNeeded: hash))
        let mask = slots.count - 1
        var slot = Int(tag) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry >> 32 == tag {
                let key = UInt32(truncatingIfNeeded: entry) - 1
                if let kind = Kind(rawValue: key & 3), matches(Int(key >> 2), kind) { return Int(key >> 2) }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The lowest-numbered person with a key that hashed to `hash` and for which `matches`
    /// holds (every key equal to the one looked up lies in the probe run from its hash's
    /// slot to the next empty slot: nothing is ever removed).
    func lowest(hash: Int, where matches: (Int, Kind) -> Bool) -> Int? {
        let tag = UInt64(UInt32(truncatingIfNeeded: hash))
        let mask = slots.count - 1
        var slot = Int(tag) & mask
        var found: Int?
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry >> 32 == tag {
                let key = UInt32(truncatingIfNeeded: entry) - 1
                let person = Int(key >> 2)
                if person < found ?? Int.max, let kind = Kind(rawValue: key & 3), matches(person, kind) { found = person }
            }
            slot = (slot + 1) & mask
        }
        return found
    }

    /// Whether `text.lowercased() == lowered`, without making the lowercased string when
    /// both are ASCII (byte by byte, A–Z folded); anything else is compared as `String`s.
    static func lowercased(_ text: String, equals lowered: String) -> Bool {
        var left = text.utf8.makeIterator(), right = lowered.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil):
                return true
            case let (a?, b?):
                guard a < 0x80, b < 0x80 else { return text.lowercased() == lowered }
                let folded = a >= UInt8(ascii: "A") && a <= UInt8(ascii: "Z") ? a + 32 : a
                if folded != b { return false }
            case let (a?, nil):
                return a < 0x80 ? false : text.lowercased() == lowered
            case let (nil, b?):
                return b < 0x80 ? false : text.lowercased() == lowered
            }
        }
    }
}

/// The keys of a roster's people, read from its columns.
extension RosterKeyIndex {
    /// The position of the person whose employee id is exactly `id` (`hash` is its hash).
    func position(ofID id: String, hash: Int, in columns: RosterColumns) -> Int? {
        first(hash: hash) { position, kind in kind == .id && columns.ids[position] == id }
    }

    /// The position of the person whose employee id is exactly `id`.
    func position(ofID id: String, in columns: RosterColumns) -> Int? {
        position(ofID: id, hash: Self.hash(id), in: columns)
    }

    /// Adds the employee id of the person at `position` (`hash` is its hash).
    mutating func insertID(of position: Int, hash: Int) {
        insert(person: position, kind: .id, hash: hash)
    }

    /// The matching keys of everyone: their lowercased employee ids and email addresses, in a
    /// table of their own (``position(matching:in:)`` looks there alone).
    static func matchingKeys(of columns: RosterColumns) -> RosterKeyIndex {
        var emails = 0
        for position in 0..<columns.count where columns.emails[position] != nil { emails += 1 }
        var keys = RosterKeyIndex(capacity: columns.count + emails)
        for position in 0..<columns.count {
            keys.insert(person: position, kind: .lowercasedID, hash: Self.hash(columns.ids[position].lowercased()))
            if let email = columns.emails[position]?.lowercased(), !email.isEmpty {
                keys.insert(person: position, kind: .lowercasedEmail, hash: Self.hash(email))
            }
        }
        return keys
    }

    /// The first person in roster order whose lowercased employee id or email address is
    /// `lowered` (already lowercased).
    func position(matching lowered: String, in columns: RosterColumns) -> Int? {
        lowest(hash: Self.hash(lowered)) { position, kind in
            switch kind {
            case .id, .lowercasedID: return Self.lowercased(columns.ids[position], equals: lowered)
            case .lowercasedEmail: return columns.emails[position].map { Self.lowercased($0, equals: lowered) } ?? false
            }
        }
    }
}
