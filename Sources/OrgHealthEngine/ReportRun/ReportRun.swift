import Foundation
import OrgHealthKit

/// One report run, start to end: read the config (once), set up the built-in and external
/// analyzers, run the pipeline, record the history, write the report files. `report` and
/// `demo` run it; `validate` uses its setup. Every way it can stop is a ``ReportRunError``
/// whose kind the CLI turns into an exit code.
public struct ReportRun: Sendable {
    /// The config file.
    public var configFile: URL
    /// `--period`, overriding the config's `period:`.
    public var period: String?
    /// The formats to write; nil for the config's `output.formats`.
    public var formats: [ReportFormat]?
    /// `--output`; nil for ``ReportLocations/reportDirectory(_:configFile:override:)``.
    public var outputDirectory: URL?
    /// External analyzers given with `--plugin` (executables or folders of them).
    public var plugins: [URL] = []
    /// Where history lives.
    public var history: HistoryChoice = .configured
    /// What writes the report files; nil to write none (the demo's previous quarter is only
    /// recorded).
    public var writer: (any ReportWriter)?
    /// `--replace`: a stored snapshot of the period from other inputs may be replaced.
    public var allowsReplace = false
    /// `--organization-change`: the history may hold another organization.
    public var allowsOrganizationChange = false
    /// Who the written report is for; history always records the full figures.
    public var audience: ReportAudience = .hr
    /// Whether to print the HTML to `health-report.pdf` as well.
    public var printsPDF = false
    /// Progress of the pipeline.
    public var progress: ProgressReporter = .silent
    /// Warnings as they happen (the history not recorded, a source that fed the previous
    /// period and gives no data now), without a `warning:` prefix.
    public var warn: @Sendable (String) -> Void = { _ in }

    /// Creates a run of `configFile` that writes with `writer` (nil: record history only).
    public init(configFile: URL, writer: (any ReportWriter)?) {
        self.configFile = configFile
        self.writer = writer
    }

    /// What the run produced.
    public struct Outcome: Sendable {
        /// The full report as recorded, for HR's edition and for the manager editions. For the
        /// organization's edition it is the report without its figures, sections and scope
        /// health (``withoutFigures(_:)``): everything the run's summary reads, while the
        /// edition is made from the report's figures in place.
        public let report: HealthReport
        /// The files written.
        public let files: [URL]
    }

    /// Reads and parses the config once, discovers the analyzers, and applies `--period`.
    public func setUp() async throws(ReportRunError) -> AnalyzerSetup {
        let setup: AnalyzerSetup
        do {
            setup = try await AnalyzerSetup.load(ConfigDocument.read(configFile), plugins: plugins, builtIn: .builtIn())
        } catch {
            // A ConfigError or a PluginError: nothing is written.
            throw ReportRunError(.configuration, "\(error)")
        }
        guard let period else { return setup }
        var configuration = setup.configuration
        do {
            configuration.period = try ReportingPeriod(parsing: period, fiscalYearStart: configuration.fiscalYearStart)
        } catch {
            throw ReportRunError(.configuration, "--period: \(error) (FY26-Q3, FY26-H1 and FY26 work with fiscalYearStart: in the config)")
        }
        return AnalyzerSetup(configuration: configuration, registry: setup.registry)
    }

    /// Sets up, then runs.
    public func run() async throws(ReportRunError) -> Outcome {
        try await run(setUp())
    }

