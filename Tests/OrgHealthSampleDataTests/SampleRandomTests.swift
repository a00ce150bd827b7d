import Testing
@testable import OrgHealthSampleData

@Suite("SampleRandom: a stable, platform-independent generator")
struct SampleRandomTests {
    @Test("the sequence of a seed never changes (SplitMix64 reference values)")
    func reference() {
        var random = SampleRandom(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("streams are independent and reproducible")
    func streams() {
        var first = SampleRandom(seed: 42, stream: "notes", index: 7)
        var again = SampleRandom(seed: 42, stream: "notes", index: 7)
        var other = SampleRandom(seed: 42, stream: "notes", index: 8)
        let a = (0..<4).map { _ in first.next() }
        #expect(a == (0..<4).map { _ in again.next() })
        #expect(a != (0..<4).map { _ in other.next() })
    }

    @Test("draws stay in their ranges")
    func ranges() {
        var random = SampleRandom(seed: 9)
        for _ in 0..<2_000 {
            #expect((3...7).contains(random.int(in: 3...7)))
            #expect((0..<5).contains(random.index(below: 5)))
            let unit = random.unit()
            #expect(unit >= 0 && unit < 1)
            #expect(abs(random.normal()) <= 3.5)
        }
        #expect(random.shuffled(Array(0..<50)).sorted() == Array(0..<50))
        #expect(random.weightedIndex([0, 0, 1]) == 2)
    }
}
