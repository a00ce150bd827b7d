import OrgHealthKit

/// The figures of a report that may be kept and compared: every metric value and dimension
/// score that passed the privacy gate. A withheld value is simply absent here, so it can be
/// neither stored nor used in a trend.
public struct ReportableFigures: Sendable, Hashable {
    /// Metric values of analyzers that ran, one per (analyzer, metric, scope), in report order.
    public var metrics: [StoredMetric]
    /// Dimension scores: the organization's (`org`) and every group scope's, in report order.
    public var dimensionScores: [StoredDimensionScore]
    /// The organization's health index, when it has one.
    public var healthIndex: Double?

    /// Picks the reportable figures out of a (gated) report.
    public init(report: HealthReport) {
        var metrics: [StoredMetric] = []
        var seenMetrics: Set<MetricKey> = []
        for run in report.analyzers where run.status == .ok {
            for metric in run.result.metrics where metric.suppressed == nil {
                guard let value = metric.value, value.isFinite, metric.n >= 0 else { continue }
                let stored = StoredMetric(
                    analyzer: run.descriptor.id, metric: metric.id, scope: metric.scope, value: value, unit: metric.unit,
                    n: metric.n)
                if seenMetrics.insert(stored.key).inserted { metrics.append(stored) }
            }
        }
        var scores: [StoredDimensionScore] = []
        var seenScores: Set<DimensionKey> = []
        let scoped = [(Scope.org, report.summary.dimensions)] + report.scopes.map { ($0.scope, $0.dimensions) }
        for (scope, dimensions) in scoped {
            for score in dimensions where !score.suppressed {
                guard let value = score.score, value.isFinite, score.n >= 0 else { continue }
                let stored = StoredDimensionScore(scope: scope, dimension: score.dimension, score: value, n: score.n)
                if seenScores.insert(stored.key).inserted { scores.append(stored) }
            }
        }
        self.metrics = metrics
        self.dimensionScores = scores
        self.healthIndex = report.summary.healthIndex.flatMap { $0.isFinite ? $0 : nil }
    }
}
