import OrgHealthKit

/// Collects the diagnostics of one file, keeping the first few of each kind of problem with
/// their line and summarising the rest, so that a file full of errors cannot fill memory.
struct ProblemLog: Sendable {
    /// How many rows of one kind of problem are reported by line.
    static let linesPerKind = 20

    let source: String
    private(set) var diagnostics: [Diagnostic] = []
    private var counts: [String: Int] = [:]
    private var firstMessages: [String: String] = [:]
    private var order: [String] = []

    init(source: String) { self.source = source }

    mutating func record(_ problem: RowProblem, line: Int) {
        let kind = problem.kind
        let count = (counts[kind] ?? 0) + 1
        counts[kind] = count
        if count == 1 { order.append(kind) }
        guard count <= Self.linesPerKind else { return }
        diagnostics.append(Diagnostic(
            severity: problem.skipsRow ? .error : .warning, source: source, line: line, message: problem.message))
        if count == 1 { firstMessages[kind] = Self.summary(of: problem) }
    }

    /// The diagnostics, with one more per kind of problem that occurred more often than was listed.
    func finished() -> [Diagnostic] {
        var all = diagnostics
        for kind in order {
            guard let count = counts[kind], count > Self.linesPerKind else { continue }
            all.append(Diagnostic(
                severity: .warning, source: source,
                message: "\(count - Self.linesPerKind) more rows had the same problem (\(firstMessages[kind] ?? kind)); "
                    + "only the first \(Self.linesPerKind) are listed by line"))
        }
        return all
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
