import OrgHealthKit

/// Tenure: how long the people employed at the end of the period have been with the
/// organization, from the roster's hire dates. The worked example of docs/ADDING-AN-ANALYZER.md
/// (copied to Sources/Analyzers/Tenure/ by `.ci/check-adding-an-analyzer`; not built from here).
public struct TenureAnalyzer: Analyzer {
    /// Creates the analyzer.
    public init() {}

    public let descriptor = AnalyzerDescriptor(
        id: "tenure", name: "Tenure", version: "1.0.0",
        summary: "How long people have been with the organization, from the roster's hire dates.",
        metrics: [
            MetricDefinition(
                id: TenureMetric.medianDays,
                definition: "Median days from hire date to the period's last day, over the people employed then who have a hire date."),
            MetricDefinition(
                id: TenureMetric.newcomerShare,
                definition: "Share of those people hired fewer than newcomerDays days before the period's last day."),
        ]
    ).declaring([
        .init(name: "newcomerDays", type: .integer, default: "180", doc: "Someone hired fewer days ago than this is a newcomer."),
    ])

    /// Worked by hand: 2026-Q3 ends on 2026-09-30. M1, hired 2020-09-30, has six years with one
    /// leap day (2024-02-29) = 2,191 days; A2, hired 2025-09-30, 365 days; A1, hired 2026-07-02,
    /// 29 + 31 + 30 = 90 days. The median of [90, 365, 2191] is 365; one of the three (A1) is
    /// under 180 days; with newcomerDays 400, A2 (365) is one too: two of three.
    public var examples: [AnalyzerExample] {
        let roster = """
            employee_id,manager_id,team,department,hire_date,end_date
            M1,,Core,Eng,2020-09-30,
            A1,M1,Core,Eng,2026-07-02,
            A2,M1,Core,Eng,2025-09-30,
            """
        return [
            AnalyzerExample("three people, hired 90, 365 and 2,191 days before the period's end", roster: roster, expected: [
                .init(TenureMetric.medianDays, .org, 365, n: 3),
                .init(TenureMetric.newcomerShare, .org, 1.0 / 3, n: 3),
                .init(TenureMetric.medianDays, .department("Eng"), 365, n: 3),
            ]),
            AnalyzerExample(
                "newcomerDays: 400 makes A2 a newcomer too", roster: roster,
                options: AnalyzerOptions(["newcomerDays": .number(400)]),
                expected: [.init(TenureMetric.newcomerShare, .org, 2.0 / 3, n: 3)]),
        ]
    }

    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        let newcomerDays = try context.options.int("newcomerDays", default: 180)
        let end = context.period.end
        var metrics: [Metric] = []
        for scope in [Scope.org] + context.roster.departments.map(Scope.department) {
            let days = context.roster.members(of: scope).filter { $0.isEmployed(on: end) }
                .compactMap { $0.hireDate?.days(to: end) }.sorted()
            guard !days.isEmpty else { continue }
            let middle = days.count / 2
            let median = days.count % 2 == 1 ? Double(days[middle]) : Double(days[middle - 1] + days[middle]) / 2
            let newcomers = days.filter { $0 < newcomerDays }.count
            metrics.append(Metric(id: TenureMetric.medianDays, scope: scope, value: median, unit: .days, n: days.count))
            metrics.append(Metric(
                id: TenureMetric.newcomerShare, scope: scope, value: Double(newcomers) / Double(days.count), unit: .ratio, n: days.count))
        }
        return AnalyzerResult(metrics: metrics)
    }
}

/// The tenure analyzer's metric ids, under its one prefix `tenure.` (docs/METRICS.md#metric-ids).
public enum TenureMetric {
    /// The namespace `tenure.`.
    public static let prefix = MetricPrefix("tenure")
    /// `tenure.medianDays`.
    public static let medianDays = prefix.id("medianDays")
    /// `tenure.newcomerShare`.
    public static let newcomerShare = prefix.id("newcomerShare")
}
