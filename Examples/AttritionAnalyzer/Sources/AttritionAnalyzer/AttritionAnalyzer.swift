import Foundation
import OrgHealthKit

/// Regretted attrition per team, department and manager, from an exits log (input kind
/// `exits`: `employee_id, exit_date, reason, regretted`). Regretted attrition is a lagging
/// sign of how people are led and of whether the pace is sustainable, so it contributes to
/// `leadership` and, with half the weight, to `wellbeing`.
public struct AttritionAnalyzer: Analyzer {
    /// Creates the analyzer.
    public init() {}

    public let descriptor = AnalyzerDescriptor(
        id: "attrition", name: "Attrition", version: "1.0.0",
        summary: "Regretted attrition per team, department and manager, from the exits log.",
        inputs: [InputRequirement(kind: "exits")], dimensions: [.leadership, .wellbeing],
        metrics: AttritionFigures.definitions)

    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        let settings = try AttritionSettings(options: context.options)
        var log = ExitLog(roster: context.roster, period: context.period, columns: settings.columns)
        for file in try ExitLog.files(context.files(of: "exits")) { try log.read(file) }
        let figures = AttritionFigures(roster: context.roster, period: context.period, exits: log.exits, settings: settings)
        let report = AttritionReport(figures: figures, minGroupSize: context.privacy.minGroupSize, exits: log.exits)
        return AnalyzerResult(
            metrics: figures.metrics(), signals: figures.signals(), findings: report.findings(), sections: report.sections(),
            diagnostics: log.diagnostics)
    }
}

/// The analyzer's options (`analyzers.attrition` in the config).
struct AttritionSettings {
    /// The annualized regretted-attrition rate that scores 0 (default 0.2, i.e. 20 % a year).
    let zeroScoreAnnualRate: Double
    /// Column re-mapping (the config's `columns.exits`).
    let columns: [String: String]

    init(options: AnalyzerOptions) throws(AnalyzerError) {
        zeroScoreAnnualRate = try options.double("zeroScoreAnnualRate", default: 0.2)
        guard zeroScoreAnnualRate > 0, zeroScoreAnnualRate <= 1 else {
            throw AnalyzerError("analyzers.attrition.zeroScoreAnnualRate must be above 0 and at most 1")
        }
        var columns: [String: String] = [:]
        for (key, value) in try options.section("columns").values { columns[key] = value.stringValue }
        self.columns = columns
    }
}
