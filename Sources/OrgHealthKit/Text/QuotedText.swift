/// Quoting text for the files OrgHealth writes: config drafts, sample data, JSON Lines.
public enum QuotedText {
    /// `text` as a JSON string literal, quotes included: `"`, `\` and the C0 controls are
    /// escaped (`\n`, `\r`, `\t`, else `\u00XX`). The same literal is a valid YAML
    /// double-quoted scalar (YAML 1.2 takes JSON's escapes), so one function serves both.
    public static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
