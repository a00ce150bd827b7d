/// The external-analyzer protocol: how the `orghealth` host and an analyzer executable in any
/// language talk to each other.
///
/// An external analyzer is an executable named `orghealth-analyzer-<name>` with two commands:
/// - `describe` prints a ``DescribeResponse`` (its descriptor and the protocol version) as JSON;
/// - `analyze` reads an ``AnalyzeRequest`` as JSON on standard input and prints an
///   ``AnalyzeResponse`` (an ``AnalyzerResult``, plus the protocol version) as JSON on standard
///   output, exiting 0.
///
/// Anything the executable writes to standard error is kept by the host, and its last lines
/// appear in the report's diagnostics. A Swift analyzer gets all of this from ``AnalyzerMain``.
public enum ExternalProtocol {
    /// The version of the protocol this OrgHealthKit speaks. Both sides check it: a host refuses
    /// an analyzer that describes itself with another version, and ``AnalyzerMain`` refuses a
    /// request of another version.
    public static let version = 1

    /// The prefix every external analyzer's file name starts with.
    public static let executablePrefix = "orghealth-analyzer-"

    /// The exit status of a successful `describe` or `analyze`.
    public static let exitSuccess: Int32 = 0
    /// The exit status when the analysis could not be done (a missing column, an unreadable file).
    public static let exitAnalysisFailed: Int32 = 1
    /// The exit status of a usage or protocol error (an unknown command, a request that does not
    /// decode, an unsupported protocol version).
    public static let exitUsage: Int32 = 2

    /// The analyzer name an executable's file name implies: `kudos` for
    /// `orghealth-analyzer-kudos` or `orghealth-analyzer-kudos.py` (prefix and extension dropped).
    public static func analyzerName(fromExecutableName fileName: String) -> String {
        var name = Substring(fileName)
        if name.hasPrefix(executablePrefix) { name = name.dropFirst(executablePrefix.count) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return name.isEmpty ? fileName : String(name)
    }
}
