import Foundation
import Synchronization

/// Two independent computations at once, one on the calling thread and one on another core.
public enum Concurrently {
    /// The results of `first` and `second`, computed at the same time (on a one-core machine,
    /// one after the other). Both must only read what they capture.
    public static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstResult = Mutex<First?>(nil), secondResult = Mutex<Second?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let value = first()
                firstResult.withLock { $0 = value }
            } else {
                let value = second()
                secondResult.withLock { $0 = value }
            }
        }
        // concurrentPerform returns only after both iterations have run.
        guard let one = firstResult.withLock({ $0 }), let two = secondResult.withLock({ $0 }) else {
            preconditionFailure("DispatchQueue.concurrentPerform returned before both iterations ran")
        }
        return (one, two)
    }
}
