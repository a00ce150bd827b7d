import ArgumentParser
import OrgHealthEngine

/// The one place a report run's error becomes a message and an exit code
/// (docs/OUTPUTS.md, "Exit codes").
extension ReportRunError {
    /// The documented exit code of this kind of error.
    var exitCode: Int32 {
        switch kind {
        case .configuration, .input: return ExitCodes.usage
        case .data: return ExitCodes.dataErrors
        case .output: return ExitCodes.output
        }
    }

    /// Prints the message on standard error (`strict:` for a data error, else `error:`) and
    /// returns the exit to throw.
    func exit() -> ExitCode {
        printError("\(kind == .data ? "strict" : "error"): \(message)")
        return ExitCode(exitCode)
    }
}
