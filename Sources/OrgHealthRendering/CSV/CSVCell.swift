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

    /// Appends the cell as ``written`` gives it, without making the text of a plain cell.
    func append(to bytes: inout [UInt8]) {
        switch self {
        case .number(let value): if value.isFinite { bytes.append(contentsOf: NumberText.exact(value).utf8) }
        case .integer(let value): bytes.append(contentsOf: String(value).utf8)
        case .empty: break
        case .text(let text):
            // Most text needs neither the formula marker nor quotes: then its bytes are the cell.
            // A Character that is a formula leader starts with that leader's byte, and the
            // bytes `,` `"` LF CR occur in UTF-8 only as those characters, so checking bytes
            // decides as `escape` does.
            let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
                if let first = utf8.first, Self.formulaLeaderBytes.contains(first) { return false }
                guard !utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return false }
                bytes.append(contentsOf: utf8)
                return true
            }
            if plain != true { bytes.append(contentsOf: Self.escape(text).utf8) }
        }
    }

    /// The first bytes of ``formulaLeaders``.
    private static let formulaLeaderBytes: [UInt8] = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    static func escape(_ text: String) -> String {
        var text = text
        if let first = text.first, formulaLeaders.contains(first) { text = "'" + text }
        // unicodeScalars: "\r\n" is one Character in Swift, so look at scalars for line breaks.
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
