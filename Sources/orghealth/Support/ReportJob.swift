import ArgumentParser
import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthRendering

/// The work shared by `report` and `demo`: load the config, run the pipeline, write the
/// report files atomically, and say what happened.
struct ReportJob {
    var configFile: URL
    var period: String?
    var formats: [ReportFormat]?
    var outputDirectory: URL?
    var strict: Bool
    /// External analyzers given with `--plugin` (executables or folders of them).
    var plugins: [URL] = []
    /// Where history lives: `.configured` follows `history:` in the config, else
    /// `history.sqlite` in the output folder.
    var history: HistoryChoice = .configured
    /// Whether to write the report files (the demo's previous quarter is only recorded).
    var writesFiles = true
    /// `--replace`: a stored snapshot of the period from other inputs may be replaced.
    var allowsReplace = false
    /// `--organization-change`: the history may hold another organization.
    var allowsOrganizationChange = false
    /// Who the written report is for; history always records the full figures.
    var audience: ReportAudience = .hr
    /// Whether to print the HTML to `health-report.pdf` with headless Chromium.
    var printsPDF = false

    /// Where the history database is.
    enum HistoryChoice {
        case configured
        case file(URL)
        case off
    }

    /// What the run produced.
    struct Outcome {
        let report: HealthReport
        let files: [URL]
    }

    func run() async throws -> Outcome {
        let registry: AnalyzerRegistry
        var configuration: Configuration
        do {
            let setup = try await AnalyzerSetup.load(configFile: configFile, plugins: plugins, builtIn: .builtIn())
            registry = setup.registry
            configuration = setup.configuration
            if let period {
                configuration.period = try ReportingPeriod(parsing: period, fiscalYearStart: configuration.fiscalYearStart)
            }
        } catch let error as ReportingPeriod.ParseError {
            printError("error: --period: \(error) (FY26-Q3, FY26-H1 and FY26 work with fiscalYearStart: in the config)")
            throw ExitCode(ExitCodes.usage)
        } catch {
            // A ConfigError or a PluginError: nothing is written.
            printError("error: \(error)")
            throw ExitCode(ExitCodes.usage)
        }
        let directory = outputDirectory ?? configuration.output.directory
            ?? configFile.deletingLastPathComponent().appendingPathComponent("Reports")
        if writesFiles {
            // Refused, not skipped: the next run would read this report as notes or answers.
            do { try configuration.checkOutputPlacement(directory) } catch {
                printError("error: \(error)")
                throw ExitCode(ExitCodes.usage)
            }
        }
        let printer = PDFPrinter()
        if printsPDF && printer == nil && writesFiles {
            printError("error: \(PDFPrinter.installHint); nothing was written")
            throw ExitCode(ExitCodes.usage)
        }
        var report: HealthReport
        do {
            report = try await ReportPipeline(registry: registry, clock: .fromEnvironment())
                .run(configuration, progress: TerminalProgress.reporter())
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitCodes.usage)
        }
        let historyFile: URL?
        switch history {
        case .off: historyFile = nil
        case .file(let url): historyFile = url
        case .configured:
            historyFile = DefaultLocations.historyFile(configuration, configFile: configFile, outputDirectory: directory)
        }
        if let historyFile {
            do {
                try FileManager.default.createDirectory(
                    at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                printError("warning: cannot create the folder of \(historyFile.path); the history step reports why")
            }
        }
        var step = ReportHistory(file: historyFile)
        step.provenance = SnapshotProvenance.of(configuration, tool: report.tool)
        step.allowsReplace = allowsReplace
        step.allowsOrganizationChange = allowsOrganizationChange
        let recorded = step.apply(to: report)
        if let refusal = recorded.refusal {
            printError("error: \(refusal)")
            throw ExitCode(ExitCodes.usage)
        }
        if let reason = recorded.notRecordedReason { printError("warning: \(reason)") }
        report = recorded.report
        let lost = report.summary.sources.filter { $0.fedPreviousPeriod && !$0.isPresent }
        if !lost.isEmpty {
            printError("warning: " + lost.map { "\($0.name) (\($0.absenceText ?? "absent"))" }.joined(separator: ", ")
                + " fed \(report.summary.previousPeriod ?? "the previous period") but \(lost.count == 1 ? "gives" : "give") "
                + "no data now; the health index is withheld")
        }
        guard writesFiles else { return Outcome(report: report, files: []) }
        var written = report
        if audience != .hr {
            // The roster was read once by the pipeline; read again here for the names to keep out.
            let roster: Roster
            do {
                roster = try ReportPipeline(registry: registry, clock: .fromEnvironment()).readRoster(configuration).roster
            } catch {
                printError("error: --audience \(audience.rawValue): \(error)")
                throw ExitCode(ExitCodes.usage)
            }
            if audience == .managers {
                let files = try writeManagerEditions(report, roster: roster, minGroupSize: configuration.privacy.minGroupSize,
                                                     order: configuration.output.heatmapOrder, directory: directory)
                return Outcome(report: report, files: files)
            }
            written = OrganizationAudience(mentions: PersonMentions(roster: roster)).apply(to: report)
        }
        let files: [URL]
        do {
            files = try ReportOutput(formats: formats ?? configuration.output.formats, heatmapOrder: configuration.output.heatmapOrder)
                .write(written, to: directory)
        } catch {
            printError("error: the report could not be written: \(error); any earlier report is unchanged")
            throw ExitCode(ExitCodes.output)
        }
        guard printsPDF, let printer, let html = files.first(where: { $0.pathExtension == "html" }) else {
            return Outcome(report: report, files: files)
        }
        let pdf = html.deletingPathExtension().appendingPathExtension("pdf")
        do {
            try printer.print(html: html, to: pdf)
        } catch {
            printError("error: the PDF could not be printed: \(error); the other report files were written")
            throw ExitCode(ExitCodes.output)
        }
        return Outcome(report: report, files: files + [pdf])
    }

