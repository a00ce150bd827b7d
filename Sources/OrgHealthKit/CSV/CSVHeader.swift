/// A CSV file's header record: finds the column that holds a canonical field.
///
/// Column names are matched case-insensitively, ignoring surrounding spaces. A mapping from
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
        name.trimmingSpaces.lowercased()
    }
}
