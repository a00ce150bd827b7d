/// The change of one figure from the previous period in history.
public struct Trend: Sendable, Hashable, Codable {
    /// Current value minus previous value (ratios in 0–1 units, scores in points).
    public var change: Double
    /// Whether the change is significant (two-proportion z-test, p < the level); `nil` when no
    /// test applies (a figure that is not a share, or an `n` of 0).
    public var significant: Bool?
    /// The test's two-sided p-value, when a test applied.
    public var pValue: Double?
    /// The value in the previous period.
    public var previous: Double
    /// The `n` behind the previous value.
    public var previousN: Int

    /// Creates a trend.
    public init(change: Double, significant: Bool?, pValue: Double? = nil, previous: Double, previousN: Int) {
        self.change = change
        self.significant = significant
        self.pValue = pValue
        self.previous = previous
        self.previousN = previousN
    }
}
