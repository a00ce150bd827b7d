import Foundation
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

    @Test("read without the lock once built: many threads asking at once, before and after the build, all get the one value")
    func manyReaders() {
        let builds = Atomic<Int>(0)
        let table = BuiltOnFirstUse { () -> [Int] in
            builds.add(1, ordering: .relaxed)
            return Array(0..<1_000)
        }
        let wrong = Atomic<Int>(0)
        // Eight threads race the first build, then keep reading the built value.
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20_000 where table.value.count != 1_000 || table.value[999] != 999 {
                wrong.add(1, ordering: .relaxed)
            }
        }
        #expect(wrong.load(ordering: .relaxed) == 0)
        #expect(builds.load(ordering: .relaxed) == 1)
    }
}

