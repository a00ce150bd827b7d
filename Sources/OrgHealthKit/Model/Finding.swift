/// Something a head of HR should know and act on, with the evidence behind it.
public struct Finding: Codable, Sendable, Hashable {
    /// A stable id, unique within the analyzer's result.
    public var id: String
    /// How urgent it is.
    public var severity: FindingSeverity
    /// The group it is about.
    public var scope: Scope
    /// The health dimension it bears on, if any.
    public var dimension: HealthDimension?
    /// One line, e.g. "Low one-on-one coverage in Platform".
    public var title: String
    /// What was observed, with figures. Never note or comment text.
    public var detail: String
    /// What to do about it.
    public var recommendation: String
    /// Ids of the metrics (at the finding's scope) the finding rests on. If any of them is
    /// suppressed at that scope, the privacy gate drops the finding.
    public var evidence: [String]

    /// Creates a finding.
    public init(
        id: String, severity: FindingSeverity, scope: Scope, dimension: HealthDimension? = nil,
        title: String, detail: String, recommendation: String, evidence: [String] = []
    ) {
        self.id = id
        self.severity = severity
        self.scope = scope
        self.dimension = dimension
        self.title = title
        self.detail = detail
        self.recommendation = recommendation
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case id, severity, scope, dimension, title, detail, recommendation, evidence
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        severity = try container.decode(FindingSeverity.self, forKey: .severity)
        scope = try container.decode(Scope.self, forKey: .scope)
        dimension = try container.decodeIfPresent(HealthDimension.self, forKey: .dimension)
        title = try container.decode(String.self, forKey: .title)
        detail = try container.decodeIfPresent(String.self, forKey: .detail) ?? ""
        recommendation = try container.decodeIfPresent(String.self, forKey: .recommendation) ?? ""
        evidence = try container.decodeIfPresent([String].self, forKey: .evidence) ?? []
    }
}

/// How urgent a finding is. `strength` marks something going well.
public enum FindingSeverity: String, Codable, Sendable, CaseIterable, Comparable {
    /// Needs action now.
    case critical
    /// Needs attention this period.
    case warning
    /// Worth knowing.
    case info
    /// Something going well, worth keeping.
    case strength

    /// Rank for ordering: critical first.
    public var rank: Int {
        switch self {
        case .critical: return 0
        case .warning: return 1
        case .info: return 2
        case .strength: return 3
        }
    }

    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}
