/// A CSV file's header record: finds the column that holds a canonical field.
///
/// Column names are matched by their ``normalizedName(_:)``: Unicode NFC, every Unicode space
/// a plain space, curly quotes and apostrophes straight, en and em dashes hyphens, runs of
/// spaces collapsed, surrounding spaces dropped and case ignored — so `Manager’s  name` typed
/// in a config finds the export's `Manager's\u{A0}Name`. A mapping from
/// canonical names to the export's own headers (the config's `columns:` section, e.g.
/// `employee_id: "Employee ID"`) replaces the name looked up, so an HRIS export works unedited:
/// with that mapping, `index(of: "employee_id")` finds the ` employee id ` column and no longer
/// a column named `employee_id`. When a header appears twice, the first column wins.
///
/// ```swift
/// let header = CSVHeader(first, mapping: ["employee_id": "Employee ID"])
/// guard let idColumn = header.index(of: "employee_id") else {
///     throw AnalyzerError("no '\(header.expectedHeader(for: "employee_id"))' column", source: reader.source, line: first.line)
/// }
/// ```
public struct CSVHeader: Sendable {
    /// The header fields, as in the file.
    public let fields: [String]
    /// The canonical → header mapping, keyed by normalized canonical name.
    private let mapping: [String: String]
    /// Column index by normalized header name (first occurrence).
    private let columns: [String: Int]

    /// Reads a header record, with an optional mapping from canonical names to the file's headers.
    public init(_ record: CSVRecord, mapping: [String: String] = [:]) {
        self.init(fields: record.fields, mapping: mapping)
    }

    /// Creates a header from its fields, with an optional mapping from canonical names to the
    /// file's headers.
    public init(fields: [String], mapping: [String: String] = [:]) {
        self.fields = fields
        var normalizedMapping: [String: String] = [:]
        for (canonical, header) in mapping {
            normalizedMapping[Self.normalize(canonical)] = header
        }
        self.mapping = normalizedMapping
        var columns: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            let key = Self.normalize(field)
            if columns[key] == nil { columns[key] = index }
        }
        self.columns = columns
    }

    /// The number of columns.
    public var count: Int { fields.count }

    /// The index of the column holding `canonical` (e.g. `"employee_id"`), or `nil` when the
    /// file has no such column. Looks up the mapped header when the mapping names one.
    public func index(of canonical: String) -> Int? {
        columns[Self.normalize(expectedHeader(for: canonical))]
    }

    /// Whether the file has the column for `canonical`.
    public func contains(_ canonical: String) -> Bool {
        index(of: canonical) != nil
    }

    /// The header text a canonical column is looked up under (the mapped name, or the canonical
    /// name itself) — for error messages.
    public func expectedHeader(for canonical: String) -> String {
        mapping[Self.normalize(canonical)] ?? canonical
    }

    /// The expected headers (see ``expectedHeader(for:)``) of the canonical columns that are
    /// missing, in the order given — e.g. to report every missing required column at once.
    public func missingColumns(_ canonical: [String]) -> [String] {
        canonical.filter { index(of: $0) == nil }.map { expectedHeader(for: $0) }
    }

    private static func normalize(_ name: String) -> String {
        normalizedName(name)
    }

    /// The form column names are compared in — the one rule for every column lookup (config
    /// `columns:` mappings, survey items and group columns, review columns, custom analyzers):
    /// - Unicode NFC (a precomposed `é` and `e` + combining acute are the same);
    /// - every Unicode space and line break (U+00A0, U+2007, U+202F, tab …) a plain space;
    ///   zero-width spaces and byte order marks (U+200B, U+FEFF) dropped;
    /// - curly single quotes and apostrophes (U+2018, U+2019, U+201A, U+201B, U+2032) `'`,
    ///   curly double quotes (U+201C, U+201D, U+201E, U+201F, U+2033) `"`;
    /// - hyphens and dashes (U+2010–U+2015, U+2212) `-`;
    /// - runs of spaces one space, none at either end;
    /// - lower case.
    ///
    /// `normalizedName("  Manager’s\u{A0}\u{A0}Name – EN ")` is `"manager's name - en"`.
    public static func normalizedName(_ name: String) -> String {
        let utf8 = name.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, the usual case: only spaces and case to fold.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            var space = false
            for byte in utf8 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    space = !bytes.isEmpty
                    continue
                }
                if space { bytes.append(0x20) }
                space = false
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        var space = false
        for scalar in name.precomposedStringWithCanonicalMapping.unicodeScalars {
            let mapped: Unicode.Scalar
            switch scalar.value {
            case 0x200B, 0xFEFF: continue
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: mapped = "'"
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033: mapped = "\""
            case 0x2010...0x2015, 0x2212: mapped = "-"
            default:
                if scalar.properties.isWhitespace {
                    space = !scalars.isEmpty
                    continue
                }
                mapped = scalar
            }
            if space { scalars.append(" ") }
            space = false
            scalars.append(mapped)
        }
        return String(scalars).lowercased()
    }

    /// When the header is one column that holds `;`, a tab or `|`, what to tell the user: the
    /// file is probably separated by that character, and how to say so in the config.
    /// `nil` otherwise. Add it to every missing-column message.
    public var delimiterHint: String? {
        guard fields.count == 1, let only = fields.first else { return nil }
        for delimiter in [TabularDelimiter.semicolon, .tab, .pipe] where only.contains(delimiter.rawValue) {
            let written = delimiter == .tab ? "tab" : "\"\(delimiter.rawValue)\""
            return "the header is a single column containing '\(delimiter.name)', so the file is probably "
                + "\(delimiter == .tab ? "tab" : delimiter == .pipe ? "pipe" : "semicolon")-separated: "
                + "set delimiter: \(written) for this source in the config (sources: {kind: {file: …, delimiter: \(written)}})"
        }
        return nil
    }
}
