import Foundation
import Spreadsheet

/// One worksheet of an Excel workbook (`.xlsx`, `.xlsm`) as a ``TabularRowSource``: each
/// ``WorkbookRow`` becomes a ``CSVRecord`` whose ``CSVRecord/line`` is the row's number in the
/// sheet, so the readers match headers and handle rows exactly as they do for CSV.
///
/// Its ``source`` names the file and the sheet (`responses.xlsx, sheet 'Form1'`), and messages
/// about a row read `responses.xlsx, sheet 'Form1', row 17: …` (see ``TabularFile/location(source:line:)``).
struct WorkbookSheet: TabularRowSource {
    let source: String
    private var reader: WorkbookReader
    private let path: String

    /// Opens the sheet named `sheet` (the first worksheet when `nil`) of the workbook at `url`.
    /// - Throws: ``CSVError/Kind/unsupportedFormat`` with the workbook reader's message (a file
    ///   that is not a workbook, a zip bomb, a sheet that does not exist, listing the sheets …).
    init(url: URL, sheet: String?) throws(CSVError) {
        path = url.path
        let file = url.lastPathComponent
        do {
            reader = try WorkbookReader(url: url, sheet: sheet)
        } catch {
            throw Self.error(error, source: file, path: url.path, line: nil)
        }
        source = TabularFile.sheetSource(file: file, sheet: reader.sheetName)
    }

    mutating func nextRecord() throws(CSVError) -> CSVRecord? {
        do {
            guard let row = try reader.next() else { return nil }
            return CSVRecord(fields: row.cells, line: row.rowNumber)
        } catch {
            throw Self.error(error, source: source, path: path, line: nil)
        }
    }

    /// The workbook reader's error as a fatal ``CSVError``: ``CSVError/Kind/cannotOpen`` for a
    /// file that cannot be read, ``CSVError/Kind/unsupportedFormat`` otherwise. Its messages start with the file's
    /// full path; the source (the base name, and the sheet) takes its place, as in every other
    /// tabular message.
    static func error(_ error: WorkbookError, source: String, path: String, line: Int?) -> CSVError {
        if case let .unreadable(_, reason) = error {
            return CSVError(kind: .cannotOpen, source: source, line: line, reason: reason)
        }
        var message = error.description
        if message.hasPrefix(path + ": ") { message.removeFirst(path.count + 2) }
        return CSVError(kind: .unsupportedFormat, source: source, line: line, reason: message)
    }
}
