import Foundation
import Synchronization

/// A value worked out on a thread of its own from the moment it is created, and waited for
/// only where it is needed: for work that need not hold up the steps beside it (the history
/// step fingerprints 51,000 note files while it compares and records, and needs the hashes
/// only for the recording's last rows).
///
/// The work, and everything it captured, is let go before its value is handed over: a caller
/// that changes what it shared with the work once it has the value (the report whose figures
/// the history step lays out in the background) changes it in place, not in a copy.
public final class InBackground<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)
    /// The work, until its thread takes it.
    private let pending: Mutex<(@Sendable () -> Value)?>

    /// Starts `work` on a new thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        pending = Mutex(work)
        Thread.detachNewThread { [self] in
            let value: Value
            do {
                // The only reference left to the work is this one, gone at the end of the block.
                guard let work = pending.withLock({ pending in pending.take() }) else { return }
                value = work()
            }
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
