/// Finds the next byte of interest eight bytes at a time (SWAR: one 64-bit word holds eight
/// bytes; a few arithmetic operations flag the bytes equal to a given value).
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` that is zero. The lowest flag is exact; flags above
    /// it may be spurious, so only the lowest one is used.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }

    /// The high bit of each byte of `word` that is zero, exactly (no spurious flags).
    @inline(__always)
    private static func exactZeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & ~highBits) &+ ~highBits) | word) & highBits
    }

    /// The high bit of each byte of `word` equal to one of `a`, `b`, `c`, `d`, exactly: every
    /// flag is a match, so the caller can visit them all.
    @inline(__always)
    static func matches(of a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, in word: UInt64) -> UInt64 {
        exactZeroBytes(word ^ (ones &* UInt64(a))) | exactZeroBytes(word ^ (ones &* UInt64(b)))
            | exactZeroBytes(word ^ (ones &* UInt64(c))) | exactZeroBytes(word ^ (ones &* UInt64(d)))
    }

    /// The word of 8 bytes at `bytes + offset`, first byte in the lowest bits.
    @inline(__always)
    static func word(at bytes: UnsafePointer<UInt8>, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The index of the first byte in `start..<end` equal to one of `a`, `b`, `c`, `d`, or `end`.
    @inline(__always)
    static func first(
        of a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8,
        in bytes: UnsafePointer<UInt8>, from start: Int, to end: Int
    ) -> Int {
        var index = start
        let raw = UnsafeRawPointer(bytes)
        let (wordA, wordB, wordC, wordD) = (ones &* UInt64(a), ones &* UInt64(b), ones &* UInt64(c), ones &* UInt64(d))
        while index + 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let found = zeroBytes(word ^ wordA) | zeroBytes(word ^ wordB) | zeroBytes(word ^ wordC) | zeroBytes(word ^ wordD)
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == a || byte == b || byte == c || byte == d { return index }
            index += 1
        }
        return end
    }

    /// The index of the first byte in `start..<end` equal to one of `a`, `b`, `c`, or `end`.
    @inline(__always)
    static func first(
        of a: UInt8, _ b: UInt8, _ c: UInt8,
        in bytes: UnsafePointer<UInt8>, from start: Int, to end: Int
    ) -> Int {
        first(of: a, b, c, c, in: bytes, from: start, to: end)
    }
}
