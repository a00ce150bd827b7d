import OrgHealthKit

/// One period as the history holds it: what was recorded, when and by whom.
public struct StoredPeriod: Sendable, Hashable, Codable {
    /// The period's name in the report that recorded it (`2026-Q3`).
    public var label: String
    /// The period's first day.
    public var start: CalendarDate
    /// The period's last day (inclusive).
    public var end: CalendarDate
    /// When the recording report was generated (its `generatedAt`).
    public var recordedAt: String
    /// The organization's name in that report.
    public var organization: String
    /// The tool and version that recorded it (`orghealth 0.1.0`).
    public var tool: String
    /// The organization's health index in that report, if it had one.
    public var healthIndex: Double?
    /// How many metric values are stored for the period.
    public var metricCount: Int
    /// How many dimension scores are stored for the period.
    public var dimensionScoreCount: Int

    /// Creates a stored period.
    public init(
        label: String, start: CalendarDate, end: CalendarDate, recordedAt: String, organization: String, tool: String,
        healthIndex: Double?, metricCount: Int, dimensionScoreCount: Int
    ) {
        self.label = label
        self.start = start
        self.end = end
        self.recordedAt = recordedAt
        self.organization = organization
        self.tool = tool
        self.healthIndex = healthIndex
        self.metricCount = metricCount
        self.dimensionScoreCount = dimensionScoreCount
    }

    /// The period as a `ReportingPeriod` (`nil` only if the stored days are out of order).
    // The only parse error is days out of order, which `nil` already says.
    public var reportingPeriod: ReportingPeriod? { try? ReportingPeriod(start: start, end: end, label: label) }
}

/// One reportable metric value of a stored period.
public struct StoredMetric: Sendable, Hashable, Codable {
    /// The analyzer that produced it.
    public var analyzer: String
    /// The metric's catalog id (`survey.participation`).
    public var metric: String
    /// The group it describes.
    public var scope: Scope
    /// The value (ratios 0–1).
    public var value: Double
    /// The unit; `nil` when the stored unit is not one this version knows.
    public var unit: MetricUnit?
    /// The `n` the value was computed from.
    public var n: Int

    /// Creates a stored metric.
    public init(analyzer: String, metric: String, scope: Scope, value: Double, unit: MetricUnit?, n: Int) {
        self.analyzer = analyzer
        self.metric = metric
        self.scope = scope
        self.value = value
        self.unit = unit
        self.n = n
    }

    /// The key trends are matched on.
    public var key: MetricKey { MetricKey(analyzer: analyzer, metric: metric, scope: scope) }
}

/// One reportable dimension score of a stored period.
public struct StoredDimensionScore: Sendable, Hashable, Codable {
    /// The group (`org` for the organization-wide score).
    public var scope: Scope
    /// The dimension.
    public var dimension: HealthDimension
    /// The 0–100 score.
    public var score: Double
    /// The `n` behind the score.
    public var n: Int

    /// Creates a stored score.
    public init(scope: Scope, dimension: HealthDimension, score: Double, n: Int) {
        self.scope = scope
        self.dimension = dimension
        self.score = score
        self.n = n
    }

    /// The key trends are matched on.
    public var key: DimensionKey { DimensionKey(dimension: dimension, scope: scope) }
}

/// Everything the history holds for one period.
public struct StoredSnapshot: Sendable, Hashable, Codable {
    /// The period and its recording.
    public var period: StoredPeriod
    /// The reportable metric values, ordered by analyzer, metric and scope.
    public var metrics: [StoredMetric]
    /// The reportable dimension scores, ordered by scope and dimension.
    public var dimensionScores: [StoredDimensionScore]
    /// The reportable measures behind each stored dimension score (empty for snapshots
    /// recorded before history layout v2).
    public var sources: [DimensionKey: [DimensionSource]] = [:]

    /// Creates a snapshot.
    public init(period: StoredPeriod, metrics: [StoredMetric], dimensionScores: [StoredDimensionScore]) {
        self.period = period
        self.metrics = metrics
        self.dimensionScores = dimensionScores
    }
}

/// One point of a series over periods, for sparklines.
public struct HistoryPoint: Sendable, Hashable, Codable {
    /// The period's name.
    public var label: String
    /// The period's first day.
    public var start: CalendarDate
    /// The period's last day.
    public var end: CalendarDate
    /// The value in that period.
    public var value: Double
    /// The `n` behind it (0 for the health index, which has none of its own).
    public var n: Int

    /// Creates a point.
    public init(label: String, start: CalendarDate, end: CalendarDate, value: Double, n: Int) {
        self.label = label
        self.start = start
        self.end = end
        self.value = value
        self.n = n
    }
}

/// Identifies a metric across periods: the analyzer, the metric id and the scope.
public struct MetricKey: Sendable, Hashable, Codable, Comparable {
    /// The analyzer's id.
    public var analyzer: String
    /// The metric's catalog id.
    public var metric: String
    /// The scope.
    public var scope: Scope

    /// Creates a key.
    public init(analyzer: String, metric: String, scope: Scope) {
        self.analyzer = analyzer
        self.metric = metric
        self.scope = scope
    }

    public static func < (lhs: MetricKey, rhs: MetricKey) -> Bool {
        (lhs.analyzer, lhs.metric) != (rhs.analyzer, rhs.metric)
            ? (lhs.analyzer, lhs.metric) < (rhs.analyzer, rhs.metric) : lhs.scope < rhs.scope
    }
}

/// Identifies a dimension score across periods: the dimension and the scope.
public struct DimensionKey: Sendable, Hashable, Codable, Comparable {
    /// The dimension.
    public var dimension: HealthDimension
    /// The scope (`org` for the summary).
    public var scope: Scope

    /// Creates a key.
    public init(dimension: HealthDimension, scope: Scope) {
        self.dimension = dimension
        self.scope = scope
    }

    public static func < (lhs: DimensionKey, rhs: DimensionKey) -> Bool {
        lhs.scope != rhs.scope ? lhs.scope < rhs.scope : lhs.dimension < rhs.dimension
    }
}
