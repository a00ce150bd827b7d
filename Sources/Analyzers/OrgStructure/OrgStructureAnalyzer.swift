import OrgHealthKit

/// The org-structure analyzer: headcount, span of control, layers, new hires and attrition,
/// from the roster alone. It uses nothing a custom analyzer could not use.
public struct OrgStructureAnalyzer: Analyzer {
    /// Creates the analyzer.
    public init() {}

    public let descriptor = AnalyzerDescriptor(
        id: "org-structure", name: "Org structure", version: "1.0.0",
        summary: "Headcount, span of control, management layers, new hires and attrition, from the roster.",
        inputs: [], dimensions: [.execution],
        metrics: OrgStructureAnalyzer.definitions
    ).declaring(OrgStructureAnalyzer.optionDeclarations)

    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        let bounds = try OrgStructureOptions(options: context.options)
        // Its only problems are its options': `validate` needs none of its figures.
        guard context.purpose == .report else { return AnalyzerResult() }
        let snapshot = OrgSnapshot(roster: context.roster, period: context.period)
        let managerMetrics = snapshot.managerMetrics()
        let lineHeadcounts = Self.lineHeadcounts(context)
        // Collected and sorted once: at 10^6 people, 125,000 scopes (asking twice cost 0.3 s).
        let groupScopes = snapshot.groupScopes()
        // Room for every figure at once (at most seven per group), so the array is not
        // doubled and copied as it grows (at 10⁶ people it holds 800,000 figures).
        var metrics: [Metric] = []
        metrics.reserveCapacity(groupScopes.count * 7 + managerMetrics.count + lineHeadcounts.count)
        var signals: [HealthSignal] = []
        for scope in groupScopes {
            let figures = snapshot.figures(for: scope, bounds: bounds)
            metrics += figures.metrics
            if let signal = figures.signal { signals.append(signal) }
        }
        metrics += managerMetrics
        metrics += lineHeadcounts
        let findings = OrgStructureFindings(snapshot: snapshot, bounds: bounds).findings()
        let sections = OrgStructureSections(snapshot: snapshot, bounds: bounds, metrics: metrics).sections()
        return AnalyzerResult(metrics: metrics, signals: signals, findings: findings, sections: sections)
    }

    /// The headcount of every reporting line (`line:<id>`, employed at the period's end); the
    /// line's other structure figures are its manager's and teams'.
    static func lineHeadcounts(_ context: AnalysisContext) -> [Metric] {
        guard context.roster.hasManagerInformation else { return [] }
        let lines = ReportingLines(roster: context.roster, on: context.period.end, minGroupSize: context.privacy.minGroupSize)
        return lines.scopes.compactMap { scope in
            lines.headcount(of: scope).map { Metric(id: OrgStructureMetric.headcount, scope: scope, value: Double($0), unit: .count, n: $0) }
        }
    }
}
