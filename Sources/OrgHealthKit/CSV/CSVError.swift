/// Why a CSV file could not be read, or why one of its records was rejected.
///
/// The ``description`` names the file (by its base name), the line and what to do, e.g.
/// `roster.csv:17: the file is not UTF-8 (byte 0xE9); save it as UTF-8 and run again`.
/// Turn it into a report diagnostic with ``diagnostic``.
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The file does not exist, is not readable or is a directory.
        case cannotOpen
        /// The input is not valid UTF-8. Fatal: the reader returns no more records.
        case invalidUTF8
        /// A quoted field is still open at the end of the input. Fatal.
        case unterminatedQuote
        /// A record has a different number of fields than ``CSVReader/expectedFieldCount``.
        /// Not fatal: the record is skipped and reading continues with the next one.
        case raggedRow(expected: Int, found: Int)
        /// Reading from the file failed part-way. Fatal.
        case readFailed
        /// The file is not delimited text: a workbook (`.xlsx`, `.xls`, `.ods`, `.numbers`) or
        /// another format this reader cannot take. ``CSVError/reason`` says what to do. Fatal.
        case unsupportedFormat
    }

    /// What went wrong.
    public let kind: Kind
    /// The input's name: a file's base name, or the name given to an in-memory reader.
    public let source: String
    /// The 1-based row concerned, as a spreadsheet numbers rows (see ``CSVReader``): where the
    /// bad byte is, where the unclosed quoted field or the ragged record starts, or where
    /// reading stopped. `nil` for ``Kind/cannotOpen`` and ``Kind/unsupportedFormat``.
    public let line: Int?
    /// The offending byte, for ``Kind/invalidUTF8`` (the first byte of the bad sequence).
    public let byte: UInt8?
    /// The 0-based offset in the file of ``byte``, for ``Kind/invalidUTF8``.
    public let offset: Int?
    /// The operating system's explanation, for ``Kind/cannotOpen`` and ``Kind/readFailed``.
    public let reason: String?

    /// Creates an error.
    public init(kind: Kind, source: String, line: Int?, byte: UInt8? = nil, offset: Int? = nil, reason: String? = nil) {
        self.kind = kind
        self.source = source
        self.line = line
        self.byte = byte
        self.offset = offset
        self.reason = reason
    }

    /// What happened and what to do, without the `file:line:` prefix.
    public var message: String {
        let because = reason.map { " (\($0))" } ?? ""
        switch kind {
        case .cannotOpen:
            return "cannot open the file\(because); check the path and that the file is readable"
        case .invalidUTF8:
            let at = offset.map { " at byte offset \($0)" } ?? ""
            let hex = byte.map { " (byte 0x" + hexDigits($0) + at + ")" } ?? ""
            return "the file is not UTF-8\(hex); save it as UTF-8, or if it is in another encoding, declare it for "
                + "this source in the config (encoding: windows-1252 or encoding: iso-8859-1)"
        case .unterminatedQuote:
            return "a quoted field starting on this line is never closed; add the missing closing quote "
                + "(a quote inside a quoted field is written twice: \"\")"
        case .raggedRow(let expected, let found):
            return "the row has \(found) field\(found == 1 ? "" : "s") but \(expected) \(expected == 1 ? "was" : "were") "
                + "expected, so it was skipped; quote fields that contain commas and check for missing or extra commas"
        case .readFailed:
            return "reading the file failed\(because); check the file (or copy it to a local disk) and run again"
        case .unsupportedFormat:
            return reason ?? "the file is not delimited text; save it as CSV (UTF-8) and run again"
        }
    }

    /// `file:line: message`, e.g. `roster.csv:17: the file is not UTF-8 (byte 0xE9); save it as UTF-8 and run again`.
    public var description: String {
        "\(TabularFile.location(source: source, line: line)): \(message)"
    }

    /// The error as a report diagnostic (severity `error`), naming the file and line.
    public var diagnostic: Diagnostic {
        Diagnostic(severity: .error, source: source, line: line, message: message)
    }

    /// Whether the reader stops after this error (everything but a ragged row).
    public var isFatal: Bool {
        if case .raggedRow = kind { return false }
        return true
    }

    private func hexDigits(_ value: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4)], digits[Int(value & 0x0F)]])
    }
}
