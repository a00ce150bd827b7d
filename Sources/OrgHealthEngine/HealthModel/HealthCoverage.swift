import OrgHealthKit

/// What each dimension score and the health index rest on: the measures behind every score,
/// the dimensions the index covers, and which sources gave data at all.
///
/// Kept apart from `HealthModel`'s arithmetic: the scores are the same with or without it,
/// this only says what they are made of and withholds an index that would mislead.
public struct HealthCoverage: Sendable {
    /// The fewest dimensions with a score for the organization's health index to be shown.
    public var minimumDimensions: Int

    /// Creates the step.
    public init(minimumDimensions: Int = HealthCoverage.defaultMinimumDimensions) {
        self.minimumDimensions = minimumDimensions
    }

    /// The default of `healthIndex.minimumDimensions`: five of the seven built-in dimensions.
    public static let defaultMinimumDimensions = 5

    /// The measures behind every scope's dimension scores, one per analyzer and metric (signals
    /// of one measure for one dimension and scope are merged: weights add up, scores are
    /// weight-averaged, the n is the largest), sorted by analyzer then metric.
    public func sources(runs: [AnalyzerRun]) -> [Scope: [HealthDimension: [DimensionSource]]] {
        HealthTable(runs: runs).sourcesByScope()
    }
}

extension HealthCoverage {
    /// The report with every dimension score's sources filled in, the organization's health
    /// index withheld when too few dimensions have a score, its coverage, and the coverage of
    /// every source.
    public func applying(to report: consuming HealthReport) -> HealthReport {
        // Consumed: the caller's report is moved in, so filling in the sources writes into its
        // arrays instead of copying every scope.
        var report = report
        let table = HealthTable(runs: report.analyzers)
        let organization = table.scores(of: .org, sources: true)
        for index in report.summary.dimensions.indices {
            let dimension = report.summary.dimensions[index].dimension
            report.summary.dimensions[index].sources = organization.first { $0.dimension == dimension }?.sources ?? []
        }
        for scopeIndex in report.scopes.indices {
            let scores = table.scores(of: report.scopes[scopeIndex].scope, sources: true)
            for index in report.scopes[scopeIndex].dimensions.indices {
                let dimension = report.scopes[scopeIndex].dimensions[index].dimension
                report.scopes[scopeIndex].dimensions[index].sources = scores.first { $0.dimension == dimension }?.sources ?? []
            }
        }
        return applyingCoverage(to: report)
    }

    /// ``applying(to:)`` for a report whose dimension scores already list their sources (the
    /// pipeline builds them with the scores, from one ``HealthTable``).
    func applyingCoverage(to report: consuming HealthReport) -> HealthReport {
        var report = report
        let scored = report.summary.dimensions.filter { $0.score != nil }
        let feeding = Set(scored.flatMap { $0.sources.filter { $0.score != nil }.map(\.analyzer) }).sorted()
        var coverage = HealthIndexCoverage(
            dimensionsScored: scored.count, dimensionsTotal: report.summary.dimensions.count,
            minimumDimensions: minimumDimensions, sources: feeding)
        if scored.count < minimumDimensions {
            coverage.withheldReason = "only \(scored.count) of \(report.summary.dimensions.count) dimensions have data; "
                + "the index needs at least \(minimumDimensions) (healthIndex.minimumDimensions)"
            report.summary.healthIndex = nil
        }
        report.summary.coverage = coverage
        report.summary.sources = report.analyzers.map(Self.coverage(of:))
        return report
    }

    /// Whether an analyzer's source gave data, and if not, why.
    static func coverage(of run: AnalyzerRun) -> SourceCoverage {
        let descriptor = run.descriptor
        switch run.status {
        case .failed:
            return SourceCoverage(analyzer: descriptor.id, name: descriptor.name, absence: .failed, detail: run.message)
        case .skipped:
            return SourceCoverage(analyzer: descriptor.id, name: descriptor.name, absence: .noFiles, detail: run.message)
        case .ok:
            let hasData = run.result.signals.contains { $0.score != nil || $0.suppressed != nil }
                || run.result.metrics.contains { $0.value != nil || $0.isSuppressed }
            guard !hasData else { return SourceCoverage(analyzer: descriptor.id, name: descriptor.name, absence: nil) }
            let note = run.result.diagnostics.first { $0.message.contains("period") }?.message
            return SourceCoverage(
                analyzer: descriptor.id, name: descriptor.name, absence: .outOfPeriod,
                detail: note ?? "no record fell inside the period")
        }
    }
}

extension HealthCoverage {
    /// The coverage and trend rules, in words, for the methodology section.
    public static func methodology(minimumDimensions: Int) -> [String] {
        [
            "Every dimension score lists its sources: the measures (analyzer and metric) that fed it, with their n. "
                + "Dimension scores are 0–100 health scores; survey favorability is a different figure, the % of favorable answers.",
            "The health index is withheld when fewer than \(minimumDimensions) dimensions have data, or when a source that "
                + "fed the previous period gives no data now: a mean over fewer measures would move only because data went missing.",
            "A dimension's trend compares like with like: only measures reportable in both periods count, with this period's "
                + "weights. When the two periods share no measure, the trend is \"not comparable\" and not shown.",
            "Is a change real? For a share (a % favorable, a coverage rate) the two-proportion z-test asks how likely a "
                + "difference this large would be if nothing had changed and only the people answering differed. When that "
                + "chance is under 5% (p < 0.05) the change is called significant; otherwise it may be noise.",
            "A dimension's change is significant when at least one of its like-for-like measures changed significantly in "
                + "the same direction and none changed significantly the other way. The health index's change is never tested, "
                + "and it is shown only when the same dimensions are scored in both periods.",
        ]
    }
}
