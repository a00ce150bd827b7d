import OrgHealthKit

/// The org-structure analyzer's metric ids (docs/METRICS.md "Org structure"): the one place
/// they are spelled. Its definitions, metrics, sections and findings, and the engine's rules,
/// name these constants.
public enum OrgStructureMetric {
    /// The namespace `org.`.
    public static let prefix = MetricPrefix("org")
    /// `org.headcount`.
    public static let headcount = prefix.id("headcount")
    /// `org.spanOfControl`.
    public static let spanOfControl = prefix.id("spanOfControl")
    /// `org.narrowSpanRate`.
    public static let narrowSpanRate = prefix.id("narrowSpanRate")
    /// `org.wideSpanRate`.
    public static let wideSpanRate = prefix.id("wideSpanRate")
    /// `org.layers`.
    public static let layers = prefix.id("layers")
    /// `org.newHireRate`.
    public static let newHireRate = prefix.id("newHireRate")
    /// `org.attritionRate`.
    public static let attritionRate = prefix.id("attritionRate")
    /// `org.directReports` (per manager).
    public static let directReports = prefix.id("directReports")
}
