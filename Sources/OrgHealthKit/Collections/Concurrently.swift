import Foundation
import Synchronization

/// Two independent computations at once, one on the calling thread and one on another core.
///
/// Inlinable, so that each caller's module specializes them: as generic code called across
/// modules, sorting the 230,000 scopes of a 10^6-person report compared and copied every
/// element through run-time type look-ups (10^5 people: 21,000 instructions a scope, issue 16).
public enum Concurrently {
    /// The results of `first` and `second`, computed at the same time (on a one-core machine,
    /// one after the other). Both must only read what they capture.
    @inlinable
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
    @inlinable
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

    /// `items.sorted()`, each half sorted on its own core and the two merged (on a tie, the
    /// first half's element first).
    @inlinable
    public static func sorted<Element: Comparable & Sendable>(_ items: [Element]) -> [Element] {
        guard items.count > 1 else { return items }
        let middle = items.count / 2
        let (left, right) = both({ items[..<middle].sorted() }, { items[middle...].sorted() })
        var merged: [Element] = []
        merged.reserveCapacity(items.count)
        var l = 0, r = 0
        while l < left.count && r < right.count {
            if right[r] < left[l] {
                merged.append(right[r])
                r += 1
            } else {
                merged.append(left[l])
                l += 1
            }
        }
        merged.append(contentsOf: left[l...])
        merged.append(contentsOf: right[r...])
        return merged
    }

    /// The array being filled, shared by the two halves; each initializes its own indices only.
    @usableFromInline
    struct Slots<Value>: @unchecked Sendable {
        @usableFromInline let base: UnsafeMutablePointer<Value>?

        @inlinable init(base: UnsafeMutablePointer<Value>?) { self.base = base }

        @inlinable func initialize(_ index: Int, to value: Value) {
            guard let base else { preconditionFailure("an array with room for its elements has storage") }
            (base + index).initialize(to: value)
        }
    }
}

