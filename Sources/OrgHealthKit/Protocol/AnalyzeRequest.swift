import Foundation

/// What the host sends an external analyzer's `analyze` command on standard input: the same
/// facts an ``AnalysisContext`` holds, with files given as absolute paths.
///
/// ```json
/// {"protocolVersion": 1, "organization": "Acme Corp",
///  "period": {"start": "2026-07-01", "end": "2026-09-30", "label": "2026-Q3"},
///  "roster": "/tmp/orghealth-plugin-…/roster.csv",
///  "inputs": {"recognition": ["/data/recognition.csv"]},
///  "options": {"lookbackDays": 90},
///  "privacy": {"minGroupSize": 5, "comments": "themes", "minCommentGroupSize": 10}}
/// ```
///
/// The roster file always has the canonical columns of ``RosterWriter/columns`` (the host
/// writes a normalized copy), so an analyzer never needs the config's column mapping. Only the
/// input kinds the analyzer declared are present; a configured folder is passed as the folder.
public struct AnalyzeRequest: Codable, Sendable, Hashable {
    /// The protocol version of the request; ``AnalyzerMain`` refuses any other than its own.
    public var protocolVersion: Int
    /// The organization's name.
    public var organization: String
    /// The reporting period: first and last day (inclusive) and its label.
    public var period: ReportingPeriod
    /// The absolute path of the roster CSV, with canonical column names.
    public var roster: String
    /// Absolute paths of the input files and folders, by input kind (or `kind.role`).
    public var inputs: [String: [String]]
    /// The analyzer's section of the config (`analyzers.<id>`), plus `columns` when the config
    /// re-maps the columns of one of its input kinds.
    public var options: AnalyzerOptions
    /// The privacy rules in force. The host applies them again to the result.
    public var privacy: PrivacyPolicy
    /// How to read input files whose source sets `delimiter`, `encoding` or `sheet` in the
    /// config, by absolute path (e.g. `{"/data/kudos.csv": {"delimiter": ";"}}`). Absent from
    /// the JSON when no input sets any.
    public var tabular: [String: TabularOptions]

    /// Creates a request.
    public init(
        protocolVersion: Int = ExternalProtocol.version, organization: String, period: ReportingPeriod, roster: String,
        inputs: [String: [String]] = [:], options: AnalyzerOptions = AnalyzerOptions(),
        privacy: PrivacyPolicy = PrivacyPolicy(), tabular: [String: TabularOptions] = [:]
    ) {
        self.tabular = tabular
        self.protocolVersion = protocolVersion
        self.organization = organization
        self.period = period
        self.roster = roster
        self.inputs = inputs
        self.options = options
        self.privacy = privacy
    }

    private enum CodingKeys: String, CodingKey {
        case protocolVersion, organization, period, roster, inputs, options, privacy, tabular
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(protocolVersion, forKey: .protocolVersion)
        try container.encode(organization, forKey: .organization)
        try container.encode(period, forKey: .period)
        try container.encode(roster, forKey: .roster)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(options, forKey: .options)
        try container.encode(privacy, forKey: .privacy)
        if !tabular.isEmpty { try container.encode(tabular, forKey: .tabular) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        protocolVersion = try container.decode(Int.self, forKey: .protocolVersion)
        organization = try container.decode(String.self, forKey: .organization)
        let wire = try container.decode(PeriodPayload.self, forKey: .period)
        do {
            period = try ReportingPeriod(start: wire.start, end: wire.end, label: wire.label)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .period, in: container, debugDescription: error.description)
        }
        roster = try container.decode(String.self, forKey: .roster)
        inputs = try container.decodeIfPresent([String: [String]].self, forKey: .inputs) ?? [:]
        options = try container.decodeIfPresent(AnalyzerOptions.self, forKey: .options) ?? AnalyzerOptions()
        privacy = try container.decodeIfPresent(PrivacyPolicy.self, forKey: .privacy) ?? PrivacyPolicy()
        tabular = try container.decodeIfPresent([String: TabularOptions].self, forKey: .tabular) ?? [:]
    }

    /// The period as it travels: first and last day and a label.
    private struct PeriodPayload: Codable {
        let start: CalendarDate
        let end: CalendarDate
        let label: String?
    }

    /// The inputs as file URLs by kind, as an ``AnalysisContext`` holds them.
    public var inputURLs: [InputKind: [URL]] {
        var urls: [InputKind: [URL]] = [:]
        for (kind, paths) in inputs { urls[InputKind(rawValue: kind)] = paths.map { URL(fileURLWithPath: $0) } }
        return urls
    }

    /// The per-file reading options as file URLs, as an ``AnalysisContext`` holds them.
    public var tabularURLs: [URL: TabularOptions] {
        var options: [URL: TabularOptions] = [:]
        for (path, value) in tabular { options[URL(fileURLWithPath: path)] = value }
        return options
    }
}
