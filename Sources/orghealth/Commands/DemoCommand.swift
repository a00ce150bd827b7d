import ArgumentParser
import Foundation
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

    @Option(name: .long, help: "Output formats, comma-separated: html, xml, json.")
    var format: FormatList?

    func run() async throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("orghealth-demo-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let period = try ReportingPeriod(parsing: Self.defaultPeriod)
        let manifest = try SampleOrganization(employees: employees, period: period).write(to: scratch)
        let job = ReportJob(
            configFile: manifest.configFile, period: nil, formats: format?.formats ?? [.html, .xml, .json],
            outputDirectory: URL(fileURLWithPath: output), strict: false)
        let outcome = try await job.run()
        for line in TerminalSummary.lines(for: outcome.report) { print(line) }
        print("")
        for file in outcome.files { print("wrote \(file.path)") }
    }
}
