import OrgHealthKit
import Synchronization
import Testing

@Suite("Built on first use")
struct BuiltOnFirstUseTests {
    @Test("nothing is built until asked; asked from two threads at once, it is built once and both get it")
    func builtOnce() {
        let builds = Atomic<Int>(0)
        let table = BuiltOnFirstUse { () -> [Int] in
            builds.add(1, ordering: .relaxed)
            return Array(0..<100_000)
        }
        #expect(builds.load(ordering: .relaxed) == 0)
        let (first, second) = Concurrently.both({ table.value.count }, { table.value.last })
        #expect(first == 100_000 && second == 99_999)
        #expect(table.value.first == 0)
        #expect(builds.load(ordering: .relaxed) == 1)
    }
}
