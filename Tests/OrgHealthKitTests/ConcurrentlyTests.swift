import Foundation
import OrgHealthKit
import Testing

@Suite("Concurrently")
struct ConcurrentlyTests {
    @Test("both results come back, each from its own closure")
    func results() {
        let (sum, text) = Concurrently.both({ (1...1_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(sum == 500_500)
        #expect(text == "ababab")
    }

    @Test("with two cores the closures run at the same time: each sees the other start")
    func atTheSameTime() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount >= 2)
        let firstStarted = DispatchSemaphore(value: 0), secondStarted = DispatchSemaphore(value: 0)
        // One after the other, the first closure's wait would time out.
        let (first, second) = Concurrently.both({
            firstStarted.signal()
            return secondStarted.wait(timeout: .now() + 10) == .success
        }, {
            secondStarted.signal()
            return firstStarted.wait(timeout: .now() + 10) == .success
        })
        #expect(first && second)
    }

    @Test("map: every element in its place, for empty, one, odd and even counts, with a class value")
    func map() {
        for count in [0, 1, 2, 7, 10_001] {
            let items = Array(0..<count)
            // Strings (reference-counted storage) as well as plain integers: both halves initialize their own slots.
            let mapped = Concurrently.map(items) { "item \($0 * 3)" }
            #expect(mapped == items.map { "item \($0 * 3)" }, "count \(count)")
        }
    }

    @Test("map: with two cores the two halves run at the same time")
    func mapHalvesAtTheSameTime() throws {
        try #require(ProcessInfo.processInfo.activeProcessorCount >= 2)
        let firstStarted = DispatchSemaphore(value: 0), secondStarted = DispatchSemaphore(value: 0)
        // Element 0 opens the first half, element 1 the second; one after the other, a wait would time out.
        let met = Concurrently.map([0, 1]) { index in
            (index == 0 ? firstStarted : secondStarted).signal()
            return (index == 0 ? secondStarted : firstStarted).wait(timeout: .now() + 10) == .success
        }
        #expect(met == [true, true])
    }

    @Test("sorted: the same order as sorted(), for empty, one, odd and even counts, with repeats")
    func sorted() {
        var generator = SplitMix64(seed: 1207)
        for count in [0, 1, 2, 3, 10, 1_001, 20_000] {
            // Values repeat (few distinct ones), so ties meet across the two halves.
            let items = (0..<count).map { _ in "v\(generator.next() % 500)" }
            #expect(Concurrently.sorted(items) == items.sorted(), "count \(count)")
        }
    }
}

