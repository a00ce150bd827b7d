/// A small, fast, seedable pseudo-random generator (SplitMix64) with the draws the generators need.
///
/// Every draw is plain integer arithmetic, so the same seed gives the same sequence on every
/// platform and toolchain (Swift's own `random(in:using:)` algorithms are not guaranteed stable).
/// Generators derive an independent stream per entity (`SampleRandom(seed:stream:index:)`), so
/// the output of one pair of people never depends on how many draws another pair made.
struct SampleRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a raw seed.
    init(seed: UInt64) {
        state = seed
    }

    /// Creates the generator of a named stream (and an optional entity index) under a seed.
    init(seed: UInt64, stream: String, index: Int = 0) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        var mixer = SampleRandom(seed: seed ^ hash)
        state = mixer.next() ^ (UInt64(truncatingIfNeeded: index) &* 0x9e37_79b9_7f4a_7c15)
        _ = next()
    }

    mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (both ends inclusive).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(truncatingIfNeeded: range.upperBound - range.lowerBound) &+ 1
        guard width != 0 else { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound + Int(truncatingIfNeeded: next() % width)
    }

    /// A uniform integer in `0..<count`; 0 when `count` ≤ 1.
    mutating func index(below count: Int) -> Int {
        count <= 1 ? 0 : Int(truncatingIfNeeded: next() % UInt64(count))
    }

    /// A uniform double in `0..<1`.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// An approximately standard-normal draw (Irwin–Hall sum of four uniforms, rescaled):
    /// arithmetic only, so it is bit-identical everywhere.
    mutating func normal() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.732_050_807_568_877_2
    }

    /// An index drawn with the given relative weights (the last index when all weights are 0).
    mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return max(0, weights.count - 1) }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// The array in a shuffled order (Fisher–Yates with this generator's own draws).
    mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        var result = elements
        var position = result.count - 1
        while position > 0 {
            result.swapAt(position, index(below: position + 1))
            position -= 1
        }
        return result
    }
}
