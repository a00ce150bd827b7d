import ArgumentParser
import Foundation

/// `orghealth report`: the quarterly job.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Produce the organizational health report from a config file.")

    @Option(name: .long, help: "The config file.")
    var config: String = "orghealth.yml"

    @Option(name: .long, help: "Output formats, comma-separated: html, xml, json.")
    var format: FormatList?

    @Option(name: .long, help: "The output folder (default: output.directory of the config, else Reports/ beside it).")
    var output: String?

    @Option(name: .long, help: "The period, overriding the config: 2026-Q3, 2026-H2, 2026, 2026-07.")
    var period: String?

    @Flag(name: .long, help: "Exit 1 when an analyzer failed or data was rejected.")
    var strict = false

    func run() async throws {
        let job = ReportJob(
            configFile: URL(fileURLWithPath: config), period: period, formats: format?.formats,
            outputDirectory: output.map { URL(fileURLWithPath: $0) }, strict: strict)
        let outcome = try await job.run()
        for file in outcome.files { print(file.path) }
        try job.checkStrict(outcome.report)
    }
}
