import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The privacy gate's table of cells by figure key must answer as a `Dictionary` from key to
/// the last cell entered would: every key entered is found with its last cell, no other key is
/// found, through every growth.
@Suite("Privacy gate: the figure index")
struct FigureIndexTests {
    private static func cell(_ family: Int32, _ scope: Int32, n: Int = 1) -> SuppressionPlan.Cell {
        SuppressionPlan.Cell(family: family, scope: scope, n: n, reason: nil)
    }

    @Test("small by hand: a cell per key, the last one entered wins, unknown keys are absent")
    func byHand() {
        // Cells 0 and 2 share a key (family 0, scope 0); cell 1 is another scope of that family.
        let cells = [Self.cell(0, 0), Self.cell(0, 1), Self.cell(0, 0)]
        var index = FigureIndex()
        #expect(index.isEmpty)
        index.enter(0, of: cells)
        index.enter(1, of: cells)
        index.enter(2, of: cells)
        #expect(index.cell(of: FigureKeys.Key(family: 0, scope: 0), in: cells) == 2)
        #expect(index.cell(of: FigureKeys.Key(family: 0, scope: 1), in: cells) == 1)
        #expect(index.cell(of: FigureKeys.Key(family: 1, scope: 0), in: cells) == nil)
        #expect(index.count == 2)
    }

    @Test("random keys against a Dictionary, from an empty index through many growths")
    func againstDictionary() {
        var generator = SplitMix64(seed: 16)
        // Few families, many scopes, as a plan has; keys repeat, so a key's cell is replaced.
        let cells = (0..<60_000).map { _ in
            Self.cell(Int32(generator.next() % 40), Int32(generator.next() % 3_000))
        }
        for capacity in [0, 100, 50_000] {
            var index = FigureIndex(capacity: capacity)
            var reference: [FigureKeys.Key: Int32] = [:]
            for number in cells.indices {
                index.enter(Int32(number), of: cells)
                reference[FigureKeys.Key(family: cells[number].family, scope: cells[number].scope)] = Int32(number)
            }
            #expect(index.count == reference.count)
            for family in Int32(0)..<41 {
                for scope in Int32(0)..<3_001 {
                    let key = FigureKeys.Key(family: family, scope: scope)
                    let found = index.cell(of: key, in: cells)
                    if found != reference[key] {
                        Issue.record("capacity \(capacity): \(key) gives \(String(describing: found)), expected \(String(describing: reference[key]))")
                        return
                    }
                }
            }
        }
    }

    @Test("a cell is 16 bytes, and keeps n up to 10^9 (an external analyzer's largest)")
    func cellSize() {
        #expect(MemoryLayout<SuppressionPlan.Cell>.stride == 16)
        #expect(Self.cell(0, 0, n: 1_000_000_000).n == 1_000_000_000)
        #expect(Self.cell(0, 0, n: 0).n == 0)
    }
}
