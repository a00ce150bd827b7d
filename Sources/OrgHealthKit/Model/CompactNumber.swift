/// An optional `Double` kept in 8 bytes instead of 16 (issue 16): "none" is one NaN bit
/// pattern no arithmetic produces, and a NaN that is set is kept as the standard `.nan`, so no
/// number ever reads back as none. The figures of a large organization — millions of metrics,
/// signals, dimension scores and their sources — each carry one or two such numbers.
///
/// To everything outside it is a `Double?`: equality and hashing are the optional's, and in a
/// keyed container (every `Codable` model here) none leaves its key out and a missing key
/// reads as none, as a synthesized optional property does.
@propertyWrapper
public struct CompactNumber: Sendable, Hashable, Codable {
    private var stored: Double

    /// The bits that stand for "no number".
    static let noneBits: UInt64 = 0x7FF8_0000_4F48_0000

    public init(wrappedValue: Double?) {
        stored = Self.storage(of: wrappedValue)
    }

    public var wrappedValue: Double? {
        @inline(__always) get { stored.bitPattern == Self.noneBits ? nil : stored }
        @inline(__always) set { stored = Self.storage(of: newValue) }
    }

    @inline(__always)
    private static func storage(of number: Double?) -> Double {
        guard let number else { return Double(bitPattern: noneBits) }
        return number.isNaN ? .nan : number
    }

    public static func == (lhs: CompactNumber, rhs: CompactNumber) -> Bool { lhs.wrappedValue == rhs.wrappedValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(wrappedValue: container.decodeNil() ? nil : try container.decode(Double.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let number = wrappedValue { try container.encode(number) } else { try container.encodeNil() }
    }
}

extension KeyedEncodingContainer {
    /// A ``CompactNumber`` property: none leaves the key out, as an optional's would.
    public mutating func encode(_ value: CompactNumber, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// A ``CompactNumber`` property: a missing key (or null) reads as none, as an optional's would.
    public func decode(_ type: CompactNumber.Type, forKey key: Key) throws -> CompactNumber {
        CompactNumber(wrappedValue: try decodeIfPresent(Double.self, forKey: key))
    }
}
