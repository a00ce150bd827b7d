/// An error reported by libxml2 (or by this wrapper around it).
///
/// `message` is libxml2's own message, trimmed, with control characters
/// removed and capped in length. It never contains the echoed excerpt of the
/// input (the "context line" and caret that libxml2's default printer adds),
/// but note that libxml2 messages may quote element/attribute names and, for
/// some schema facet errors, the offending value.
public struct LibXMLError: Error, CustomStringConvertible, Sendable, Equatable {
    /// libxml2's message, trimmed; never includes input snippets.
    public let message: String
    /// The 1-based line in the input, if known.
    public let line: Int?
    /// The 1-based column in the input, if known.
    public let column: Int?

    /// Creates an error. `message` is trimmed and cleaned like libxml2's messages.
    public init(message: String, line: Int? = nil, column: Int? = nil) {
        self.message = LibXMLError.clean(message)
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = column.flatMap { $0 > 0 ? $0 : nil }
    }

    /// `"line L, column C: message"`, or just the message when the position is unknown.
    public var description: String {
        switch (line, column) {
        case let (line?, column?): return "line \(line), column \(column): \(message)"
        case let (line?, nil): return "line \(line): \(message)"
        default: return message
        }
    }

    /// Longest message kept, in characters.
    static let maximumMessageLength = 300

    /// Trims whitespace, turns control characters into spaces and caps the length.
    static func clean(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            scalars.append(isControl ? " " : scalar)
        }
        let trimmed = String(scalars).trimmingASCIIWhitespace()
        guard trimmed.count > maximumMessageLength else { return trimmed }
        return String(trimmed.prefix(maximumMessageLength)) + "…"
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " })
        else { return "" }
        return String(scalars[first...last])
    }
}
