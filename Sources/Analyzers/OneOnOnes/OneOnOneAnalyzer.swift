import Foundation
import OrgHealthKit

/// The one-on-one notes analyzer: coverage, cadence, long gaps, cancellations, action-item
/// follow-through and the topics discussed, from a folder of 1:1 notes in any of the four
/// forms (Markdown per meeting, running Markdown document, HTML export, JSON Lines).
///
/// Files are read in parallel, one at a time per worker, into per-pair summaries; no note or
/// action-item text is kept or reported. A broken file or line becomes a diagnostic naming it,
/// and the rest of the folder is analysed. It uses nothing a custom analyzer could not use.
public struct OneOnOneAnalyzer: Analyzer {
    /// Creates the analyzer.
    public init() {}

    /// The input kind the analyzer reads.
    static let inputKind: InputKind = "one-on-ones"

    public let descriptor = AnalyzerDescriptor(
        id: "one-on-ones", name: "One-on-ones", version: "1.0.0",
        summary: "Coverage, cadence, gaps, cancellations, action-item follow-through and topics of manager one-on-ones, from their notes.",
        inputs: [InputRequirement(kind: OneOnOneAnalyzer.inputKind, required: true)],
        dimensions: [.execution, .trust, .growth, .feedback, .wellbeing],
        metrics: OneOnOneAnalyzer.definitions
    ).declaring(OneOnOneOptions.declarations)
        .readingFreeText([FreeTextDeclaration(name: "one-on-one notes")])

    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        let settings = try OneOnOneOptions(options: context.options)
        let files: [NoteFile]
        do { files = try NoteFolder.files(in: context.files(of: Self.inputKind).map(\.path)) } catch {
            throw AnalyzerError("the one-on-ones notes folder \(error.problem); check sources.one-on-ones in the config",
                                source: error.path)
        }
        let reader = NoteFolderReader(settings: settings, roster: context.roster, period: context.period)
        let ledger = await reader.read(files, progress: context.progress)
        let diagnostics = Self.diagnostics(of: ledger, fileCount: files.count, period: context.period)
        // The figures add no diagnostic: `validate` needs none of them.
        guard context.purpose == .report else { return AnalyzerResult(diagnostics: diagnostics) }
        guard ledger.meetingsInPeriod > 0 else {
            return AnalyzerResult(sections: [Self.noDataSection(ledger, fileCount: files.count, period: context.period)],
                                  diagnostics: diagnostics)
        }
        let lines = ReportingLines(roster: context.roster, on: context.period.end, minGroupSize: context.privacy.minGroupSize)
        let figures = OneOnOneFigures(ledger: ledger, roster: context.roster, lines: lines, period: context.period, settings: settings)
        let metrics = figures.metrics()
        let findings = OneOnOneFindings(
            figures: figures, roster: context.roster, period: context.period, settings: settings,
            minGroupSize: context.privacy.minGroupSize).findings()
        let sections = OneOnOneSections(
            figures: figures, ledger: ledger, roster: context.roster, period: context.period, settings: settings,
            minGroupSize: context.privacy.minGroupSize).sections()
        return AnalyzerResult(
            metrics: metrics, signals: OneOnOneSignals.signals(from: metrics), findings: findings, sections: sections,
            diagnostics: diagnostics)
    }

    /// The file diagnostics in path and line order — the first of each kind (the same
    /// message), then a count per kind — then the counts worth knowing.
    static func diagnostics(of ledger: NoteLedger, fileCount: Int, period: ReportingPeriod) -> [Diagnostic] {
        let sorted = ledger.diagnostics.sorted {
            ($0.path, $0.diagnostic.line ?? 0, $0.diagnostic.message) < ($1.path, $1.diagnostic.line ?? 0, $1.diagnostic.message)
        }
        var log = DiagnosticCollector(source: nil) { count, listed, summary in
            "\(count) one-on-one note problems of this kind in all (\(summary)); only the first \(listed) are listed; "
                + "fix the ones above and run again to see the rest"
        }
        for pending in sorted {
            let diagnostic = pending.diagnostic
            log.note(diagnostic.message, severity: diagnostic.severity, closingSeverity: .warning,
                     source: diagnostic.source, line: diagnostic.line, message: diagnostic.message,
                     summary: diagnostic.message)
        }
        var diagnostics = log.diagnostics()
        if ledger.meetingsOutsidePeriod > 0 {
            diagnostics.append(Diagnostic(
                severity: .info,
                message: "\(ledger.meetingsOutsidePeriod) one-on-one records dated outside \(period.label) were ignored"))
        }
        if ledger.meetingsInPeriod == 0 {
            diagnostics.append(Diagnostic(
                severity: .info,
                message: fileCount == 0
                    ? "no one-on-one notes were found: the notes folder is empty"
                    : "no one-on-one notes dated in \(period.label) were found in \(fileCount) files"))
        }
        return diagnostics
    }

    /// The section shown instead of figures when there is nothing to measure: "no data", not zeros.
    static func noDataSection(_ ledger: NoteLedger, fileCount: Int, period: ReportingPeriod) -> ReportSection {
        var text = "No data: no one-on-one meetings dated in \(period.label) were found"
        text += fileCount == 0 ? " — the notes folder holds no files." : " in \(fileCount) files."
        if ledger.meetingsOutsidePeriod > 0 {
            text += " \(ledger.meetingsOutsidePeriod) records fall outside the period."
        }
        text += " No one-on-one figures are reported for this period."
        return ReportSection(title: "One-on-one coverage and cadence", blocks: [.text(text)])
    }
}
