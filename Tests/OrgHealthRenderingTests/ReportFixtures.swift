import Foundation
import OrgHealthKit

/// A small report value made by hand for rendering tests: the renderers see only the
/// ``HealthReport`` model, so their tests need neither the engine nor any analyzer.
///
/// The organization it describes, worked out by hand (the shape of the roster the engine's
/// own tests read):
/// - the chief (team and department Leadership);
/// - Platform (Engineering): a manager and 8 people, 9 at the end of the period;
/// - Web (Engineering): a manager and 9 people, one of whom left on 2026-08-01, so 9 at the end;
/// - the hostile team (department "R&D <Labs>"): a manager, whose name is hostile, and 10 people, 11;
/// - Tiny ("R&D <Labs>"): a manager and 2 people, 3 — under the minimum group of 5, so withheld.
///
/// 34 people on the roster, 33 at the end of the period (1 + 9 + 9 + 11 + 3).
enum ReportFixtures {
    /// Team and person names that try to break out of HTML and XML.
    static let hostileTeam = #"<script>document.title='pwned'</script> & "Ops""#
    static let hostileName = #"Zoë "Z" O'Neil <img src=x onerror=alert(1)>"#
    /// The hostile department as the roster reader leaves "R&D <Labs> \u{0001}": control
    /// character removed, trailing space trimmed.
    static let hostileDepartment = "R&D <Labs>"
    static let organization = #"Acme & <Sons> "Ltd""#

    /// One leaver over the average of 34 employed on 2026-07-01 and 33 on 2026-09-30.
    static let attritionRate = 1.0 / 33.5

