import CSHA256

/// SHA-256 (FIPS 180-4), for the history's input fingerprints. The toolchain on Linux has no
/// CryptoKit and the project takes no crypto package for this one use; the tests pin it to the
/// standard's own examples ("abc", the empty message, the two-block message, a million "a"s fed
/// in uneven pieces), on both engines below.
///
/// Two engines fold the 64-byte blocks into the state, with the same result:
/// - the processor's SHA-256 instructions, when it has them (`CSHA256`, x86-64's SHA
///   extensions): the 82 MB of a 10,000-person organization's inputs in about 0.06 s;
/// - the rounds written out here, on any other processor: about 0.9 s for the same bytes. They
///   were 15% of that run's CPU time (issue 16).
///
/// Blocks are read in place from the caller's bytes, the state and the message schedule are
/// fixed-size values, not arrays: fingerprinting the 51,000 note files of a 10,000-person
/// organization took 6.8 s with arrays allocated per block (issue 16).
struct SHA256: Sendable {
    /// Which engine folds the blocks.
    enum Engine: Sendable, CaseIterable {
        /// The processor's SHA-256 instructions.
        case hardware
        /// The rounds written in Swift.
        case portable

        /// The processor's instructions when it has them, else the Swift rounds.
        static let fastest: Engine = orghealth_sha256_hardware_available() ? .hardware : .portable

        /// Whether this processor can run the engine.
        var isAvailable: Bool { self == .portable || Self.fastest == .hardware }
    }

    /// The engine this hasher folds blocks with.
    let engine: Engine

    private var state: SIMD8<UInt32> = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// The bytes of an incomplete block, fewer than 64.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    /// A hasher on `engine` (the fastest this processor has unless a test asks for another; an
    /// engine the processor lacks falls back to the portable one).
    init(engine: Engine = .fastest) {
        self.engine = engine.isAvailable ? engine : .portable
    }

    /// Adds bytes to the message.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var input = bytes[...]
        if !pending.isEmpty {
            let taken = min(64 - pending.count, input.count)
            pending.append(contentsOf: input.prefix(taken))
            input = input.dropFirst(taken)
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = input.count / 64
        if whole > 0, let base = bytes.baseAddress {
            compress(base + input.startIndex, blocks: whole)
            input = input.dropFirst(64 * whole)
        }
        pending.append(contentsOf: input)
    }

    /// Adds bytes to the message.
    mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// The digest as 64 lower-case hex digits; the hasher starts over.
    mutating func hexDigest() -> String {
        let bits = length &* 8
        var tail = pending + [0x80]
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBytes { block in compress(block.baseAddress!, blocks: block.count / 64) }
        let words = state
        self = SHA256(engine: engine)
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { text in
            for index in 0..<8 {
                for nibble in 0..<8 { text[8 * index + nibble] = digits[Int((words[index] >> UInt32(28 - 4 * nibble)) & 0xF)] }
            }
            return 64
        }
    }

    /// The digest of `bytes` in one call.
    static func hex<Bytes: Collection>(_ bytes: Bytes, engine: Engine = .fastest) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256(engine: engine)
        hasher.update(bytes)
        return hasher.hexDigest()
    }

    /// Folds the `blocks` consecutive 64-byte blocks at `start` into the state.
    private mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
        switch engine {
        case .hardware:
            withUnsafeMutableBytes(of: &state) { words in
                orghealth_sha256_blocks_hardware(words.baseAddress!.assumingMemoryBound(to: UInt32.self), start, blocks)
            }
        case .portable:
            for index in 0..<blocks { compressPortably(start + 64 * index) }
        }
    }

    /// Folds the 64-byte block at `block` into the state, with the rounds written out.
    private mutating func compressPortably(_ block: UnsafeRawPointer) {
        var state = self.state
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
            for i in 16..<64 {
                let s0 = Self.rotate(w[i - 15], 7) ^ Self.rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = Self.rotate(w[i - 2], 17) ^ Self.rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var a = state[0], b = state[1], c = state[2], d = state[3]
            var e = state[4], f = state[5], g = state[6], h = state[7]
            withUnsafeBytes(of: orghealth_sha256_round_constants) { constants in
                let k = constants.assumingMemoryBound(to: UInt32.self)
                for i in 0..<64 {
                    let s1 = Self.rotate(e, 6) ^ Self.rotate(e, 11) ^ Self.rotate(e, 25)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
                    let s0 = Self.rotate(a, 2) ^ Self.rotate(a, 13) ^ Self.rotate(a, 22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ majority
                    h = g; g = f; f = e; e = d &+ t1
                    d = c; c = b; b = a; a = t1 &+ t2
                }
            }
            state &+= SIMD8(a, b, c, d, e, f, g, h)
        }
        self.state = state
    }

    @inline(__always)
    private static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { (value >> count) | (value << (32 - count)) }
}
