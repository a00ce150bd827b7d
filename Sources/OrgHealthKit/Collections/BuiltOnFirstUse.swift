import Synchronization

/// A value built by whoever first asks for it, once; a caller that asks while it is being
/// built waits for it. For tables only some runs need (issue 16): the roster's matching keys,
/// a result's reporting-line nestings, the roster's management depths.
///
/// Once built, the value is read without a lock: the org structure asks for a person's depth
/// about 3 million times at 10^6 people, and taking a lock each time was 2% of the analyzers'
/// time (issue 16).
public final class BuiltOnFirstUse<Value: Sendable>: Sendable {
    // Visible to inlined code: `value` is inlined into the callers' modules and specialized
    // for their type (a generic call across modules on every read, issue 16).
    @usableFromInline let build: @Sendable () -> Value
    @usableFromInline let building = Mutex<Void>(())
    /// Set, with release ordering, once `stored` holds the value; it never changes after that.
    @usableFromInline let ready = Atomic<Bool>(false)
    /// Written once, under `building`, before `ready` is set; read without the lock only after
    /// `ready` is seen set (acquire ordering), so no read races the write.
    @usableFromInline nonisolated(unsafe) var stored: Value?

    /// A value `build` makes on first use.
    public init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
    }

    /// The value, built now if nobody asked before.
    @inlinable public var value: Value {
        if ready.load(ordering: .acquiring), let stored { return stored }
        return building.withLock { _ in
            if let stored { return stored }
            let value = build()
            stored = value
            ready.store(true, ordering: .releasing)
            return value
        }
    }
}
