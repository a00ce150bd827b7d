/// Collects row-level diagnostics without letting a bad export flood the report: the first
/// ``perKindLimit`` of each kind are kept with their line, the rest are counted and summed up
/// in one closing diagnostic per kind.
///
/// One collector serves every reader (the roster today; the analyzers' own logs can move to
/// it). Memory is bounded by the number of kinds, not the number of rows.
///
/// ```swift
/// var log = DiagnosticCollector(source: "roster.csv")
/// log.note("date", line: 17, message: "hire_date is not an ISO date; the value was ignored",
///          summary: "dates that could not be read were ignored")
/// let diagnostics = log.diagnostics()
/// ```
public struct DiagnosticCollector: Sendable {
    /// How many diagnostics of one kind are listed one by one.
    public static let perKindLimit = 20

    /// The file (base name) the diagnostics are about.
    public let source: String
    private var listed: [(kind: String, sequence: Int, diagnostic: Diagnostic)] = []
    private var counts: [String: Int] = [:]
    private var summaries: [String: (severity: DiagnosticSeverity, text: String)] = [:]
    private var kindOrder: [String] = []

    /// Creates an empty collector for one file.
    public init(source: String) { self.source = source }

    /// Records one occurrence of `kind`. `summary` describes the kind in the plural for the
    /// closing count (e.g. "rows without an employee_id were skipped").
    public mutating func note(
        _ kind: String, severity: DiagnosticSeverity = .warning, line: Int?, message: String, summary: String
    ) {
        let count = counts[kind, default: 0] + 1
        counts[kind] = count
        if count == 1 {
            kindOrder.append(kind)
            summaries[kind] = (severity, summary)
        }
        guard count <= Self.perKindLimit else { return }
        listed.append((kind, listed.count, Diagnostic(severity: severity, source: source, line: line, message: message)))
    }

    /// How many times `kind` was noted (listed or not).
    public func count(of kind: String) -> Int { counts[kind, default: 0] }

    /// Every kind noted so far with its count, in the order first noted.
    public var kindCounts: [(kind: String, count: Int)] { kindOrder.map { ($0, counts[$0, default: 0]) } }

    /// The listed diagnostics — in the order noted, or by line when `byLine` (ties keep the
    /// order noted) — then one closing count for each kind that went over the limit.
    public func diagnostics(byLine: Bool = false) -> [Diagnostic] {
        var entries = listed
        if byLine {
            entries.sort { ($0.diagnostic.line ?? 0, $0.sequence) < ($1.diagnostic.line ?? 0, $1.sequence) }
        }
        var result = entries.map(\.diagnostic)
        for kind in kindOrder {
            let count = counts[kind, default: 0]
            guard count > Self.perKindLimit, let summary = summaries[kind] else { continue }
            result.append(Diagnostic(
                severity: summary.severity, source: source,
                message: "\(count) \(summary.text) in all; only the first \(Self.perKindLimit) are listed by line"))
        }
        return result
    }
}
