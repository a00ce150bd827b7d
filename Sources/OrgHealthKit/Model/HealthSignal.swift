/// An analyzer's 0–100 reading of one health dimension in one scope.
///
/// A scope's dimension score is the weighted mean of its signals for that dimension.
public struct HealthSignal: Codable, Sendable, Hashable {
    // Stored in this order, with the optional score as a plain double (see `Metric.absent`):
    // 80 bytes a signal instead of 96 (issue 16). The public properties are unchanged.

    /// The dimension the signal informs.
    public var dimension: HealthDimension
    /// The metric the score was derived from, for traceability to its definition.
    public var basis: String?
    /// The group it describes.
    public var scope: Scope
    /// Why the score was withheld, when it was.
    public var suppressed: SuppressionReason?
    /// `score`, with `Metric.absent` for none.
    private var storedScore: Double
    /// The signal's weight in the weighted mean (default 1).
    public var weight: Double
    /// How many people, responses or records the score rests on.
    public var n: Int

    /// The score, 0 (worst) to 100 (best); `nil` once suppressed.
    public var score: Double? {
        get { Metric.read(storedScore) }
        set { storedScore = Metric.stored(newValue) }
    }

    /// Creates a signal.
    public init(
        dimension: HealthDimension, scope: Scope, score: Double, weight: Double = 1, n: Int, basis: String? = nil
    ) {
        self.dimension = dimension
        self.basis = basis
        self.scope = scope
        self.suppressed = nil
        self.storedScore = Metric.stored(score)
        self.weight = weight
        self.n = n
    }
}

extension HealthSignal {
    private enum CodingKeys: String, CodingKey { case dimension, scope, score, weight, n, basis, suppressed }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dimension = try container.decode(HealthDimension.self, forKey: .dimension)
        scope = try container.decode(Scope.self, forKey: .scope)
        storedScore = Metric.stored(try container.decodeIfPresent(Double.self, forKey: .score))
        weight = try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        n = try container.decode(Int.self, forKey: .n)
        basis = try container.decodeIfPresent(String.self, forKey: .basis)
        suppressed = try container.decodeIfPresent(SuppressionReason.self, forKey: .suppressed)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dimension, forKey: .dimension)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encode(weight, forKey: .weight)
        try container.encode(n, forKey: .n)
        try container.encodeIfPresent(basis, forKey: .basis)
        try container.encodeIfPresent(suppressed, forKey: .suppressed)
    }

    public static func == (lhs: HealthSignal, rhs: HealthSignal) -> Bool {
        lhs.dimension == rhs.dimension && lhs.scope == rhs.scope && lhs.score == rhs.score && lhs.weight == rhs.weight
            && lhs.n == rhs.n && lhs.basis == rhs.basis && lhs.suppressed == rhs.suppressed
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(dimension)
        hasher.combine(scope)
        hasher.combine(score)
        hasher.combine(weight)
        hasher.combine(n)
        hasher.combine(basis)
        hasher.combine(suppressed)
    }
}
