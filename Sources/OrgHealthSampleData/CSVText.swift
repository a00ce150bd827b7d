/// RFC 4180 CSV text building: a field is quoted when it holds a comma, a quote, a line break
/// or surrounding spaces, and quotes inside are doubled.
enum CSVText {
    /// One field, quoted only when needed.
    static func field(_ value: String) -> String {
        var needsQuotes = false
        for byte in value.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if let first = value.utf8.first, first == 0x20 { needsQuotes = true }
        if let last = value.utf8.last, last == 0x20 { needsQuotes = true }
        guard needsQuotes else { return value }
        var quoted = "\""
        quoted.reserveCapacity(value.utf8.count + 8)
        for scalar in value.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append(scalar) }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }

    /// One record: the fields joined by commas, then the line ending.
    static func row(_ fields: [String], lineEnding: String = "\n") -> String {
        var line = ""
        for (position, value) in fields.enumerated() {
            if position > 0 { line += "," }
            line += field(value)
        }
        return line + lineEnding
    }
}
