import Synchronization

/// A value built by whoever first asks for it, once; a caller that asks while it is being
/// built waits for it. For tables only some runs need (issue 16): the roster's matching keys,
/// a result's reporting-line nestings.
public final class BuiltOnFirstUse<Value>: Sendable {
    private let build: @Sendable () -> Value
    private let built = Mutex<Value?>(nil)

    /// A value `build` makes on first use.
    public init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
    }

    /// The value, built now if nobody asked before.
    public var value: Value {
        built.withLock { cached in
            if let cached { return cached }
            let value = build()
            cached = value
            return value
        }
    }
}
