import Foundation
import OrgHealthKit
import Testing

@Suite("Concurrently.both")
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
}
