/// Rows that do not come from delimited text — a workbook's sheet — served through
/// ``CSVReader/init(rows:)``, so every reader of tabular sources reads them the same way.
///
/// A workbook reader conforms to this and is returned by ``TabularFile/open(_:options:bufferSize:)``
/// for its file types. Each record's ``CSVRecord/line`` is its row in the sheet (header = 1).
public protocol TabularRowSource {
    /// The input's name for messages (the file's base name, and the sheet if useful).
    var source: String { get }
    /// The next row, or `nil` at the end. A fatal ``CSVError`` stops the reader.
    mutating func nextRecord() throws(CSVError) -> CSVRecord?
}
