import ArgumentParser
import Foundation
import OrgHealthEngine

/// `orghealth analyzers`: lists the analyzers a run would use.
struct AnalyzersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyzers", abstract: "List the available analyzers: id, name, version, inputs, dimensions, origin.")

    @Option(name: .long, help: "A config file (its analyzer settings are shown).")
    var config: String?

    func run() throws {
        let registry = AnalyzerRegistry.builtIn()
        var disabled: Set<String> = []
        if let config {
            do {
                disabled = try ConfigurationLoader(knownAnalyzers: registry.ids).load(URL(fileURLWithPath: config)).disabledAnalyzers
            } catch {
                printError("error: \(error)")
                throw ExitCode(ExitCodes.usage)
            }
        }
        var rows = [["ID", "NAME", "VERSION", "INPUTS", "DIMENSIONS", "ORIGIN"]]
        for entry in registry.entries {
            let descriptor = entry.analyzer.descriptor
            let inputs = descriptor.inputs.map { $0.kind.rawValue + ($0.required ? "" : "?") }.joined(separator: ",")
            rows.append([
                descriptor.id + (disabled.contains(descriptor.id) ? " (disabled)" : ""), descriptor.name, descriptor.version,
                inputs.isEmpty ? "roster" : inputs, descriptor.dimensions.map(\.rawValue).joined(separator: ","), entry.origin,
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { $0.element.rightPadded(widths[$0.offset]) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
    }
}