    /// `--audience managers`: `managers/<id>/health-report.html` and `.xml` for every manager
    /// whose line reaches the minimum group size, and `managers/index.html` for HR.
    private func writeManagerEditions(
        _ report: HealthReport, roster: Roster, minGroupSize: Int, order: HeatmapOrder, directory: URL
    ) throws -> [URL] {
        let folder = directory.appendingPathComponent("managers")
        var files: [URL] = []
        var entries: [ManagerIndexRenderer.Entry] = []
        var used: Set<String> = []
        do {
            for edition in ManagerAudience(roster: roster, minGroupSize: minGroupSize).editions(of: report) {
                guard let managerReport = edition.report else {
                    entries.append(.init(managerID: edition.managerID, name: edition.name, lineSize: edition.lineSize,
                                         link: nil, reason: edition.reason))
                    continue
                }
                var name = ManagerFolderName.make(edition.managerID)
                while !used.insert(name).inserted { name += "_" }
                files += try ReportOutput(formats: [.html, .xml], heatmapOrder: order)
                    .write(managerReport, to: folder.appendingPathComponent(name))
                entries.append(.init(managerID: edition.managerID, name: edition.name, lineSize: edition.lineSize,
                                     link: "\(name)/health-report.html", reason: nil))
            }
            let index = folder.appendingPathComponent("index.html")
            try AtomicFileWriter().makeDirectory(folder)
            try AtomicFileWriter().write([(index, try ManagerIndexRenderer().render(entries, report: report))])
            files.append(index)
        } catch {
            printError("error: the manager reports could not be written: \(error)")
            throw ExitCode(ExitCodes.output)
        }
        return files
    }

    /// Exit 1 under `--strict` when an analyzer failed or data was rejected.
    func checkStrict(_ report: HealthReport) throws {
        guard strict else { return }
        let failed = report.analyzers.filter { $0.status == .failed }
        let errors = report.dataQuality.diagnostics.filter { $0.severity == .error }.count
            + report.analyzers.flatMap(\.result.diagnostics).filter { $0.severity == .error }.count
        if !failed.isEmpty || errors > 0 {
            printError("strict: \(failed.count) analyzers failed, \(errors) data errors")
            throw ExitCode(ExitCodes.dataErrors)
        }
    }
}

/// Progress lines on standard error, only when it is a terminal.
enum TerminalProgress {
    static func reporter() -> ProgressReporter {
        guard isatty(STDERR_FILENO) == 1 else { return .silent }
        return ProgressReporter { message, fraction in
            let percent = fraction.map { " \(Int(($0 * 100).rounded()))%" } ?? ""
            printError("… \(message)\(percent)")
        }
    }
}

/// The short terminal summary printed after a report.
enum TerminalSummary {
    static func lines(for report: HealthReport) -> [String] {
        var lines: [String] = []
        let index = report.summary.healthIndex.map { "\(Int($0.rounded())) (\(HealthBand(score: $0).label))" }
            ?? report.summary.coverage?.withheldReason.map { "withheld: \($0)" } ?? "no data"
        lines.append("\(report.organization), \(report.period.label): health index \(index), \(report.summary.headcount) people")
        for score in report.summary.dimensions {
            let value = score.score.map { String(Int($0.rounded())).leftPadded(3) + "  " + HealthBand(score: $0).label } ?? "  —  no data"
            lines.append("  \(score.dimension.displayName.rightPadded(28)) \(value)")
        }
        for run in report.analyzers {
            lines.append("  analyzer \(run.descriptor.id): \(run.status.rawValue)\(run.message.map { " — \($0)" } ?? "")")
        }
        let findings = report.rankedFindings.filter { $0.severity == .critical || $0.severity == .warning }
        lines.append("  \(findings.count) findings need attention; \(report.watchlist.count) teams on the watchlist")
        return lines
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func rightPadded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

/// A folder name for a manager's id: letters, digits, `-`, `_` and `.` kept, anything else
/// (a slash, a space) becomes `_`, so an id can never leave the `managers/` folder.
enum ManagerFolderName {
    static func make(_ id: String) -> String {
        let safe = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "_" + safe : safe
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension ReportAudience: ExpressibleByArgument {}

/// `--format html,xml,json,csv,pdf`: a comma-separated list of formats. `pdf` is printed from
/// the HTML, so it brings `html` with it: the PDF is never the only output.
struct FormatList: ExpressibleByArgument {
    let formats: [ReportFormat]
    /// Whether to print the HTML to PDF as well.
    let pdf: Bool

    init?(argument: String) {
        var formats: [ReportFormat] = []
        var pdf = false
        for part in argument.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "pdf" {
                pdf = true
                continue
            }
            guard let format = ReportFormat(rawValue: name) else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        if pdf && !formats.contains(.html) { formats.append(.html) }
        guard !formats.isEmpty else { return nil }
        self.formats = formats
        self.pdf = pdf
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) + ["pdf"] }
}
