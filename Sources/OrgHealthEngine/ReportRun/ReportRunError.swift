import OrgHealthKit

/// Why a report run stopped, or (``Kind/data``) why `--strict` fails it. The kind says whose
/// fault it is and so which exit code the CLI gives (docs/OUTPUTS.md, "Exit codes"); the
/// message names the file and what to do.
public struct ReportRunError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, by who has to fix it.
    public enum Kind: Sendable, Equatable {
        /// The config, a flag, a plugin location, the output folder's place, or what the run
        /// would do to the history (another organization, other inputs): fix the config or the
        /// command line. Nothing is written.
        case configuration
        /// An input the run cannot go without, the roster, cannot be read. Nothing is written.
        case input
        /// Data was rejected or an analyzer failed, under `--strict`. The report is written.
        case data
        /// The report, the manager editions or the PDF could not be written. An earlier report
        /// is unchanged.
        case output
    }

    /// Whose fault it is.
    public let kind: Kind
    /// What happened and what to do, without an `error:` prefix.
    public let message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The `--strict` verdict on a report: a ``Kind/data`` error when an analyzer failed or
    /// data was rejected (an error diagnostic), else nil.
    public static func strictFailure(of report: HealthReport) -> ReportRunError? {
        let failed = report.analyzers.filter { $0.status == .failed }
        let errors = report.dataQuality.diagnostics.filter { $0.severity == .error }.count
            + report.analyzers.flatMap(\.result.diagnostics).filter { $0.severity == .error }.count
        guard !failed.isEmpty || errors > 0 else { return nil }
        return ReportRunError(.data, "\(failed.count) analyzers failed, \(errors) data errors")
    }
}
