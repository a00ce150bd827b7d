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

    /// `items.map(transform)`, the first half on one core and the second on the other, each
    /// written straight into its place in one array: no two halves joined afterwards (10^6
    /// people: the health of 230,000 scopes, whose join was a second copy at the report's peak).
    /// `transform` must only read what it captures.
    public static func map<Element: Sendable, Result: Sendable>(
        _ items: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let middle = items.count / 2
        return [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let range = half == 0 ? 0..<middle : middle..<items.count
                for index in range { slots.initialize(index, to: transform(items[index])) }
            }
            // concurrentPerform returns only after both halves have run.
            initialized = items.count
        }
    }

    /// The array being filled, shared by the two halves; each initializes its own indices only.
    private struct Slots<Value>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Value>?

        func initialize(_ index: Int, to value: Value) {
            guard let base else { preconditionFailure("an array with room for its elements has storage") }
            (base + index).initialize(to: value)
        }
    }
}

