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
                id: "tenure.medianDays",
                definition: "Median days from hire date to the period's last day, over the people employed then who have a hire date."),
            MetricDefinition(
                id: "tenure.newcomerShare",
                definition: "Share of those people hired fewer than newcomerDays days before the period's last day."),
        ]
    ).declaring([
        .init(name: "newcomerDays", type: .integer, default: "180", doc: "Someone hired fewer days ago than this is a newcomer."),
    ])

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
            metrics.append(Metric(id: "tenure.medianDays", scope: scope, value: median, unit: .days, n: days.count))
            metrics.append(Metric(
                id: "tenure.newcomerShare", scope: scope, value: Double(newcomers) / Double(days.count), unit: .ratio, n: days.count))
        }
        return AnalyzerResult(metrics: metrics)
    }
}