    /// A temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The report: one analyzer that ran (org-structure's figures, one of them withheld, a
    /// finding and a table naming the hostile manager), one that was skipped, scores for every
    /// department and team, a watchlist entry and a run diagnostic.
    static func hostileReport() throws -> HealthReport {
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let execution = HealthDimension("execution")
        let trust = HealthDimension("trust")
        func scores(_ execution: Double?, _ trust: Double?, n: Int) -> [DimensionScore] {
            [
                DimensionScore(dimension: HealthDimension("execution"), score: execution, n: n, suppressed: execution == nil),
                DimensionScore(dimension: HealthDimension("trust"), score: trust, n: n, suppressed: trust == nil),
            ]
        }
        // Health index = the mean of the available dimension scores: (72 + 65) / 2 = 68.5, and so on.
        var summary = HealthReport.Summary(healthIndex: 68.5, dimensions: scores(72, 65, n: 33), headcount: 33)
        summary.sources = [
            SourceCoverage(analyzer: "org-structure", name: "Org structure", absence: nil),
            SourceCoverage(analyzer: "one-on-ones", name: "One-on-ones", absence: .noFiles),
        ]
        let leadership = Scope.department("Leadership")
        let engineering = Scope.department("Engineering")
        let labs = Scope.department(hostileDepartment)
        let scopes = [
            ScopeHealth(scope: leadership, name: "Leadership", parent: nil, headcount: 1, healthIndex: nil, dimensions: scores(nil, nil, n: 1)),
            ScopeHealth(scope: engineering, name: "Engineering", parent: nil, headcount: 18, healthIndex: 71, dimensions: scores(74, 68, n: 18)),
            ScopeHealth(scope: labs, name: hostileDepartment, parent: nil, headcount: 14, healthIndex: 64, dimensions: scores(68, 60, n: 14)),
            ScopeHealth(scope: .team("Leadership"), name: "Leadership", parent: leadership, headcount: 1, healthIndex: nil,
                        dimensions: scores(nil, nil, n: 1)),
            ScopeHealth(scope: .team("Platform"), name: "Platform", parent: engineering, headcount: 9, healthIndex: 74,
                        dimensions: scores(78, 70, n: 9)),
            ScopeHealth(scope: .team("Web"), name: "Web", parent: engineering, headcount: 9, healthIndex: 68,
                        dimensions: scores(70, 66, n: 9)),
            ScopeHealth(scope: .team(hostileTeam), name: hostileTeam, parent: labs, headcount: 11, healthIndex: 58,
                        dimensions: scores(62, 54, n: 11)),
            ScopeHealth(scope: .team("Tiny"), name: "Tiny", parent: labs, headcount: 3, healthIndex: nil, dimensions: scores(nil, nil, n: 3)),
            ScopeHealth(scope: .manager("E011"), name: hostileName, parent: .team(hostileTeam), headcount: 11, healthIndex: 58,
                        dimensions: scores(62, 54, n: 11)),
        ]

        var tiny = Metric(id: "org.headcount", scope: .team("Tiny"), value: 3, unit: .count, n: 3)
        tiny.value = nil
        tiny.suppressed = .minGroupSize
        let metrics = [
            Metric(id: "org.headcount", scope: .org, value: 33, unit: .count, n: 33),
            Metric(id: "org.attritionRate", scope: .org, value: attritionRate, unit: .ratio, n: 34, dimension: execution),
            Metric(id: "org.headcount", scope: .team("Platform"), value: 9, unit: .count, n: 9),
            Metric(id: "org.headcount", scope: .team("Web"), value: 9, unit: .count, n: 9),
            Metric(id: "org.headcount", scope: .team(hostileTeam), value: 11, unit: .count, n: 11),
            tiny,
            Metric(id: "org.span", scope: .manager("E011"), value: 10, unit: .count, n: 10),
        ]
        let finding = Finding(
            id: "org.wideSpan", severity: .warning, scope: .team(hostileTeam), dimension: execution,
            title: "Wide span of control in team \(hostileTeam)", detail: "\(hostileName) has 10 direct reports.",
            recommendation: "Consider a second lead for \(hostileTeam).", evidence: ["org.span"])
        let table = ReportTable(caption: "Span of control", columns: ["Manager", "Team", "Direct reports"], rows: [
            ReportTable.Row([hostileName, hostileTeam, "10"], ref: DataReference(scope: .manager("E011"), metric: "org.span")),
        ])
        let descriptor = AnalyzerDescriptor(
            id: "org-structure", name: "Org structure", version: "1.0.0", summary: "Headcount, span and attrition from the roster.",
            dimensions: [execution],
            metrics: [
                MetricDefinition(id: "org.headcount", definition: "People active at the end of the period."),
                MetricDefinition(id: "org.attritionRate", definition: "Leavers ÷ average headcount.", signal: "100 − 500 × rate"),
                MetricDefinition(id: "org.span", definition: "A manager's direct reports."),
            ])
        let orgStructure = AnalyzerRun(descriptor: descriptor, status: .ok, result: AnalyzerResult(
            metrics: metrics,
            signals: [HealthSignal(dimension: execution, scope: .org, score: 72, weight: 1, n: 33)],
            findings: [finding],
            sections: [ReportSection(title: "Span of control", blocks: [.text("Managers and their direct reports."), .table(table)])],
            diagnostics: [Diagnostic(severity: .warning, source: "roster.csv", line: 7, message: "The hire date is blank; the row was kept")]))
        let oneOnOnes = AnalyzerRun(
            descriptor: AnalyzerDescriptor(id: "one-on-ones", name: "One-on-ones", version: "1.0.0", summary: "Meeting cadence.")
                .readingFreeText([FreeTextDeclaration(name: "one-on-one notes")]),
            status: .skipped, message: "No one-on-ones source is configured.")

        return HealthReport(
            organization: organization, period: period, generatedAt: "2026-09-21T12:26:40Z", tool: "orghealth test",
            summary: summary, scopes: scopes, analyzers: [orgStructure, oneOnOnes], crossSourceFindings: [],
            watchlist: [WatchlistEntry(scope: .team(hostileTeam), healthIndex: 58, weakDimensions: [trust], reason: "Trust & Safety at risk")],
            dataQuality: DataQuality(rosterRows: 34, diagnostics: [], suppressedValues: [SuppressionReason.minGroupSize.rawValue: 1],
                                     suppressedScopes: [.team("Tiny")]),
            methodology: Methodology(privacy: PrivacyPolicy(), metrics: descriptor.metrics,
                                     healthModel: ["The health index is the mean of the available dimension scores."]))
    }
}
