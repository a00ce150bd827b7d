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
        let registry: AnalyzerRegistry
        let configuration: Configuration
        do {
            let setup = try await AnalyzerSetup.load(
                configFile: URL(fileURLWithPath: config), plugins: plugins.map { URL(fileURLWithPath: $0) },
                builtIn: .builtIn())
            registry = setup.registry
            configuration = setup.configuration
        } catch {
            print("\(error)")
            throw ExitCode(ExitCodes.usage)
        }
        let pipeline = ReportPipeline(registry: registry, clock: .fromEnvironment())
        let rosterOutput: RosterReader.Output
        do {
            rosterOutput = try pipeline.readRoster(configuration)
        } catch {
            print("\(error)")
            throw ExitCode(ExitCodes.usage)
        }
        print("roster \(configuration.roster.lastPathComponent):")
        for line in RosterSummary(rosterOutput, period: configuration.period).lines { print("  " + line) }
        let report = await pipeline.run(configuration, rosterOutput: rosterOutput)
        var problems = report.dataQuality.diagnostics.filter { !($0.source.map(registry.ids.contains) ?? false) }
        for run in report.analyzers {
            problems += run.result.diagnostics
            if run.status == .failed {
                problems.append(Diagnostic(severity: .error, source: run.descriptor.id, message: run.message ?? "failed"))
            }
        }
        for problem in problems { print(problem.formatted) }
        let errors = problems.filter { $0.severity == .error }.count
        print("\(problems.count) problems, \(errors) errors")
        if errors > 0 { throw ExitCode(ExitCodes.dataErrors) }
    }
}
