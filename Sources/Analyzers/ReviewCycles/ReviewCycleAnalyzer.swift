import Foundation
import OrgHealthKit

/// The review-cycle analyzer: completion and timeliness of performance reviews, the rating
/// distribution, self–manager gaps, managers' leniency or severity, comment substance and
/// upward scores, from a review tool's CSV export (FORMATS.md "Review cycles").
///
/// The file is streamed: memory grows with people and managers, not with rows. Only the cycles
/// due inside the reporting period are analysed. Individual ratings and comment text never
/// reach the result — only group figures, which the engine's privacy gate then checks; an
/// upward score is only signalled or turned into a finding for a manager with at least
/// `minGroupSize` distinct upward reviewers.
///
/// Options (`analyzers.review-cycles`): `scale: {min: 1, max: 5, labels: {"Exceeds": 5}}`,
/// `relationships` and `statuses` (export label → canonical value), `substantialCommentWords`
/// (25), `lowCompletionBelow` (0.8), `lowOnTimeBelow` (0.8), `largeGapAtLeast` (1),
/// `lowUpwardScoreBelow` (the scale's midpoint) and `leniencyZ` (2). Column names are
/// re-mapped with `columns.review-cycles` in the config.
public struct ReviewCycleAnalyzer: Analyzer {
    /// Creates the analyzer.
    public init() {}

    /// The input kind the analyzer reads.
    static let inputKind: InputKind = "review-cycles"

    public let descriptor = AnalyzerDescriptor(
        id: "review-cycles", name: "Review cycles", version: "1.0.0",
        summary: "Completion and timeliness of performance reviews, rating distribution and calibration, "
            + "self–manager gaps, comment substance and upward scores.",
        inputs: [InputRequirement(kind: ReviewCycleAnalyzer.inputKind, required: true)],
        dimensions: [.execution, .feedback, .leadership, .direction],
        metrics: ReviewCycleAnalyzer.definitions
    ).declaring(ReviewCycleOptions.declarations)
        .readingFreeText([FreeTextDeclaration(name: "review comments")])

    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        let options = try ReviewCycleOptions(context.options)
        let files = context.files(of: Self.inputKind)
        guard !files.isEmpty else {
            throw AnalyzerError("no review file was given; set sources.review-cycles in the config to the review export (CSV)")
        }
        let groups = ReviewGroups(
            roster: context.roster,
            lines: ReportingLines(roster: context.roster, on: context.period.end, minGroupSize: context.privacy.minGroupSize))
        var reviewers = ReviewerDirectory(roster: context.roster, groups: groups)
        var tally = ReviewTally(groups: groups, scale: options.scale, people: context.roster.people.count)
        let reader = ReviewFileReader(options: options, period: context.period, progress: context.progress)
        let summary = try reader.read(files, into: &tally, reviewers: &reviewers, tabular: context.tabularOptions(for:))
        return Self.result(
            tally: tally, reviewers: reviewers, summary: summary, options: options, context: context)
    }

    /// Turns the tally into the result: metrics, signals, findings, sections, diagnostics.
    static func result(
        tally: ReviewTally, reviewers: ReviewerDirectory, summary: ReviewFileReader.Summary, options: ReviewCycleOptions,
        context: AnalysisContext
    ) -> AnalyzerResult {
        var diagnostics = summary.diagnostics
        if summary.rowsOfPeriod == 0 {
            diagnostics.append(Diagnostic(
                severity: .warning,
                message: "no review assignment is due in \(context.period.label) (\(context.period.start) to "
                    + "\(context.period.end)); check the period and the due_date column"))
        }
        // The figures add no diagnostic: `validate` needs none of them.
        guard context.purpose == .report else { return AnalyzerResult(diagnostics: diagnostics) }
        let figures = ReviewFigures(
            tally: tally, reviewers: reviewers, roster: context.roster, options: options,
            minGroupSize: context.privacy.minGroupSize)
        let findings = ReviewFindings(figures: figures, options: options, roster: context.roster).findings()
        let sections = ReviewSections(figures: figures, options: options, roster: context.roster, period: context.period)
            .sections()
        return AnalyzerResult(
            metrics: figures.metrics(), signals: figures.signals(), findings: findings, sections: sections,
            diagnostics: diagnostics)
    }
}
