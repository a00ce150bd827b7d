import ArgumentParser
import Foundation
import OrgHealthEngine

/// `orghealth report`: the quarterly job.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Produce the organizational health report from a config file.")

    @Option(name: .long, help: "The config file.")
    var config: String = "orghealth.yml"

    @Option(name: .long, help: "Output formats, comma-separated: html, xml, json, csv, pdf (printed from the HTML with headless Chromium).")
    var format: FormatList?

    @Option(name: .long, help: "The output folder (default: output.directory of the config, else Reports/ beside it).")
    var output: String?

    @Option(name: .long, help: "The period, overriding the config: 2026-Q3, 2026-H2, 2026, 2026-07, 2026-07-01..2026-09-30; FY26-Q3 with fiscalYearStart in the config.")
    var period: String?

    @Flag(name: .long, help: "Exit 1 when an analyzer failed or data was rejected.")
    var strict = false

    @Option(name: .long, help: "Who the report is for: hr (everything), organization (no person's name or employee id) or managers (one report per manager under managers/, and an index).")
    var audience: ReportAudience = .hr

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "An external analyzer executable, or a folder of orghealth-analyzer-* executables (repeatable).",
        valueName: "path"))
    var plugins: [String] = []

    @Option(name: .long, help: "The history database (default: history: in the config, else history.sqlite in the output folder).")
    var history: String?

    @Flag(name: .long, help: "Neither read nor record history (no trends).")
    var noHistory = false

    @Flag(name: .long, help: "Replace the period's stored snapshot even though its config or input files differ.")
    var replace = false

    @Flag(name: .long, help: "Record the period although the history holds another organization (a renamed one).")
    var organizationChange = false

    func validate() throws {
        if noHistory && history != nil { throw ValidationError("--history and --no-history exclude each other") }
    }

    func run() async throws {
        var run = ReportRun(configFile: URL(fileURLWithPath: config), writer: RenderedReportWriter())
        run.period = period
        run.formats = format?.formats
        run.outputDirectory = output.map { URL(fileURLWithPath: $0) }
        run.plugins = plugins.map { URL(fileURLWithPath: $0) }
        run.history = noHistory ? .off : history.map { .file(URL(fileURLWithPath: $0)) } ?? .configured
        run.allowsReplace = replace
        run.allowsOrganizationChange = organizationChange
        run.audience = audience
        run.printsPDF = format?.pdf ?? false
        run.progress = TerminalProgress.reporter()
        run.warn = { printError("warning: \($0)") }
        let outcome: ReportRun.Outcome
        do throws(ReportRunError) { outcome = try await run.run() } catch { throw error.exit() }
        LeftToExit.keep(outcome)
        for file in outcome.files { print(file.path) }
        for line in ProblemSummary.lines(for: outcome.report) { printError(line) }
        if strict, let failure = ReportRunError.strictFailure(of: outcome.report) { throw failure.exit() }
    }
}
