/// One figure for one scope, such as the coverage of one-on-ones in a team.
///
/// A metric carries the `n` it was computed from (people, responses, pairs…); the engine's
/// privacy gate uses it. A suppressed metric has no value in any output, only the reason.
public struct Metric: Codable, Sendable, Hashable {
    // Stored in this order, small fields together and the two optional numbers as plain
    // doubles (see `Metric.absent`): 80 bytes a metric instead of 104, for the millions of
    // figures a large organization has (issue 16). The public properties are unchanged.

    /// The metric's id from the catalog, e.g. `oneonone.coverage`. Part of the public contract.
    public var id: String
    /// The group the figure describes.
    public var scope: Scope
    /// What the value measures.
    public var unit: MetricUnit
    /// Why the value was withheld, when it was.
    public var suppressed: SuppressionReason?
    /// Whether the change is statistically significant (two-proportion z-test, p < 0.05);
    /// set for ratio metrics only. Analyzers leave it empty.
    public var significant: Bool?
    /// The health dimension the metric informs, if any.
    public var dimension: HealthDimension?
    /// `value`, with `Metric.absent` for none.
    private var storedValue: Double
    /// `trend`, with `Metric.absent` for none.
    private var storedTrend: Double
    /// How many people, responses or records the value was computed from.
    public var n: Int

    /// The value; `nil` once suppressed (ratios are 0–1).
    public var value: Double? {
        get { Self.read(storedValue) }
        set { storedValue = Self.stored(newValue) }
    }

    /// The change from the previous period in history, set by the host when both periods
    /// have a reportable value. Analyzers leave it empty.
    public var trend: Double? {
        get { Self.read(storedTrend) }
        set { storedTrend = Self.stored(newValue) }
    }

    /// Creates a metric.
    public init(
        id: String, scope: Scope, value: Double, unit: MetricUnit, n: Int, dimension: HealthDimension? = nil
    ) {
        self.id = id
        self.scope = scope
        self.unit = unit
        self.suppressed = nil
        self.significant = nil
        self.dimension = dimension
        self.storedValue = Self.stored(value)
        self.storedTrend = Self.absent
        self.n = n
    }

    /// Whether the privacy gate withheld the value.
    public var isSuppressed: Bool { suppressed != nil }

    /// The bits that stand for "no number": a NaN whose payload no arithmetic produces. A NaN
    /// that is set is stored as the standard `.nan`, so no number is ever read back as none.
    static let absentBits: UInt64 = 0x7FF8_0000_4F48_0000
    static let absent = Double(bitPattern: absentBits)

    @inline(__always)
    static func stored(_ number: Double?) -> Double {
        guard let number else { return absent }
        return number.isNaN ? .nan : number
    }

    @inline(__always)
    static func read(_ stored: Double) -> Double? {
        stored.bitPattern == absentBits ? nil : stored
    }
}

extension Metric {
    // Written out because two of the properties are computed: the same keys, order and
    // meaning as the synthesized conformances had.
    private enum CodingKeys: String, CodingKey { case id, scope, value, unit, n, dimension, suppressed, trend, significant }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        scope = try container.decode(Scope.self, forKey: .scope)
        storedValue = Self.stored(try container.decodeIfPresent(Double.self, forKey: .value))
        unit = try container.decode(MetricUnit.self, forKey: .unit)
        n = try container.decode(Int.self, forKey: .n)
        dimension = try container.decodeIfPresent(HealthDimension.self, forKey: .dimension)
        suppressed = try container.decodeIfPresent(SuppressionReason.self, forKey: .suppressed)
        storedTrend = Self.stored(try container.decodeIfPresent(Double.self, forKey: .trend))
        significant = try container.decodeIfPresent(Bool.self, forKey: .significant)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encode(n, forKey: .n)
        try container.encodeIfPresent(dimension, forKey: .dimension)
        try container.encodeIfPresent(suppressed, forKey: .suppressed)
        try container.encodeIfPresent(trend, forKey: .trend)
        try container.encodeIfPresent(significant, forKey: .significant)
    }

    public static func == (lhs: Metric, rhs: Metric) -> Bool {
        lhs.id == rhs.id && lhs.scope == rhs.scope && lhs.value == rhs.value && lhs.unit == rhs.unit && lhs.n == rhs.n
            && lhs.dimension == rhs.dimension && lhs.suppressed == rhs.suppressed && lhs.trend == rhs.trend
            && lhs.significant == rhs.significant
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(scope)
        hasher.combine(value)
        hasher.combine(unit)
        hasher.combine(n)
        hasher.combine(dimension)
        hasher.combine(suppressed)
        hasher.combine(trend)
        hasher.combine(significant)
    }
}

/// What a metric's value measures.
public enum MetricUnit: String, Codable, Sendable, CaseIterable {
    /// A share between 0 and 1 (shown as a percentage).
    case ratio
    /// A count of things.
    case count
    /// A number of calendar days.
    case days
    /// A 0–100 score (or an index such as eNPS, −100…100).
    case score
    /// A value on the review rating scale.
    case rating
    /// A correlation coefficient, −1…1.
    case correlation
}

/// Why the privacy gate withheld a value.
public enum SuppressionReason: String, Codable, Sendable, CaseIterable {
    /// The group is smaller than the minimum group size.
    case minGroupSize = "min-group-size"
    /// Withheld so that a smaller sibling's hidden value cannot be derived by subtraction.
    case secondary = "secondary"
}
