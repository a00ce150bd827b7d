import Foundation
import Synchronization

/// A value worked out on a thread of its own from the moment it is created, and waited for
/// only where it is needed: for work that need not hold up the steps beside it (the history
/// step fingerprints 51,000 note files while it compares and records, and needs the hashes
/// only for the recording's last rows).
public final class InBackground<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The value, once `work` has returned (waits for it the first time).
    public var value: Value {
        if let value = result.withLock({ $0 }) { return value }
        done.wait()
        // Let any later caller through as well.
        done.signal()
        guard let value = result.withLock({ $0 }) else {
            preconditionFailure("InBackground: the work signalled before it stored its value")
        }
        return value
    }
}
