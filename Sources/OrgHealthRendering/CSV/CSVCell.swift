/// One cell of the CSV report, written so that a spreadsheet shows it as data.
///
/// Text is quoted per RFC 4180 when it holds a comma, a quote or a line break (quotes
/// doubled). Text that a spreadsheet would run as a formula — starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return (OWASP "CSV Injection"; the same set League\Csv's
/// `EscapeFormula` uses) — gets a leading `'`, the "treat as text" marker of Excel, LibreOffice
/// Calc and Google Sheets. Numbers are written bare, so `-0.04` stays a number.
enum CSVCell {
    /// A number, unrounded (the shortest decimal that round-trips).
    case number(Double)
    /// A whole number.
    case integer(Int)
    /// Text from the report (ids, names): escaped.
    case text(String)
    /// No value.
    case empty

    /// The characters that make a spreadsheet read a cell as a formula when they lead it.
    static let formulaLeaders: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    var written: String {
        switch self {
        case .number(let value): return value.isFinite ? NumberText.exact(value) : ""
        case .integer(let value): return String(value)
        case .empty: return ""
        case .text(let text): return Self.escape(text)
        }
    }

    static func escape(_ text: String) -> String {
        var text = text
        if let first = text.first, formulaLeaders.contains(first) { text = "'" + text }
        // unicodeScalars: "\r\n" is one Character in Swift, so look at scalars for line breaks.
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
