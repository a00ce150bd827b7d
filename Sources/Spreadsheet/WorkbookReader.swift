import Foundation
import LibXML

/// Reads one worksheet of an Excel workbook (`.xlsx`, Office Open XML) row by
/// row, as text, streaming: the sheet's XML is inflated on a background
/// thread in 64 KiB chunks and read with libxml2's `xmlTextReader`
/// (``XMLStreamReader``), so memory does not grow with the number of rows.
/// Only the shared-string table is held in memory (see ``SharedStrings``).
///
/// ```swift
/// var reader = try WorkbookReader(url: URL(fileURLWithPath: "responses.xlsx"), sheet: nil)
/// while let row = try reader.next() {
///     print(row.rowNumber, row.cells)
/// }
/// ```
///
/// Sheets are found through `xl/workbook.xml` and its relationships, never by
/// guessing `sheet1.xml`. See docs/INPUTS.md for what is read and refused.
public struct WorkbookReader {
    /// The sheet being read (its tab name).
    public let sheetName: String
    /// Every sheet of the workbook in tab order (chart sheets included).
    public let sheetNames: [String]
    /// The file as named in messages.
    public let file: String

    private let state: SheetState

    /// Opens `url` and positions on the sheet named `sheet` (exact name first,
    /// then ignoring case, as Excel does), or on the first worksheet when
    /// `sheet` is `nil`.
    public init(url: URL, sheet: String? = nil, limits: WorkbookLimits = .default) throws(WorkbookError) {
        let archive = try WorkbookArchive(url: url, limits: limits)
        let catalog = try WorkbookCatalog(archive: archive)
        file = archive.file
        sheetNames = catalog.sheets.map(\.name)
        let chosen: WorkbookCatalog.Sheet
        if let sheet {
            guard let found = catalog.sheets.first(where: { $0.name == sheet })
                ?? catalog.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() })
            else { throw .sheetNotFound(file: archive.file, sheet: sheet, available: sheetNames) }
            guard found.isWorksheet else {
                throw .sheetNotFound(file: archive.file, sheet: "\(sheet)' is a chart, not a worksheet, and '\(sheet)", available: sheetNames)
            }
            chosen = found
        } else {
            guard let first = catalog.sheets.first(where: \.isWorksheet) else { throw .noWorksheets(file: archive.file) }
            chosen = first
        }
        guard let part = chosen.part, archive.contains(part) else {
            throw .missingPart(file: archive.file, part: "the part of sheet '\(chosen.name)' is missing")
        }
        sheetName = chosen.name
        let styles = try catalog.stylesPart.map { path throws(WorkbookError) in
            try CellStyles(file: archive.file, part: path, bytes: try archive.read(path))
        } ?? CellStyles()
        let strings = try catalog.sharedStringsPart.flatMap { path throws(WorkbookError) -> SharedStrings? in
            archive.contains(path) ? try SharedStrings(file: archive.file, part: path, bytes: try archive.read(path)) : nil
        } ?? SharedStrings()
        let stream = try archive.stream(part)
        let xml: XMLStreamReader
        do {
            xml = try XMLStreamReader(url: part) { buffer in try stream.read(into: buffer) }
        } catch {
            throw .malformedXML(file: archive.file, part: part, line: error.line, message: error.message)
        }
        state = SheetState(
            file: archive.file, part: part, sheet: chosen.name, reader: xml, stream: stream,
            styles: styles, strings: strings.strings, uses1904: catalog.uses1904)
    }

    /// The next row with at least one value, or `nil` after the last.
    public mutating func next() throws(WorkbookError) -> WorkbookRow? {
        try state.nextRow()
    }

    /// `Sheet1!D17`-style name of a cell of this sheet, for messages.
    public func cellName(row: Int, column: Int) -> String {
        CellReference.name(sheet: sheetName, row: row, column: column)
    }
}
