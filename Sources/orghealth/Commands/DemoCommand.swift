import ArgumentParser
import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthSampleData

/// `orghealth demo`: the whole job on the built-in demo organization.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the demo organization in a scratch folder and write its report to Reports/demo/.")

    static let defaultPeriod = "2026-Q3"

    @Option(name: .long, help: "The output folder.")
    var output: String = "Reports/demo"

    @Option(name: .long, help: "How many employees the demo organization has.")
    var employees: Int = 240

    @Option(name: .long, help: "Output formats, comma-separated: html, xml, json, csv, pdf (printed from the HTML with headless Chromium).")
    var format: FormatList?

    @Option(name: .long, help: "Who the report is for: hr (everything), organization (no person's name or employee id) or managers (one report per manager under managers/, and an index).")
    var audience: ReportAudience = .hr

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "An external analyzer executable, or a folder of orghealth-analyzer-* executables (repeatable).",
        valueName: "path"))
    var plugins: [String] = []

    func run() async throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("orghealth-demo-\(ProcessInfo.processInfo.processIdentifier)")
        // A leftover temporary folder harms nothing; the demo's own outcome is what counts.
        defer { try? FileManager.default.removeItem(at: scratch) }
        let period = try ReportingPeriod(parsing: Self.defaultPeriod)
        let history = scratch.appendingPathComponent("history.sqlite")
        let pluginURLs = plugins.map { URL(fileURLWithPath: $0) }
        // The previous quarter first, recorded in a scratch history, so the report shows trends.
        let previous = try SampleOrganization(employees: employees, period: period.previous, managersInDecline: false)
            .write(to: scratch.appendingPathComponent(period.previous.label))
        var record = ReportRun(configFile: previous.configFile, writer: nil)
        record.outputDirectory = scratch
        record.plugins = pluginURLs
        record.history = .file(history)
        record.progress = TerminalProgress.reporter()
        record.warn = { printError("warning: \($0)") }
        do throws(ReportRunError) { _ = try await record.run() } catch { throw error.exit() }
        let manifest = try SampleOrganization(employees: employees, period: period)
            .write(to: scratch.appendingPathComponent(period.label))
        var run = ReportRun(configFile: manifest.configFile, writer: RenderedReportWriter())
        run.formats = format?.formats ?? [.html, .xml, .json, .csv]
        run.outputDirectory = URL(fileURLWithPath: output)
        run.plugins = pluginURLs
        run.history = .file(history)
        run.audience = audience
        run.printsPDF = format?.pdf ?? false
        run.progress = TerminalProgress.reporter()
        run.warn = { printError("warning: \($0)") }
        let outcome: ReportRun.Outcome
        do throws(ReportRunError) { outcome = try await run.run() } catch { throw error.exit() }
        for line in TerminalSummary.lines(for: outcome.report) { print(line) }
        print("")
        for file in outcome.files { print("wrote \(file.path)") }
    }
}
