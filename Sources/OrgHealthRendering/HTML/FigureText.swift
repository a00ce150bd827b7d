import OrgHealthKit

/// The report's rounding, for text outside the report (`orghealth history show`): a metric
/// in its unit (ratios as percentages) and a 0–100 score as a whole number.
public enum FigureText {
    /// A metric value as the report shows it.
    public static func value(_ value: Double?, unit: MetricUnit) -> String { DisplayFormat.value(value, unit: unit) }
    /// A 0–100 score as the report shows it.
    public static func score(_ value: Double?) -> String { DisplayFormat.score(value) }
}
