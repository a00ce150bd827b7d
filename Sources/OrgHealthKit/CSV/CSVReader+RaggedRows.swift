extension CSVReader {
    /// A row that was skipped for having a number of fields other than the header's.
    public struct RaggedRow: Sendable {
        /// The row's line (of its first physical line), when known.
        public let line: Int?
        /// The header's field count.
        public let expected: Int
        /// The row's field count.
        public let found: Int
        /// The reader's message for the row.
        public let message: String
        /// The file the row is in.
        public let source: String
    }

    /// The next record, skipping rows with the wrong number of fields: each one skipped is
    /// handed to `skipped` and reading goes on; any other error is thrown. This is the one
    /// skip-bad-rows loop every reader of tabular input shares (set ``expectedFieldCount``
    /// from the header first).
    ///
    /// ```swift
    /// while let record = try reader.next(skippingRagged: { log.note("ragged", line: $0.line, …) }) { … }
    /// ```
    public mutating func next(skippingRagged skipped: (RaggedRow) -> Void) throws(CSVError) -> CSVRecord? {
        while true {
            do {
                return try next()
            } catch {
                guard case .raggedRow(let expected, let found) = error.kind else { throw error }
                skipped(RaggedRow(line: error.line, expected: expected, found: found, message: error.message,
                                   source: error.source))
            }
        }
    }
}
