/// Why a workbook could not be read. Every message names the file, and where
/// it helps the part, the cell (`Sheet1!D17`) and what to do.
public enum WorkbookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is not a zip archive, so not an `.xlsx`.
    case notAWorkbook(file: String, reason: String)
    /// A spreadsheet format other than `.xlsx` (`.xls`, `.ods`, `.numbers`, a password-protected workbook).
    case unsupportedFormat(file: String, format: String)
    /// A part the workbook needs is missing or names something that is not there.
    case missingPart(file: String, part: String)
    /// No sheet has the requested name.
    case sheetNotFound(file: String, sheet: String, available: [String])
    /// The workbook has no worksheet at all (only charts, or nothing).
    case noWorksheets(file: String)
    /// An entry, or all entries together, would be larger uncompressed than the limit.
    case tooLarge(file: String, part: String, bytes: UInt64, limit: UInt64)
    /// An entry inflates by more than the limit allows (a zip bomb, most likely).
    case compressionRatio(file: String, part: String, ratio: UInt64, limit: UInt64)
    /// A part is not well-formed XML, or is refused (it has a DOCTYPE).
    case malformedXML(file: String, part: String, line: Int?, message: String)
    /// A cell's content cannot be read (for example a shared-string index out of range).
    case invalidCell(file: String, cell: String, problem: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file (\(reason))"
        case let .notAWorkbook(file, reason):
            return "\(file): not an Excel workbook (\(reason)); save it from the spreadsheet as .xlsx or CSV"
        case let .unsupportedFormat(file, format):
            return "\(file): \(format) cannot be read; save it as an Excel workbook (.xlsx) or as CSV (UTF-8)"
        case let .missingPart(file, part):
            return "\(file): the workbook is incomplete (\(part)); open it in Excel or LibreOffice and save it again as .xlsx"
        case let .sheetNotFound(file, sheet, available):
            let list = available.map { "'\($0)'" }.joined(separator: ", ")
            return "\(file): no sheet named '\(sheet)'; the sheets are \(list). Set `sheet:` to one of them"
        case let .noWorksheets(file):
            return "\(file): the workbook has no worksheet with cells (only charts or nothing)"
        case let .tooLarge(file, part, bytes, limit):
            return "\(file): \(part) is \(bytes) bytes uncompressed, over the limit of \(limit) bytes; "
                + "export the data as CSV instead"
        case let .compressionRatio(file, part, ratio, limit):
            return "\(file): \(part) inflates more than \(ratio)× its compressed size (the limit is \(limit)×), "
                + "which looks like a zip bomb; refused. Export the data as CSV if the file is genuine"
        case let .malformedXML(file, part, line, message):
            let position = line.map { " line \($0):" } ?? ""
            return "\(file): \(part)\(position) \(message); open the file in Excel and save it again as .xlsx"
        case let .invalidCell(file, cell, problem):
            return "\(file): cell \(cell): \(problem)"
        }
    }
}
