/// The combined organizational health report: one versioned model that every output format
/// (HTML, XML, JSON) renders.
public struct HealthReport: Codable, Sendable, Hashable {
    /// The version of this model and of the XML schema.
    public var schemaVersion: Int = 1
    /// The organization's name.
    public var organization: String
    /// The period reported on.
    public var period: ReportingPeriod
    /// When the report was generated (ISO 8601, UTC), injected for reproducibility.
    public var generatedAt: String
    /// The tool and its version, e.g. `orghealth 0.1.0`.
    public var tool: String
    /// The organization-wide scores.
    public var summary: Summary
    /// Every group scope with its dimension scores: departments, teams, managers.
    public var scopes: [ScopeHealth]
    /// Each analyzer that ran (or failed, or was skipped), with its gated result.
    public var analyzers: [AnalyzerRun]
    /// Findings raised by combining sources (e.g. low 1:1 coverage and low survey trust in one team).
    public var crossSourceFindings: [Finding]
    /// Teams that need attention, worst first.
    public var watchlist: [WatchlistEntry]
    /// Rows read and rejected, suppressed groups, and the run's own diagnostics.
    public var dataQuality: DataQuality
    /// The definitions behind every figure.
    public var methodology: Methodology

    /// Creates a report.
    public init(
        organization: String, period: ReportingPeriod, generatedAt: String, tool: String, summary: Summary,
        scopes: [ScopeHealth], analyzers: [AnalyzerRun], crossSourceFindings: [Finding],
        watchlist: [WatchlistEntry], dataQuality: DataQuality, methodology: Methodology
    ) {
        self.organization = organization
        self.period = period
        self.generatedAt = generatedAt
        self.tool = tool
        self.summary = summary
        self.scopes = scopes
        self.analyzers = analyzers
        self.crossSourceFindings = crossSourceFindings
        self.watchlist = watchlist
        self.dataQuality = dataQuality
        self.methodology = methodology
    }

    /// The organization-wide health index and dimension scores.
    public struct Summary: Codable, Sendable, Hashable {
        /// The mean of the available dimension scores, if any.
        public var healthIndex: Double?
        /// The health index's change from the previous period in history.
        public var healthIndexTrend: Double?
        /// The health index in earlier periods and this one, oldest first (for sparklines).
        public var healthIndexHistory: [PeriodValue] = []
        /// The period the trends compare with, when history has one.
        public var previousPeriod: String?
        /// The organization's score on every dimension that has data (or was declared).
        public var dimensions: [DimensionScore]
        /// Active headcount at the end of the period.
        public var headcount: Int
        /// What the health index rests on, and why it is withheld when it is.
        public var coverage: HealthIndexCoverage?
        /// Every analyzer's source: present, or absent and why.
        public var sources: [SourceCoverage] = []

        /// Creates a summary.
        public init(healthIndex: Double?, dimensions: [DimensionScore], headcount: Int) {
            self.healthIndex = healthIndex
            self.dimensions = dimensions
            self.headcount = headcount
        }
    }

    /// All findings of all analyzers plus the cross-source ones, most severe first; within a
    /// severity the cross-source ones first, then the analyzers' in report order.
    public var rankedFindings: [Finding] {
        // One pass per severity, each in report order with the cross-source findings first: the
        // order a stable sort by severity gives, without moving findings around (issue 16:
        // sorting the findings of 10^6 people, copies and all, was a tenth of the HTML).
        var ranked: [Finding] = []
        for severity in FindingSeverity.allCases.sorted() {
            ranked += crossSourceFindings.lazy.filter { $0.severity == severity }
            for run in analyzers { ranked += run.result.findings.lazy.filter { $0.severity == severity } }
        }
        return ranked
    }
}

/// One dimension's score in one scope.
public struct DimensionScore: Codable, Sendable, Hashable {
    // Stored in this order, the optional numbers in 8 bytes each (``CompactNumber``): 80
    // bytes a score instead of 88, for the 700,000 of 10^6 people (issue 16).

    /// The dimension.
    public var dimension: HealthDimension
    /// How the trend was worked out when the two periods' measures differ ("like-for-like
    /// over …"), or why there is none ("not comparable: …").
    public var trendBasis: String?
    /// The score in earlier periods and this one, oldest first (organization scope only).
    public var history: [PeriodValue] = []
    /// The measures behind the score, withheld ones included (they did not count).
    public var sources: [DimensionSource] = []
    /// The weighted mean of the scope's signals for the dimension; `nil` when there are none
    /// or all were suppressed.
    @CompactNumber public var score: Double?
    /// The change from the previous period, when history has one.
    @CompactNumber public var trend: Double?
    /// The largest `n` among the signals behind the score.
    public var n: Int
    /// Whether the change is significant (the score read as a proportion of its n; p < 0.05).
    public var significant: Bool?
    /// Whether the dimension had signals in this scope that were all withheld.
    public var suppressed: Bool

    /// Creates a score.
    public init(dimension: HealthDimension, score: Double?, n: Int, trend: Double? = nil, suppressed: Bool = false) {
        self.dimension = dimension
        self.score = score
        self.n = n
        self.trend = trend
        self.suppressed = suppressed
    }

    /// The band the score falls in.
    public var band: HealthBand? { score.map(HealthBand.init(score:)) }
}

/// A value in one period, for trends and sparklines.
public struct PeriodValue: Codable, Sendable, Hashable {
    /// The period's label, e.g. `2026-Q2`.
    public var period: String
    /// The value in that period.
    public var value: Double

    /// Creates a value.
    public init(period: String, value: Double) {
        self.period = period
        self.value = value
    }
}

