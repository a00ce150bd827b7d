import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The privacy gate's table of cells by figure key must answer as a `Dictionary` would: every
/// key set is found with its last value, no other key is found, through every growth.
@Suite("Privacy gate: the figure index")
struct FigureIndexTests {
    @Test("small by hand: a value per key, the last one set wins, unknown keys are absent")
    func byHand() {
        var index = FigureIndex()
        #expect(index.isEmpty)
        let a = FigureKeys.Key(family: 0, scope: 0), b = FigureKeys.Key(family: 0, scope: 1), c = FigureKeys.Key(family: 1, scope: 0)
        index.set(7, for: a)
        index.set(8, for: b)
        index.set(9, for: a)
        #expect(index[a] == 9)
        #expect(index[b] == 8)
        #expect(index[c] == nil)
        #expect(index.count == 2)
    }

    @Test("random keys against a Dictionary, from an empty index through many growths")
    func againstDictionary() {
        var generator = SplitMix64(seed: 16)
        for capacity in [0, 100, 50_000] {
            var index = FigureIndex(capacity: capacity)
            var reference: [FigureKeys.Key: Int32] = [:]
            for step in 0..<60_000 {
                // Few families, many scopes, as a plan has; keys repeat, so values are overwritten.
                let key = FigureKeys.Key(family: Int32(generator.next() % 40), scope: Int32(generator.next() % 3_000))
                index.set(Int32(step), for: key)
                reference[key] = Int32(step)
            }
            #expect(index.count == reference.count)
            for family in Int32(0)..<41 {
                for scope in Int32(0)..<3_001 {
                    let key = FigureKeys.Key(family: family, scope: scope)
                    if index[key] != reference[key] {
                        Issue.record("capacity \(capacity): \(key) gives \(String(describing: index[key])), expected \(String(describing: reference[key]))")
                        return
                    }
                }
            }
        }
    }
}
