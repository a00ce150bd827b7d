import OrgHealthKit

extension DiagnosticCollector {
    /// The survey's row log: notes name their own export (`source:`, `file:`), and a kind over
    /// the limit closes with "… in all; only the first 20 are listed". Logs kept by parallel
    /// workers merge into the same result as one log.
    static func surveyLog() -> DiagnosticCollector {
        DiagnosticCollector(source: nil) { count, listed, summary in
            "\(count) \(summary) in all; only the first \(listed) are listed"
        }
    }
}
