import OrgHealthKit

extension DiagnosticCollector {
    /// The log of one review file: a kind of problem over the limit closes with
    /// "5 more rows had the same problem (…); only the first 20 are listed by line".
    static func reviewLog(source: String) -> DiagnosticCollector {
        DiagnosticCollector(source: source) { count, listed, summary in
            "\(count - listed) more rows had the same problem (\(summary)); only the first \(listed) are listed by line"
        }
    }

    /// Records a problem of a row: an error when it skips the row, a warning otherwise.
    mutating func record(_ problem: RowProblem, line: Int) {
        note(problem.kind, severity: problem.skipsRow ? .error : .warning, closingSeverity: .warning,
             line: line, message: problem.message, summary: Self.summary(of: problem))
    }

    private static func summary(of problem: RowProblem) -> String {
        switch problem {
        case .revieweeUnknown: return "reviewee not in the roster"
        default:
            let message = problem.message
            return message.split(separator: ";").first.map(String.init) ?? message
        }
    }
}
