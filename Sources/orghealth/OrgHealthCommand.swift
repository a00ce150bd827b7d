import ArgumentParser
import Foundation
import OrgHealthEngine

/// `orghealth`: the organizational health report tool.
@main
struct OrgHealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orghealth",
        abstract: "Turn roster, one-on-one notes, review cycles and surveys into an organizational health report.",
        discussion: """
        Exit codes: 0 success; 1 data errors or failed analyzers under --strict, or validate found errors; \
        2 usage or configuration error (nothing written); 3 the report could not be written.
        """,
        version: OrgHealthVersion.current,
        subcommands: [
            ReportCommand.self, DemoCommand.self, SampleCommand.self, ValidateCommand.self, AnalyzersCommand.self,
            SchemaCommand.self, InitCommand.self, HistoryCommand.self, SurveyCommand.self,
        ])

    /// Parses and runs, mapping every usage error to exit code 2 (argument-parser's default is 64).
    static func main() async {
        AllocatorTuning.install()
        SignalCancellation.install()
        // Every child of orghealth is an external analyzer: what one leaves running is adopted,
        // killed and reaped (issue 14, row 7).
        LiveAnalyzers.adoptOrphans()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                var stream = code == .success ? StandardStream.output : StandardStream.error
                print(message, to: &stream)
            }
            exit(withError: code == .validationFailure ? ExitCode(ExitCodes.usage) : code)
        }
    }
}

/// The documented exit codes.
enum ExitCodes {
    static let dataErrors: Int32 = 1
    static let usage: Int32 = 2
    static let output: Int32 = 3
}

/// Standard output and error as text streams.
struct StandardStream: TextOutputStream {
    let handle: FileHandle
    static var output: StandardStream { StandardStream(handle: .standardOutput) }
    static var error: StandardStream { StandardStream(handle: .standardError) }
    mutating func write(_ string: String) { handle.write(Data(string.utf8)) }
}

/// Prints to standard error.
func printError(_ message: String) {
    var stream = StandardStream.error
    print(message, to: &stream)
}
