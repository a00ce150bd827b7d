/// How one tabular source is read: the per-source options of the config
/// (`sources: {kind: {file: …, delimiter: …, encoding: …, sheet: …}}`).
///
/// Every option may be left out: the delimiter is then detected from the header row, the
/// encoding is UTF-8 (or UTF-16 when the file starts with its byte order mark), and a
/// workbook's first sheet is read.
///
/// ```swift
/// let options = TabularOptions(delimiter: .semicolon, encoding: .windows1252)
/// var reader = try TabularFile.open(url, options: options)
/// ```
public struct TabularOptions: Sendable, Hashable, Codable {
    /// The field delimiter; `nil` to detect it from the header row.
    public var delimiter: TabularDelimiter?
    /// The declared encoding; `nil` for UTF-8. A UTF-16 byte order mark overrides it.
    public var encoding: TabularEncoding?
    /// The sheet of a workbook (`.xlsx`) to read; `nil` for the first. Ignored for text files.
    public var sheet: String?

    /// Creates options; with no arguments, everything is detected.
    public init(delimiter: TabularDelimiter? = nil, encoding: TabularEncoding? = nil, sheet: String? = nil) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.sheet = sheet
    }

    /// Whether every option is left to detection.
    public var isDefault: Bool { delimiter == nil && encoding == nil && sheet == nil }
}
