import Foundation
import OrgHealthKit

/// Stands in for an external analyzer that cannot be used — its `describe` failed, it is not
/// executable, or its id is taken — so it still appears in the report, as `failed` with the
/// reason, instead of disappearing or stopping the run.
public struct FailedExternalAnalyzer: Analyzer {
    /// A descriptor derived from the file name (`kudos` for `orghealth-analyzer-kudos.py`).
    public let descriptor: AnalyzerDescriptor
    /// Why it cannot be used.
    public let reason: ExternalAnalyzerError

    /// Creates a stand-in for an executable, with an id (derived from its name unless given).
    public init(executable: URL, reason: ExternalAnalyzerError, id: String? = nil) {
        let name = ExternalProtocol.analyzerName(fromExecutableName: executable.lastPathComponent)
        descriptor = AnalyzerDescriptor(
            id: id ?? name, name: executable.lastPathComponent, version: "unknown",
            summary: "An external analyzer that could not be used.")
        self.reason = reason
    }

    /// Always throws the reason.
    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult { throw reason }
}
