import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The privacy gate numbers each figure's family; a figure whose family is the one at its place
/// in the last scope's order is numbered without hashing (``FamilyOrder``). Whatever the order,
/// the numbers must be those of looking every family up.
@Suite("Privacy gate: families recalled by their place in the last scope")
struct FamilyOrderTests {
    @Test("scopes in the same order, in other orders, with figures added and missing: numbered as a table numbers them")
    func againstTable() {
        var generator = SplitMix64(seed: 1205)
        let families = ["a", "b", "c", "d", "e", "f"]
        var order = FamilyOrder<String>()
        var table: [String: Int32] = [:]
        var recalled = 0
        for scope in 0..<2_000 {
            // Most scopes give the same families in the same order; some reorder, drop or repeat one.
            var figures = families
            switch generator.next() % 6 {
            case 0: figures.shuffle(using: &generator)
            case 1: figures.remove(at: Int(generator.next() % UInt64(figures.count)))
            case 2: figures.insert(families[Int(generator.next() % 6)], at: Int(generator.next() % 6))
            default: break
            }
            for (index, family) in figures.enumerated() {
                let number: Int32
                if let known = order.recall(family, startsScope: index == 0) {
                    number = known
                    recalled += 1
                } else {
                    number = table[family] ?? Int32(table.count)
                    table[family] = number
                    order.remember(family, number)
                }
                #expect(number == table[family], "scope \(scope), figure \(index): \(family)")
            }
        }
        // The point of it: most figures are recalled, not looked up.
        #expect(recalled > 2_000 * 6 / 2)
    }

    @Test("family(of:startsScope:otherwise:): the table's number every time, the table asked only when not recalled")
    func familyOfKey() {
        var generator = SplitMix64(seed: 1208)
        let families = ["a", "b", "c", "d"]
        var order = FamilyOrder<String>()
        var table: [String: Int32] = [:]
        var asked = 0, figures = 0
        for _ in 0..<1_000 {
            var scope = families
            if generator.next() % 4 == 0 { scope.shuffle(using: &generator) }
            for (index, family) in scope.enumerated() {
                let number = order.family(of: family, startsScope: index == 0) { key in
                    asked += 1
                    let number = table[key] ?? Int32(table.count)
                    table[key] = number
                    return number
                }
                figures += 1
                #expect(number == table[family], "\(family)")
            }
        }
        // Reordered scopes (a quarter) and the scope after each ask again; the rest are recalled.
        #expect(asked > 0 && asked < figures / 2)
    }
}

