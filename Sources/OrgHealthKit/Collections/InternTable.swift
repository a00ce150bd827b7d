/// Values numbered once each, in order of first appearance, so that large tables can key by a
/// small integer instead of the value (a team name, a metric id, a scope). Used by the
/// roster's shared strings and the privacy gate's figure keys.
public struct InternTable<Value: Hashable & Sendable>: Sendable {
    /// Every value, at its number.
    public private(set) var values: [Value] = []
    private var numbers: [Value: Int32] = [:]

    /// An empty table.
    public init() {}

    /// The number of `value`, given one if new.
    public mutating func number(of value: Value) -> Int32 {
        if let number = numbers[value] { return number }
        let number = Int32(values.count)
        values.append(value)
        numbers[value] = number
        return number
    }

    /// The number of `value`, if it is in the table.
    public func existingNumber(of value: Value) -> Int32? { numbers[value] }

    /// The value of a number.
    public subscript(number: Int32) -> Value { values[Int(number)] }

    /// How many values the table holds.
    public var count: Int { values.count }
}
