/// One row of a worksheet, as text ready for the CSV-style readers.
public struct WorkbookRow: Sendable, Equatable {
    /// The row's number in the sheet (1-based, as Excel shows it); rows with
    /// no values are skipped, so numbers may jump.
    public var rowNumber: Int
    /// The cells from column A on: shared, inline and formula strings as they
    /// are; numbers in plain decimal form (at most 15 significant digits, as
    /// Excel shows them); dates as `YYYY-MM-DD` (`YYYY-MM-DDTHH:MM:SS` with a
    /// time, `HH:MM:SS` for a time alone); booleans `TRUE`/`FALSE`; errors as
    /// Excel writes them (`#N/A`); empty cells `""`. Trailing empty cells are
    /// dropped, then the row is padded with `""` to the first row's width.
    public var cells: [String]

    public init(rowNumber: Int, cells: [String]) {
        self.rowNumber = rowNumber
        self.cells = cells
    }
}
