import ArgumentParser
import Foundation
import OrgHealthEngine

/// `orghealth analyzers`: lists the analyzers a run would use, built-in and external, with
/// where each came from.
struct AnalyzersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyzers", abstract: "List the available analyzers: id, name, version, inputs, dimensions, origin.")

    @Option(name: .long, help: "A config file (its analyzer settings and plugins.paths are used).")
    var config: String?

    @Option(name: .customLong("plugin"), help: ArgumentHelp(
        "An external analyzer executable, or a folder of orghealth-analyzer-* executables (repeatable).",
        valueName: "path"))
    var plugins: [String] = []

    @Flag(name: .long, help: "Also list each analyzer's declared options: name, type, default and what it does.")
    var options = false

    func run() async throws {
        let pluginURLs = plugins.map { URL(fileURLWithPath: $0) }
        let registry: AnalyzerRegistry
        var disabled: Set<String> = []
        do {
            if let config {
                let setup = try await AnalyzerSetup.load(
                    configFile: URL(fileURLWithPath: config), plugins: pluginURLs, builtIn: .builtIn())
                registry = setup.registry
                disabled = setup.configuration.disabledAnalyzers
            } else {
                registry = try await PluginDiscovery().registry(extending: .builtIn(), locations: pluginURLs)
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitCodes.usage)
        }
        var rows = [["ID", "NAME", "VERSION", "INPUTS", "DIMENSIONS", "ORIGIN"]]
        var problems: [String] = []
        for entry in registry.entries {
            let descriptor = entry.analyzer.descriptor
            let inputs = descriptor.inputs.map { $0.kind.rawValue + ($0.required ? "" : "?") }.joined(separator: ",")
            var id = descriptor.id
            if disabled.contains(id) { id += " (disabled)" }
            if let failed = entry.analyzer as? FailedExternalAnalyzer {
                id += " (unusable)"
                problems.append("\(descriptor.id): \(failed.reason)")
            }
            rows.append([
                id, descriptor.name, descriptor.version, inputs.isEmpty ? "roster" : inputs,
                descriptor.dimensions.map(\.rawValue).joined(separator: ","), entry.origin,
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { $0.element.rightPadded(widths[$0.offset]) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
        if !problems.isEmpty {
            print("")
            for problem in problems { print("unusable: \(problem)") }
        }
        if options { printOptions(registry) }
    }

    /// `analyzers.<id>.<name>  type  default  doc`, per analyzer.
    private func printOptions(_ registry: AnalyzerRegistry) {
        for entry in registry.entries {
            let descriptor = entry.analyzer.descriptor
            print("")
            guard let declared = descriptor.options else {
                print("\(descriptor.id): declares no options (they are not checked)")
                continue
            }
            print("\(descriptor.id): options (plus enabled and timeoutSeconds)")
            for option in declared {
                let fallback = option.defaultValue.map { " = \($0)" } ?? ""
                print("  \(option.name) (\(option.type.rawValue)\(fallback)): \(option.doc)")
            }
        }
    }
}
