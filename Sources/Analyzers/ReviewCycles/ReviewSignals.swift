import OrgHealthKit

extension ReviewFigures {
    /// The 0–100 signals, each derived from one metric at the same scope (its `basis`), so the
    /// privacy gate withholds a signal with its metric:
    /// - execution: 100 × completion rate, and 100 × on-time rate;
    /// - feedback: 100 × comment substance, and 100 × peer completion rate;
    /// - leadership: the upward score placed on 0–100 over the rating scale
    ///   (100 × (score − min) ÷ (max − min)); for a manager only when their score may be shown;
    /// - direction: 100 × (1 − 2 × |self–manager gap| ÷ (max − min)), at least 0 — no gap is 100,
    ///   a quarter of the scale's width (1 point on 1–5) is 50.
    func signals() -> [HealthSignal] {
        var signals: [HealthSignal] = []
        for group in groups {
            let scope = group.scope
            func add(_ dimension: HealthDimension, _ basis: MetricID, _ figure: Figure?, _ score: (Double) -> Double) {
                guard let figure else { return }
                signals.append(HealthSignal(
                    dimension: dimension, scope: scope, score: clamp(score(figure.value)), n: figure.n, basis: basis))
            }
            add(.execution, ReviewCycleMetric.completionRate, group.completion) { 100 * $0 }
            add(.execution, ReviewCycleMetric.onTimeRate, group.onTime) { 100 * $0 }
            add(.feedback, ReviewCycleMetric.commentSubstance, group.commentSubstance) { 100 * $0 }
            add(.feedback, ReviewCycleMetric.completionRate(.peer), group.completionByRelationship[.peer]) { 100 * $0 }
            add(.leadership, ReviewCycleMetric.upwardScore, group.upwardScore, upwardSignalScore)
            add(.direction, ReviewCycleMetric.selfManagerGap, group.selfManagerGap, gapSignalScore)
        }
        for manager in managers where manager.upwardShown(minGroupSize: minGroupSize) {
            guard let upward = manager.upwardScore else { continue }
            signals.append(HealthSignal(
                dimension: .leadership, scope: .manager(manager.id), score: clamp(upwardSignalScore(upward.value)),
                n: upward.n, basis: ReviewCycleMetric.upwardScore))
        }
        return signals
    }

    /// An upward score on 0–100.
    func upwardSignalScore(_ score: Double) -> Double { 100 * (score - Double(scale.min)) / scale.width }

    /// A self–manager gap on 0–100.
    func gapSignalScore(_ gap: Double) -> Double { 100 * (1 - 2 * abs(gap) / scale.width) }

    private func clamp(_ score: Double) -> Double { min(100, max(0, score)) }
}
