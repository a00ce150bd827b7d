/// Collects row-level diagnostics without letting a bad export flood the report: the first
/// ``perKindLimit`` of each kind are kept with their line, the rest are counted and summed up
/// in one closing diagnostic per kind.
///
/// One collector serves every reader — the roster, the survey, review cycles, one-on-ones —
/// and custom analyzers. Memory is bounded by the number of kinds, not the number of rows.
/// Collectors kept by parallel workers ``merge(_:)`` into the same result as one collector,
/// as long as each note says where in the input it stands (`file` and `line`).
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

    /// Writes the closing diagnostic of a kind that went over the limit, from how many times
    /// the kind was noted, how many of those were listed, and the kind's `summary`.
    public typealias ClosingMessage = @Sendable (_ count: Int, _ listed: Int, _ summary: String) -> String

    /// The closing wording used unless another is given:
    /// "30 dates that could not be read were ignored in all; only the first 20 are listed by line".
    public static let listedByLine: ClosingMessage = { count, listed, summary in
        "\(count) \(summary) in all; only the first \(listed) are listed by line"
    }

    /// The file (base name) the diagnostics are about, unless a note names another.
    public let source: String?
    private let closing: ClosingMessage
    private var entries: [Entry] = []
    private var kinds: [String: Kind] = [:]
    private var noted = 0

    private struct Entry: Sendable {
        let kind: String
        /// Where in the input: the file's index, then the line.
        let position: Int
        /// The order noted, for ties.
        let sequence: Int
        let diagnostic: Diagnostic
    }

    private struct Kind: Sendable {
        var count: Int
        let severity: DiagnosticSeverity
        var source: String?
        let summary: String
        /// The position of the kind's first occurrence in the input.
        var position: Int
        /// When the kind was first noted.
        let sequence: Int
    }

    /// Creates an empty collector for one file (or, with notes that name their own source,
    /// for several). `closing` writes the count that closes a kind over the limit.
    public init(source: String?, closing: @escaping ClosingMessage = DiagnosticCollector.listedByLine) {
        self.source = source
        self.closing = closing
    }

    /// Records one occurrence of `kind`. `summary` describes the kind in the plural for the
    /// closing count (e.g. "rows without an employee_id were skipped").
    ///
    /// - Parameters:
    ///   - severity: the listed diagnostic's severity.
    ///   - closingSeverity: the closing count's severity; the kind's first `severity` unless given.
    ///   - source: the file the note is about, when the collector serves several.
    ///   - file: the index of that file in the input, so notes sort into file order.
    public mutating func note(
        _ kind: String, severity: DiagnosticSeverity = .warning, closingSeverity: DiagnosticSeverity? = nil,
        source: String? = nil, file: Int = 0, line: Int?, message: String, summary: String
    ) {
        let source = source ?? self.source
        let position = file << 40 | (line ?? 0)
        noted += 1
        if var known = kinds[kind] {
            known.count += 1
            if position < known.position { known.position = position; known.source = source }
            kinds[kind] = known
            guard known.count <= Self.perKindLimit else { return }
        } else {
            kinds[kind] = Kind(count: 1, severity: closingSeverity ?? severity, source: source, summary: summary,
                               position: position, sequence: noted)
        }
        entries.append(Entry(kind: kind, position: position, sequence: noted,
                             diagnostic: Diagnostic(severity: severity, source: source, line: line, message: message)))
    }

    /// Adds another collector's notes (e.g. a parallel worker's). Entries of both stay
    /// bounded: ``diagnostics(byLine:)`` lists the first ``perKindLimit`` of each kind.
    public mutating func merge(_ other: DiagnosticCollector) {
        let offset = noted
        for (name, kind) in other.kinds {
            guard var known = kinds[name] else {
                kinds[name] = Kind(count: kind.count, severity: kind.severity, source: kind.source, summary: kind.summary,
                                   position: kind.position, sequence: kind.sequence + offset)
                continue
            }
            known.count += kind.count
            if kind.position < known.position { known.position = kind.position; known.source = kind.source }
            kinds[name] = known
        }
        entries += other.entries.map {
            Entry(kind: $0.kind, position: $0.position, sequence: $0.sequence + offset, diagnostic: $0.diagnostic)
        }
        noted += other.noted
    }

    /// How many times `kind` was noted (listed or not).
    public func count(of kind: String) -> Int { kinds[kind]?.count ?? 0 }

    /// Every kind noted so far with its count, in the order first noted.
    public var kindCounts: [(kind: String, count: Int)] {
        kinds.sorted { $0.value.sequence < $1.value.sequence }.map { ($0.key, $0.value.count) }
    }

    /// The listed diagnostics — the first ``perKindLimit`` of each kind, in the order noted, or
    /// in input order (file, then line; ties keep the order noted) when `byLine` — then one
    /// closing count for each kind that went over the limit: in the order first noted, or in
    /// the input order of each kind's first occurrence when `byLine`.
    public func diagnostics(byLine: Bool = false) -> [Diagnostic] {
        let ordered = byLine
            ? entries.sorted { ($0.position, $0.sequence) < ($1.position, $1.sequence) }
            : entries.sorted { $0.sequence < $1.sequence }
        var shown: [String: Int] = [:]
        var result: [Diagnostic] = []
        for entry in ordered {
            let count = shown[entry.kind, default: 0]
            guard count < Self.perKindLimit else { continue }
            shown[entry.kind] = count + 1
            result.append(entry.diagnostic)
        }
        let closingOrder = byLine
            ? kinds.sorted { ($0.value.position, $0.key) < ($1.value.position, $1.key) }
            : kinds.sorted { $0.value.sequence < $1.value.sequence }
        for (_, kind) in closingOrder where kind.count > Self.perKindLimit {
            result.append(Diagnostic(
                severity: kind.severity, source: kind.source,
                message: closing(kind.count, Self.perKindLimit, kind.summary)))
        }
        return result
    }
}
