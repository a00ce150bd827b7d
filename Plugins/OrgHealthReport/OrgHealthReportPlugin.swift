import Foundation
import PackagePlugin

/// `swift package orghealth-report [orghealth report flags]`: builds this package's
/// `orghealth-analyzer-*` executable products and runs `orghealth report` with each one
/// attached as `--plugin`. Every flag is passed on to `orghealth report`; without `--config`
/// it reads `orghealth.yml` in the package's folder.
@main
struct OrgHealthReportPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let products = context.package.products(ofType: ExecutableProduct.self)
            .filter { $0.name.hasPrefix("orghealth-analyzer-") }
            .sorted { $0.name < $1.name }
        var attached: [String] = []
        for product in products {
            print("building \(product.name)")
            let result = try packageManager.build(.product(product.name), parameters: .init(configuration: .debug, logging: .concise))
            guard result.succeeded else {
                Diagnostics.error(result.logText)
                throw PluginFailure("\(product.name) did not build")
            }
            guard let executable = result.builtArtifacts.first(where: { $0.kind == .executable }) else {
                throw PluginFailure("building \(product.name) produced no executable")
            }
            attached += ["--plugin", executable.url.path]
        }
        if products.isEmpty {
            Diagnostics.warning("this package has no executable products named orghealth-analyzer-*; the report has the built-in analyzers only")
        }
        let tool = try context.tool(named: "orghealth")
        let status = try run(tool.url, ["report"] + arguments + attached, in: context.package.directoryURL)
        guard status == 0 else { throw PluginFailure("orghealth report exited with status \(status)") }
    }

    /// Runs the tool with this process's standard streams and returns its exit status.
    private func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Why the command failed; `swift package` prints it and exits non-zero.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
