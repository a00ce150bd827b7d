import OrgHealthKit

/// Collects row-level diagnostics without letting a bad export flood the report: the first
/// few of each kind (in file order) are kept with their line, the rest are counted and
/// summarised once. Logs kept by parallel workers merge into the same result as one log.
struct DiagnosticLog: Sendable {
    /// How many diagnostics of one kind are listed one by one.
    static let perKindLimit = 20

    private struct Entry: Sendable {
        let kind: String
        /// File order: the export's position, then the line.
        let order: Int
        let diagnostic: Diagnostic
    }

    private var entries: [Entry] = []
    private var counts: [String: Int] = [:]
    private var summaries: [String: (source: String, severity: DiagnosticSeverity, text: String, order: Int)] = [:]

    /// Records one occurrence of `kind` at `line` of the `export`-th file. `summary` describes
    /// the kind in the plural, for the closing count (e.g. "responses whose team is not in
    /// the roster were skipped").
    mutating func note(
        _ kind: String, severity: DiagnosticSeverity = .warning, source: String, export: Int = 0, line: Int?,
        message: String, summary: String
    ) {
        let count = counts[kind, default: 0] + 1
        counts[kind] = count
        let order = export << 40 | (line ?? 0)
        if count == 1 { summaries[kind] = (source, severity, summary, order) }
        if count <= Self.perKindLimit {
            entries.append(Entry(kind: kind, order: order,
                                 diagnostic: Diagnostic(severity: severity, source: source, line: line, message: message)))
        }
    }

    /// Adds another log's notes (e.g. a parallel worker's).
    mutating func merge(_ other: DiagnosticLog) {
        for (kind, count) in other.counts { counts[kind, default: 0] += count }
        for (kind, summary) in other.summaries {
            if let mine = summaries[kind], mine.order <= summary.order { continue }
            summaries[kind] = summary
        }
        entries += other.entries
    }

    /// The diagnostics in file order — the first ``perKindLimit`` of each kind — then one
    /// closing count per kind that went over the limit.
    var all: [Diagnostic] {
        var listed: [String: Int] = [:]
        var result: [Diagnostic] = []
        for (_, entry) in entries.enumerated().sorted(by: { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }) {
            let shown = listed[entry.kind, default: 0]
            guard shown < Self.perKindLimit else { continue }
            listed[entry.kind] = shown + 1
            result.append(entry.diagnostic)
        }
        for (kind, summary) in summaries.sorted(by: { ($0.value.order, $0.key) < ($1.value.order, $1.key) }) {
            let count = counts[kind, default: 0]
            guard count > Self.perKindLimit else { continue }
            result.append(Diagnostic(
                severity: summary.severity, source: summary.source,
                message: "\(count) \(summary.text) in all; only the first \(Self.perKindLimit) are listed"))
        }
        return result
    }
}
