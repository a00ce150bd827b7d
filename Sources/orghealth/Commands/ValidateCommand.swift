import ArgumentParser
import Foundation
import OrgHealthEngine
import OrgHealthKit

/// `orghealth validate`: checks the config and every input, printing each problem as
/// `file:line: severity: message`. Writes nothing.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check the config and the inputs; print every problem as file:line: message.")

    @Option(name: .long, help: "The config file.")
    var config: String = "orghealth.yml"

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "An external analyzer executable, or a folder of orghealth-analyzer-* executables (repeatable).",
        valueName: "path"))
    var plugins: [String] = []

    func run() async throws {
        var run = ReportRun(configFile: URL(fileURLWithPath: config), writer: nil)
        run.plugins = plugins.map { URL(fileURLWithPath: $0) }
        let setup: AnalyzerSetup
        let validation: ReportRun.Validation
        do throws(ReportRunError) {
            setup = try await run.setUp()
            validation = try await run.validate(setup)
        } catch {
            print(error.message)
            throw ExitCode(error.exitCode)
        }
        print("roster \(setup.configuration.roster.lastPathComponent):")
        for line in RosterSummary(validation.rosterOutput, period: setup.configuration.period).lines { print("  " + line) }
        for problem in validation.problems { print(problem.formatted) }
        print("\(validation.problems.count) problems, \(validation.errorCount) errors")
        if validation.errorCount > 0 { throw ExitCode(ExitCodes.dataErrors) }
    }
}
