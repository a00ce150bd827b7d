/// Values numbered once each, in order of first appearance, so that large tables can key by a
/// small integer instead of the value (a team name, a metric id, a scope). Used by the
/// roster's shared strings and the privacy gate's figure keys.
public struct InternTable<Value: Hashable & Sendable>: Sendable {
    /// Every value, at its number.
    @inlinable public var values: [Value] { storedValues }
    // Inlinable (specialized in the modules that use the table, not generic code with
    // run-time type look-ups: issue 16, the privacy gate at 10^6 people), so the storage is
    // visible to them.
    @usableFromInline var storedValues: [Value] = []
    @usableFromInline var numbers: [Value: Int32] = [:]

    /// An empty table.
    @inlinable public init() {}

    /// The number of `value`, given one if new.
    @inlinable public mutating func number(of value: Value) -> Int32 {
        if let number = numbers[value] { return number }
        let number = Int32(storedValues.count)
        storedValues.append(value)
        numbers[value] = number
        return number
    }

    /// The number of `value`, if it is in the table.
    @inlinable public func existingNumber(of value: Value) -> Int32? { numbers[value] }

    /// The value of a number.
    @inlinable public subscript(number: Int32) -> Value { storedValues[Int(number)] }

    /// How many values the table holds.
    @inlinable public var count: Int { storedValues.count }
}
