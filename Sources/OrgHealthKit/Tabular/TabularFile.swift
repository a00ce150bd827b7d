import Foundation
import Spreadsheet

/// The one way to open a tabular source — a roster, review cycles, survey responses, or any
/// input of a custom analyzer — with its per-source options.
///
/// ```swift
/// var reader = try TabularFile.open(url, options: context.tabularOptions(for: url))
/// guard let first = try reader.next() else { return }
/// let header = CSVHeader(first, mapping: columnMapping)
/// reader.expectedFieldCount = header.count
/// while let row = try reader.next() { … }
/// ```
///
/// Delimited text (`.csv`, `.tsv`, `.txt` or any other name) is read by ``CSVReader`` with
/// the source's ``TabularOptions``. This is also the single place where workbooks are
/// recognised — by extension, or by the zip signature of an `.xlsx` saved under another name
/// — and read through the `Spreadsheet` target's `WorkbookReader` (the sheet of
/// ``TabularOptions/sheet``, or the first), served as records by ``CSVReader/init(rows:)``.
/// `.xls`, `.ods` and `.numbers` files are refused with a message saying how to save them.
public enum TabularFile {
    /// The file extensions of workbooks, which are not delimited text.
    public static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xls", "ods", "numbers"]

    /// Opens `url` for reading records, with the source's options.
    /// - Throws: ``CSVError/Kind/cannotOpen`` for a missing or unreadable file,
    ///   ``CSVError/Kind/unsupportedFormat`` for a workbook that cannot be read (`.xls`, `.ods`,
    ///   `.numbers`, a damaged `.xlsx`, a sheet that does not exist).
    public static func open(
        _ url: URL, options: TabularOptions = TabularOptions(), bufferSize: Int = 1 << 20
    ) throws(CSVError) -> CSVReader {
        let source = url.lastPathComponent
        let fileExtension = url.pathExtension.lowercased()
        if let format = unreadableFormats[fileExtension] {
            // The wording is the workbook reader's, so these files get one message everywhere.
            let error = WorkbookError.unsupportedFormat(file: url.path, format: format)
            throw WorkbookSheet.error(error, source: source, path: url.path, line: nil)
        }
        // Only a regular file is looked into: a FIFO or device is refused here, before any
        // reader (the zip sniffing below, the workbook reader) could block on it.
        let head: [UInt8]
        do { head = try RegularFile.head(url.path, count: 4) } catch {
            throw CSVError(kind: .cannotOpen, source: source, line: nil, reason: error.reason)
        }
        if workbookExtensions.contains(fileExtension) || head == [0x50, 0x4B, 0x03, 0x04] {
            return CSVReader(rows: try WorkbookSheet(url: url, sheet: options.sheet))
        }
        return try CSVReader(
            contentsOf: url, bufferSize: bufferSize, delimiter: options.delimiter, encoding: options.encoding ?? .utf8)
    }

    /// The spreadsheet formats OrgHealth does not read, by extension, as the refusal names them.
    static let unreadableFormats: [String: String] = [
        "xls": "an Excel 97–2003 workbook (.xls)",
        "ods": "an OpenDocument spreadsheet (.ods)",
        "numbers": "an Apple Numbers document (.numbers)",
    ]

    /// The ``CSVReader/source`` of a workbook's sheet: `responses.xlsx, sheet 'Form1'`.
    public static func sheetSource(file: String, sheet: String) -> String {
        "\(file), sheet '\(sheet)'"
    }

    /// Where a message points: `roster.csv:17` for a text file, `responses.xlsx, sheet 'Form1', row 17`
    /// for a workbook's sheet (a source made by ``sheetSource(file:sheet:)``), the source alone
    /// without a line.
    public static func location(source: String, line: Int?) -> String {
        guard let line else { return source }
        let isSheet = source.hasSuffix("'") && source.contains(", sheet '")
        return isSheet ? "\(source), row \(line)" : "\(source):\(line)"
    }
}
