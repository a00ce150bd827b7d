/// A data-quality note: a row skipped, a file that could not be read, a value out of range.
///
/// Diagnostics name the file (by its base name, never its contents) and the line, and say
/// what to do. They never quote note or comment text.
public struct Diagnostic: Codable, Sendable, Hashable {
    /// How serious it is.
    public var severity: DiagnosticSeverity
    /// The file (base name) or source the note is about, if any.
    public var source: String?
    /// The 1-based line (or record) number, if any.
    public var line: Int?
    /// What happened and what to do.
    public var message: String

    /// Creates a diagnostic.
    public init(severity: DiagnosticSeverity, source: String? = nil, line: Int? = nil, message: String) {
        self.severity = severity
        self.source = source
        self.line = line
        self.message = message
    }

    /// `source:line: message` (`source, row N: message` for a workbook's sheet), as
    /// `orghealth validate` prints it.
    public var formatted: String {
        var prefix = ""
        if let source { prefix = TabularFile.location(source: source, line: line) + ": " }
        return prefix + "\(severity.rawValue): " + message
    }
}

/// How serious a diagnostic is.
public enum DiagnosticSeverity: String, Codable, Sendable, CaseIterable, Comparable {
    /// Data was rejected.
    case error
    /// Data was accepted with a caveat, or something looks wrong.
    case warning
    /// For information.
    case info

    public static func < (lhs: DiagnosticSeverity, rhs: DiagnosticSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
