/// Values the command leaves for the process's exit to reclaim instead of freeing them one by
/// one: a report's figures are millions of small arrays and strings, and freeing them after
/// the files were written took 0.15 s on one core at 10^6 people (issue 16). Used only for
/// what a command holds until it returns, right before the process ends; the libraries free
/// everything as usual.
enum LeftToExit {
    /// Keeps `value` until the process exits.
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
