/// Everything one analyzer contributes to the report.
///
/// The same type is what an external analyzer prints as JSON; every array may be absent there.
public struct AnalyzerResult: Codable, Sendable, Hashable {
    /// Figures per scope.
    public var metrics: [Metric]
    /// 0–100 readings of health dimensions per scope.
    public var signals: [HealthSignal]
    /// Things to act on.
    public var findings: [Finding]
    /// Report content: tables, charts and text.
    public var sections: [ReportSection]
    /// Data-quality notes.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(
        metrics: [Metric] = [], signals: [HealthSignal] = [], findings: [Finding] = [],
        sections: [ReportSection] = [], diagnostics: [Diagnostic] = []
    ) {
        self.metrics = metrics
        self.signals = signals
        self.findings = findings
        self.sections = sections
        self.diagnostics = diagnostics
    }

    private enum CodingKeys: String, CodingKey { case metrics, signals, findings, sections, diagnostics }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metrics = try container.decodeIfPresent([Metric].self, forKey: .metrics) ?? []
        signals = try container.decodeIfPresent([HealthSignal].self, forKey: .signals) ?? []
        findings = try container.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        sections = try container.decodeIfPresent([ReportSection].self, forKey: .sections) ?? []
        diagnostics = try container.decodeIfPresent([Diagnostic].self, forKey: .diagnostics) ?? []
    }
}
