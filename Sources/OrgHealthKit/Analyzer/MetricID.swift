/// The id of a metric an analyzer declares, such as `oneonone.coverage`: a typed value, so
/// that code naming a built-in metric names the analyzer's constant for it, and a renamed
/// metric is a compile error rather than a rule or view that silently finds nothing.
///
/// An analyzer keeps its ids in one namespace built from its ``MetricPrefix``, and builds its
/// descriptor's definitions and its metrics from the same values:
///
/// ```swift
/// public enum KudosMetric {
///     public static let prefix = MetricPrefix("kudos")
///     public static let givenRate = prefix.id("givenRate")
///     public static func category(_ name: String) -> MetricID { prefix.id("category.\(name)") }
///     public static let categories = prefix.family("category")
/// }
/// ```
///
/// It is deliberately not `ExpressibleByStringLiteral`: an id is made once, by its analyzer.
/// The report model keeps ids as strings (`Metric.id`), because external analyzers send
/// theirs over the protocol.
public struct MetricID: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The id as it appears in reports and history, e.g. `survey.dimension.trust.favorability`.
    public let rawValue: String

    /// Wraps an id. Prefer an analyzer's ``MetricPrefix`` so the id is in its namespace.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Whether this id names a family of metrics (it ends in `.`, e.g. `survey.item.`), whose
    /// members are the ids it starts.
    public var isFamily: Bool { rawValue.hasSuffix(".") }

    /// Whether `id` is this metric, or a member of this family.
    public func covers(_ id: String) -> Bool { isFamily ? id.hasPrefix(rawValue) && id.count > rawValue.count : id == rawValue }

    /// The prefix the id starts with: the text before its first `.` (`oneonone` for
    /// `oneonone.coverage`), or `nil` when it has none.
    public var prefix: String? {
        guard let dot = rawValue.firstIndex(of: "."), dot != rawValue.startIndex else { return nil }
        return String(rawValue[..<dot])
    }

    public var description: String { rawValue }
    public static func < (lhs: MetricID, rhs: MetricID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The namespace of one analyzer's metric ids: every id it makes starts with `<prefix>.`.
///
/// The prefix is one lowercase word, unique to the analyzer (`org`, `oneonone`, `reviews`,
/// `survey` for the built-ins); see docs/METRICS.md "Metric ids".
public struct MetricPrefix: Hashable, Sendable, CustomStringConvertible {
    /// The prefix without its dot, e.g. `oneonone`.
    public let name: String

    /// Creates the namespace `<name>.`.
    public init(_ name: String) { self.name = name }

    /// The metric `<prefix>.<path>`, e.g. `coverage` or `topic.career`.
    public func id(_ path: String) -> MetricID { MetricID(rawValue: "\(name).\(path)") }

    /// The family `<prefix>.<path>.`, whose members are the ids it starts.
    public func family(_ path: String) -> MetricID { MetricID(rawValue: "\(name).\(path).") }

    public var description: String { name }
}

extension AnalyzerDescriptor {
    /// The metric prefix shared by every metric the descriptor declares (`oneonone` for
    /// one-on-ones), or `nil` when it declares none or they do not share one.
    public var metricPrefix: String? {
        let prefixes = Set(metrics.map { MetricID(rawValue: $0.id).prefix })
        guard prefixes.count == 1, let only = prefixes.first else { return nil }
        return only
    }

    /// Whether the descriptor's catalogue declares the metric `id`: a definition with that id,
    /// or a family definition (`survey.item.`) the id belongs to.
    public func declaresMetric(_ id: String) -> Bool {
        metrics.contains { MetricID(rawValue: $0.id).covers(id) }
    }
}

extension Metric {
    /// Creates a metric with a declared id.
    public init(
        id: MetricID, scope: Scope, value: Double, unit: MetricUnit, n: Int, dimension: HealthDimension? = nil
    ) {
        self.init(id: id.rawValue, scope: scope, value: value, unit: unit, n: n, dimension: dimension)
    }
}

extension MetricDefinition {
    /// Creates the definition of a declared id (or family).
    public init(id: MetricID, definition: String, signal: String? = nil) {
        self.init(id: id.rawValue, definition: definition, signal: signal)
    }
}

extension DataReference {
    /// Creates a reference to declared metrics.
    public init(scope: Scope, metric: MetricID, also: [MetricID] = [], n: Int? = nil) {
        self.init(scope: scope, metric: metric.rawValue, also: also.isEmpty ? nil : also.map(\.rawValue), n: n)
    }
}

extension HealthSignal {
    /// Creates a signal derived from a declared metric.
    public init(dimension: HealthDimension, scope: Scope, score: Double, weight: Double = 1, n: Int, basis: MetricID) {
        self.init(dimension: dimension, scope: scope, score: score, weight: weight, n: n, basis: basis.rawValue)
    }
}

extension Finding {
    /// Creates a finding resting on declared metrics.
    public init(
        id: String, severity: FindingSeverity, scope: Scope, dimension: HealthDimension? = nil,
        title: String, detail: String, recommendation: String, evidence: [MetricID]
    ) {
        self.init(id: id, severity: severity, scope: scope, dimension: dimension, title: title, detail: detail,
                  recommendation: recommendation, evidence: evidence.map(\.rawValue))
    }
}
