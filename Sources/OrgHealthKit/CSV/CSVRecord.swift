/// One CSV record: its fields, unescaped, and the line where it starts.
///
/// The fields are kept as one run of UTF-8 bytes, so reading a record costs no `String` per
/// field: ask for the text of a field (``subscript(_:)``), or parse a number straight from the
/// bytes (``double(_:)``, ``int(_:)``). An index outside the record reads as an empty field.
public struct CSVRecord: Sendable {
    /// The 1-based row of the record as a spreadsheet shows it (header = 1; a record whose quoted
    /// fields span several lines is one row; a blank line counts as a row). See ``CSVReader``.
    public let line: Int
    /// The number of fields (at least 1: an empty line is not a record).
    public let count: Int
    @usableFromInline let storage: CSVRecordStorage

    init(line: Int, count: Int, storage: CSVRecordStorage) {
        self.line = line
        self.count = count
        self.storage = storage
    }

    /// Creates a record from fields (e.g. for tests, or rows that did not come from a file).
    /// No fields make a record with one empty field.
    public init(fields: [String], line: Int = 1) {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            ends.append(bytes.count)
            bytes.append(0x2C)
        }
        if ends.isEmpty { ends.append(0) }
        let storage = ends.withUnsafeBufferPointer { ends in
            bytes.withUnsafeBufferPointer { bytes in CSVRecordStorage.make(fieldEnds: ends, bytes: bytes) }
        }
        self.init(line: line, count: ends.count, storage: storage)
    }

    /// The text of field `index`, exactly as in the file (quotes removed, spaces kept);
    /// `""` when the record has no such field.
    public subscript(index: Int) -> String {
        withField(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of field `index` without surrounding spaces, tabs and line breaks, and without
    /// control characters or byte order marks anywhere in it (see ``FieldText``);
    /// `""` when the record has no such field.
    public func trimmed(_ index: Int) -> String {
        withField(index) { field in
            let text = FieldText.cleaned(CSVNumberParser.trimmed(field))
            // Removing a stray character can uncover spaces ("Sales \u{FEFF}"): trim again.
            return text.utf8.count == CSVNumberParser.trimmed(field).count ? text : text.trimmingSpaces
        }
    }

    /// How many control characters and byte order marks the record's fields hold — what
    /// ``trimmed(_:)`` removes — for readers to count in the data-quality section.
    public var strayCharacterCount: Int {
        (0..<count).reduce(0) { total, index in total + withField(index) { FieldText.strayCount($0) } }
    }

    /// Whether field `index` is blank: empty, or only spaces, tabs and line breaks (so `""`,
    /// `" "` and a missing field all count as blank).
    public func isEmpty(_ index: Int) -> Bool {
        withField(index) { CSVNumberParser.trimmed($0).isEmpty }
    }

    /// Field `index` as a decimal number, parsed from its bytes without making a `String`;
    /// surrounding spaces are ignored. Accepts an optional sign, digits with an optional
    /// fraction (`3`, `-4.5`, `.25`, `7.`) and an optional exponent (`1e3`, `2.5E-4`); the value
    /// is the same as `Double(String)` gives. `nil` for a blank field, other text, `inf`, `nan`,
    /// hexadecimal or digit grouping (`1 000`).
    public func double(_ index: Int) -> Double? {
        guard index >= 0, index < count else { return nil }
        return storage.withField(index, fieldCount: count) { start, length in
            if length > 0, length <= 8, let value = CSVNumberParser.shortDecimal(start, length: length) {
                return value
            }
            return CSVNumberParser.double(CSVNumberParser.trimmed(UnsafeBufferPointer(start: start, count: length)))
        }
    }

    /// Field `index` as a whole number (optional sign, digits only), surrounding spaces ignored;
    /// `nil` for a blank field, other text (including `3.0`) or a value outside `Int`'s range.
    public func int(_ index: Int) -> Int? {
        withField(index) { CSVNumberParser.int(CSVNumberParser.trimmed($0)) }
    }

    /// All fields as text, exactly as in the file.
    public var fields: [String] {
        (0..<count).map { self[$0] }
    }

    /// Calls `body` with the UTF-8 bytes of field `index` without surrounding spaces, tabs and
    /// line breaks (empty when the record has no such field).
    @inlinable
    public func withTrimmedField<Result>(
        _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try withField(index) { try body(CSVNumberParser.trimmed($0)) }
    }

    /// Calls `body` with the UTF-8 bytes of field `index` (empty when there is no such field),
    /// e.g. to compare or hash a field without making a `String`. The bytes are valid only
    /// inside `body`.
    // Inlinable: analyzers call it for every field of every row, and as a generic call across
    // modules it cost about 40 instructions a field (issue 16, the survey at 10^5 people).
    @inlinable
    public func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard index >= 0, index < count else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try storage.withField(index, fieldCount: count) { start, length in
            try body(UnsafeBufferPointer(start: start, count: length))
        }
    }
}
