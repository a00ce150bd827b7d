import Foundation
import Testing
import OrgHealthKit

@Suite("InBackground: a value worked out on a thread of its own")
struct InBackgroundTests {
    @Test("the work runs on another thread, once, and every reader gets its value")
    func valueOnAnotherThread() {
        let caller = pthread_self()
        let runs = Counter()
        let pending = InBackground { () -> (Bool, Int) in
            runs.add()
            Thread.sleep(forTimeInterval: 0.05)
            return (pthread_equal(pthread_self(), caller) == 0, 42)
        }
        // Several readers at once, before and after the work ends.
        let values = (0..<4).map { _ in InBackground { pending.value.1 } }.map(\.value)
        #expect(values == [42, 42, 42, 42])
        #expect(pending.value.0)
        #expect(pending.value.1 == 42)
        #expect(runs.count == 1)
    }

    @Test("what the work captured is let go before its value is handed over")
    func capturesLetGoBeforeTheValue() {
        weak var watched: Token?
        let pending: InBackground<Int>
        do {
            let token = Token()
            watched = token
            pending = InBackground { [token] in withExtendedLifetime(token) { 7 } }
        }
        #expect(pending.value == 7)
        // Whoever holds the value may now change what the work shared without a copy.
        #expect(watched == nil)
    }

    private final class Token: Sendable {}

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }
}
