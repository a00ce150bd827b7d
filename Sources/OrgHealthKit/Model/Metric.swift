/// One figure for one scope, such as the coverage of one-on-ones in a team.
///
/// A metric carries the `n` it was computed from (people, responses, pairs…); the engine's
/// privacy gate uses it. A suppressed metric has no value in any output, only the reason.
public struct Metric: Codable, Sendable, Hashable {
    // Stored in this order, the small fields together and the optional numbers in 8 bytes
    // each (``CompactNumber``): 80 bytes a metric instead of 120, for the millions of figures
    // a large organization has (issue 16).

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
    /// The value; `nil` once suppressed (ratios are 0–1).
    @CompactNumber public var value: Double?
    /// The change from the previous period in history, set by the host when both periods
    /// have a reportable value. Analyzers leave it empty.
    @CompactNumber public var trend: Double?
    /// How many people, responses or records the value was computed from.
    public var n: Int

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
        self.value = value
        self.trend = nil
        self.n = n
    }

    /// Whether the privacy gate withheld the value.
    public var isSuppressed: Bool { suppressed != nil }
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
