import OrgHealthKit

/// Turns one-on-one metrics of the org, departments and teams into health signals, each tied
/// to the metric it derives from (so the privacy gate withholds both together).
enum OneOnOneSignals {
    /// Metric → dimension and score (0–100) from the metric's value.
    private static let mappings: [(metric: String, dimension: HealthDimension, score: @Sendable (Double) -> Double)] = [
        ("oneonone.coverage", .execution, { 100 * $0 }),
        ("oneonone.longGapRate", .execution, { 100 * (1 - $0) }),
        ("oneonone.actionItemCompletion", .trust, { 100 * $0 }),
        ("oneonone.topic.career", .growth, { 100 * $0 }),
        ("oneonone.topic.feedback", .feedback, { 100 * $0 }),
        ("oneonone.topic.wellbeing", .wellbeing, { 100 * $0 }),
    ]

    static func signals(from metrics: [Metric]) -> [HealthSignal] {
        var signals: [HealthSignal] = []
        for metric in metrics where metric.scope.kind != .manager {
            guard let value = metric.value, let mapping = mappings.first(where: { $0.metric == metric.id }) else { continue }
            let score = min(100, max(0, mapping.score(value)))
            signals.append(HealthSignal(dimension: mapping.dimension, scope: metric.scope, score: score, n: metric.n,
                                        basis: metric.id))
        }
        return signals
    }
}
