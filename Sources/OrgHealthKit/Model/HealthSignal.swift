/// An analyzer's 0–100 reading of one health dimension in one scope.
///
/// A scope's dimension score is the weighted mean of its signals for that dimension.
public struct HealthSignal: Codable, Sendable, Hashable {
    // Stored in this order, the optional score in 8 bytes (``CompactNumber``): 80 bytes a
    // signal instead of 112 (issue 16).

    /// The dimension the signal informs.
    public var dimension: HealthDimension
    /// The metric the score was derived from, for traceability to its definition.
    public var basis: String?
    /// The group it describes.
    public var scope: Scope
    /// Why the score was withheld, when it was.
    public var suppressed: SuppressionReason?
    /// The score, 0 (worst) to 100 (best); `nil` once suppressed.
    @CompactNumber public var score: Double?
    /// The signal's weight in the weighted mean (default 1).
    public var weight: Double
    /// How many people, responses or records the score rests on.
    public var n: Int

    /// Creates a signal.
    public init(
        dimension: HealthDimension, scope: Scope, score: Double, weight: Double = 1, n: Int, basis: String? = nil
    ) {
        self.dimension = dimension
        self.basis = basis
        self.scope = scope
        self.suppressed = nil
        self.score = score
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
        score = try container.decodeIfPresent(Double.self, forKey: .score)
        weight = try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        n = try container.decode(Int.self, forKey: .n)
        basis = try container.decodeIfPresent(String.self, forKey: .basis)
        suppressed = try container.decodeIfPresent(SuppressionReason.self, forKey: .suppressed)
    }
}
