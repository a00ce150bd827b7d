import OrgHealthKit

/// Turns one-on-one metrics of the org, departments and teams into health signals, each tied
/// to the metric it derives from (so the privacy gate withholds both together).
enum OneOnOneSignals {
    /// Metric → dimension and score (0–100) from the metric's value.
    private static let mappings: [(metric: MetricID, dimension: HealthDimension, score: @Sendable (Double) -> Double)] = [
        (OneOnOneMetric.coverage, .execution, { 100 * $0 }),
        (OneOnOneMetric.longGapRate, .execution, { 100 * (1 - $0) }),
        (OneOnOneMetric.actionItemCompletion, .trust, { 100 * $0 }),
        (OneOnOneMetric.careerTopic, .growth, { 100 * $0 }),
        (OneOnOneMetric.feedbackTopic, .feedback, { 100 * $0 }),
        (OneOnOneMetric.wellbeingTopic, .wellbeing, { 100 * $0 }),
    ]

    static func signals(from metrics: [Metric]) -> [HealthSignal] {
        var signals: [HealthSignal] = []
        for metric in metrics where metric.scope.kind != .manager {
            guard let value = metric.value, let mapping = mappings.first(where: { $0.metric.rawValue == metric.id }) else { continue }
            let score = min(100, max(0, mapping.score(value)))
            signals.append(HealthSignal(dimension: mapping.dimension, scope: metric.scope, score: score, n: metric.n,
                                        basis: metric.id))
        }
        return signals
    }
}