/// The colour band of a 0–100 score: ≥ 75 healthy, 60–74 watch, < 60 at risk.
public enum HealthBand: String, Codable, Sendable, CaseIterable {
    /// 75 and above.
    case healthy
    /// 60 to under 75.
    case watch
    /// Under 60.
    case atRisk = "at-risk"

    /// The band of a score.
    public init(score: Double) {
        if score >= 75 { self = .healthy } else if score >= 60 { self = .watch } else { self = .atRisk }
    }

    /// A 0–100 score as people read it next to its band: a whole number, except just under a
    /// band's edge (59.5 to 60, 74.5 to 75), where it has one decimal, cut rather than rounded
    /// (59.96 → "59.9"), so the number shown never reaches the edge its band is judged by.
    public static func shownScore(_ score: Double) -> String {
        let whole = score.rounded()
        guard HealthBand(score: whole) != HealthBand(score: score) else { return String(Int(whole)) }
        let tenths = Int((score * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The band as words, for text next to colour.
    public var label: String {
        switch self {
        case .healthy: return "Healthy"
        case .watch: return "Watch"
        case .atRisk: return "At risk"
        }
    }
}

/// A group scope's health: its dimension scores and index.
public struct ScopeHealth: Codable, Sendable, Hashable {
    /// The scope.
    public var scope: Scope
    /// A display name (a manager's name rather than their id, when known).
    public var name: String
    /// The parent scope (a team's department).
    public var parent: Scope?
    /// Active headcount at the end of the period.
    public var headcount: Int
    /// The mean of the available dimension scores.
    public var healthIndex: Double?
    /// The scope's dimension scores.
    public var dimensions: [DimensionScore]

    /// Creates a scope's health.
    public init(
        scope: Scope, name: String, parent: Scope?, headcount: Int, healthIndex: Double?, dimensions: [DimensionScore]
    ) {
        self.scope = scope
        self.name = name
        self.parent = parent
        self.headcount = headcount
        self.healthIndex = healthIndex
        self.dimensions = dimensions
    }
}

/// One analyzer's run: who it is, how it went, and its result after the privacy gate.
public struct AnalyzerRun: Codable, Sendable, Hashable {
    /// The analyzer's descriptor.
    public var descriptor: AnalyzerDescriptor
    /// How the run went.
    public var status: Status
    /// Why it failed or was skipped.
    public var message: String?
    /// Where the analyzer came from: `built-in`, or the path of an external executable.
    public var origin: String
    /// Wall time in milliseconds; absent in reproducible runs.
    public var durationMs: Int?
    /// The result, after the privacy gate.
    public var result: AnalyzerResult

    /// How an analyzer's run went.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// It produced a result.
        case ok
        /// It threw, crashed, timed out or returned invalid data.
        case failed
        /// It was not run (no input configured, or disabled).
        case skipped
    }

    /// Creates a run.
    public init(
        descriptor: AnalyzerDescriptor, status: Status, message: String? = nil, origin: String = "built-in",
        durationMs: Int? = nil, result: AnalyzerResult = AnalyzerResult()
    ) {
        self.descriptor = descriptor
        self.status = status
        self.message = message
        self.origin = origin
        self.durationMs = durationMs
        self.result = result
    }
}

/// A team that needs attention.
public struct WatchlistEntry: Codable, Sendable, Hashable {
    /// The team (or department).
    public var scope: Scope
    /// Its health index.
    public var healthIndex: Double?
    /// Its dimensions at risk, worst first.
    public var weakDimensions: [HealthDimension]
    /// Why it is listed, in words.
    public var reason: String

    /// Creates an entry.
    public init(scope: Scope, healthIndex: Double?, weakDimensions: [HealthDimension], reason: String) {
        self.scope = scope
        self.healthIndex = healthIndex
        self.weakDimensions = weakDimensions
        self.reason = reason
    }
}

/// What the run read, rejected and withheld.
public struct DataQuality: Codable, Sendable, Hashable {
    /// Roster rows read.
    public var rosterRows: Int
    /// Data-quality notes of the run itself (config, roster), analyzers' own are in their runs.
    public var diagnostics: [Diagnostic]
    /// How many values the privacy gate withheld, by reason.
    public var suppressedValues: [String: Int]
    /// The group scopes with at least one withheld value.
    public var suppressedScopes: [Scope]

    /// Creates a data-quality record.
    public init(rosterRows: Int, diagnostics: [Diagnostic], suppressedValues: [String: Int], suppressedScopes: [Scope]) {
        self.rosterRows = rosterRows
        self.diagnostics = diagnostics
        self.suppressedValues = suppressedValues
        self.suppressedScopes = suppressedScopes
    }
}

/// How the figures were made: the privacy rules in force and every metric's definition.
public struct Methodology: Codable, Sendable, Hashable {
    /// The privacy policy applied.
    public var privacy: PrivacyPolicy
    /// Every metric definition of the analyzers that ran.
    public var metrics: [MetricDefinition]
    /// How the health model combines signals, in words.
    public var healthModel: [String]

    /// Creates a methodology record.
    public init(privacy: PrivacyPolicy, metrics: [MetricDefinition], healthModel: [String]) {
        self.privacy = privacy
        self.metrics = metrics
        self.healthModel = healthModel
    }
}

/// The output formats of a report.
public enum ReportFormat: String, Codable, Sendable, CaseIterable {
    /// A self-contained HTML page for people.
    case html
    /// A schema-validated XML document for machines.
    case xml
    /// JSON for machines.
    case json
    /// Tidy CSV, one figure per row, for spreadsheets.
    case csv

    /// The file name the format is written to.
    public var fileName: String { "health-report.\(rawValue)" }
}