    /// Runs with a setup from ``setUp()``.
    public func run(_ setup: AnalyzerSetup) async throws(ReportRunError) -> Outcome {
        let configuration = setup.configuration
        let registry = setup.registry
        let directory = ReportLocations.reportDirectory(configuration, configFile: configFile, override: outputDirectory)
        if writer != nil {
            // Refused, not skipped: the next run would read this report as notes or answers.
            do { try configuration.checkOutputPlacement(directory) } catch {
                throw ReportRunError(.configuration, "\(error)")
            }
        }
        if printsPDF, let reason = writer?.pdfUnavailableReason {
            throw ReportRunError(.configuration, "\(reason); nothing was written")
        }
        let pipeline = ReportPipeline(registry: registry, clock: .fromEnvironment())
        // The inputs fingerprinted for the history from the start, beside the analyzers (see
        // ``record(_:configuration:fingerprinting:)``); not at all without a history file.
        let fingerprinting = historyFile(configuration).map { _ in
            InBackground { [tool = pipeline.tool] in SnapshotProvenance.of(configuration, tool: tool) }
        }
        var report: HealthReport
        // An audience's edition needs the roster's people, to keep their names out: the roster
        // is read once and kept for it (issue 16: read again, 0.55 s at 10^6 people).
        let audienceRoster: Roster?
        do {
            if audience == .hr || writer == nil {
                report = try await pipeline.run(configuration, progress: progress)
                audienceRoster = nil
            } else {
                progress.report("reading the roster")
                let rosterOutput = try pipeline.readRoster(configuration)
                audienceRoster = rosterOutput.roster
                report = await pipeline.run(configuration, rosterOutput: rosterOutput, progress: progress)
            }
        } catch {
            throw ReportRunError(.input, "\(error)")
        }
        if historyFile(configuration) != nil { progress.report("recording the history") }
        report = try record(consume report, configuration: configuration, fingerprinting: fingerprinting)
        guard let writer else { return Outcome(report: report, files: []) }
        let written: HealthReport
        // The report the outcome carries, for the CLI's summary.
        let summarized: HealthReport
        if let roster = audienceRoster {
            if audience == .managers {
                let files = try writeManagerEditions(
                    report, roster: roster, configuration: configuration, directory: directory, writer: writer)
                return Outcome(report: report, files: files)
            }
            let shared = OrganizationAudience(mentions: PersonMentions(roster: roster))
            summarized = Self.withoutFigures(report)
            written = shared.apply(to: consume report)
        } else {
            written = report
            summarized = report
        }
        let files: [URL]
        progress.report("writing the report")
        do {
            files = try writer.write(written, formats: formats ?? configuration.output.formats,
                                     heatmapOrder: configuration.output.heatmapOrder, to: directory)
        } catch {
            throw ReportRunError(.output, "the report could not be written: \(error); any earlier report is unchanged")
        }
        progress.report("written")
        guard printsPDF, let html = files.first(where: { $0.pathExtension == "html" }) else {
            return Outcome(report: summarized, files: files)
        }
        let pdf = html.deletingPathExtension().appendingPathExtension("pdf")
        do {
            try writer.printPDF(html: html, to: pdf)
        } catch {
            throw ReportRunError(.output, "the PDF could not be printed: \(error); the other report files were written")
        }
        return Outcome(report: summarized, files: files + [pdf])
    }

    /// The report as the CLI's summary reads it (each analyzer's status, diagnostics and
    /// findings, the summary, the watchlist, the data-quality notes) without its figures,
    /// sections and scope health, so that an audience's edition can be made from the report
    /// in place.
    static func withoutFigures(_ report: HealthReport) -> HealthReport {
        var summary = report
        summary.scopes = []
        summary.dataQuality.suppressedScopes = []
        for index in summary.analyzers.indices {
            summary.analyzers[index].result.metrics = []
            summary.analyzers[index].result.signals = []
            summary.analyzers[index].result.sections = []
        }
        return summary
    }

    /// The history file this run reads and records, or nil for none.
    public func historyFile(_ configuration: Configuration) -> URL? {
        ReportLocations.historyFile(history, configuration: configuration, configFile: configFile, override: outputDirectory)
    }

    /// Reads trends from the history file and records the period in it.
    private func record(
        _ report: consuming HealthReport, configuration: Configuration, fingerprinting: InBackground<SnapshotProvenance>?
    ) throws(ReportRunError) -> HealthReport {
        let historyFile = historyFile(configuration)
        if let historyFile {
            do {
                try FileManager.default.createDirectory(
                    at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                warn("cannot create the folder of \(historyFile.path); the history step reports why")
            }
        }
        var step = ReportHistory(file: historyFile)
        // The inputs are hashed from the run's start, on a thread of their own, when a history
        // file is set (with `--no-history` the work would be thrown away; with a file that turns
        // out unusable, it is). Started with the history step, at 10^4 people with every source
        // (51,000 note files, 230 MB) the hashing was a third thread on two cores while the step
        // compared and recorded, and the recording's last rows waited for it.
        if let fingerprinting { step.fingerprint = { fingerprinting.value } }
        step.allowsReplace = allowsReplace
        step.progress = progress
        step.allowsOrganizationChange = allowsOrganizationChange
        let recorded = step.apply(to: consume report)
        if let refusal = recorded.refusal { throw ReportRunError(.configuration, "\(refusal)") }
        if let reason = recorded.notRecordedReason { warn(reason) }
        let lost = recorded.report.summary.sources.filter { $0.fedPreviousPeriod && !$0.isPresent }
        if !lost.isEmpty {
            warn(lost.map { "\($0.name) (\($0.absenceText ?? "absent"))" }.joined(separator: ", ")
                + " fed \(recorded.report.summary.previousPeriod ?? "the previous period") but \(lost.count == 1 ? "gives" : "give") "
                + "no data now; the health index is withheld")
        }
        return recorded.report
    }
}
