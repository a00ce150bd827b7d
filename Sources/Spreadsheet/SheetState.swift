import LibXML

/// The worksheet parser behind ``WorkbookReader``: a state machine over the
/// `sheetData` of a worksheet part (ECMA-376 Part 1 §18.3.1: `row`, `c`, `v`,
/// `is`/`t`), turning each cell into text as described on ``WorkbookRow``.
final class SheetState {
    private let file: String
    private let part: String
    private let sheet: String
    private let reader: XMLStreamReader
    /// Kept alive with the reader it feeds; dropping it stops the inflating thread.
    private let stream: EntryStream
    private let styles: CellStyles
    private let strings: [String]
    private let uses1904: Bool

    // Interned element and attribute names (pointer comparisons per node).
    private let rowName, cellName, valueName, inlineName, textName, phoneticName, sheetDataName: XMLStreamReader.Name
    private let referenceName, styleName, typeName: XMLStreamReader.Name

    private var finished = false
    private var rowNumber = 0
    private var cells: [String] = []
    private var firstRowWidth: Int?

    // The cell being read.
    private var column = 0
    private var cellType = CellType.number
    private var cellStyle = 0
    private var value: [UInt8] = []
    private var inValue = false
    private var inInline = false
    private var inText = false
    private var phoneticDepth: Int?

    /// A cell's `t` attribute (ECMA-376 Part 1 §18.18.11 ST_CellType).
    enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, isoDate
    }

    init(file: String, part: String, sheet: String, reader: XMLStreamReader, stream: EntryStream,
         styles: CellStyles, strings: [String], uses1904: Bool) {
        self.file = file
        self.part = part
        self.sheet = sheet
        self.reader = reader
        self.stream = stream
        self.styles = styles
        self.strings = strings
        self.uses1904 = uses1904
        rowName = reader.name("row")
        cellName = reader.name("c")
        valueName = reader.name("v")
        inlineName = reader.name("is")
        textName = reader.name("t")
        phoneticName = reader.name("rPh")
        sheetDataName = reader.name("sheetData")
        referenceName = reader.name("r")
        styleName = reader.name("s")
        typeName = reader.name("t")
        cells.reserveCapacity(32)
        value.reserveCapacity(64)
    }

    func nextRow() throws(WorkbookError) -> WorkbookRow? {
        guard !finished else { return nil }
        do {
            while try reader.next() {
                switch reader.kind {
                case .element:
                    let name = reader.localNameID
                    if name == cellName {
                        try startCell()
                    } else if name == valueName {
                        inValue = !reader.isEmptyElement
                    } else if name == textName {
                        inText = inInline && phoneticDepth == nil && !reader.isEmptyElement
                    } else if name == inlineName {
                        inInline = !reader.isEmptyElement
                    } else if name == phoneticName, !reader.isEmptyElement {
                        phoneticDepth = reader.depth
                    } else if name == rowName {
                        startRow()
                        if reader.isEmptyElement, let row = finishRow() { return row }
                    }
                case .text, .cdata, .whitespace:
                    if inValue || inText { reader.withValue { value.append(contentsOf: $0) } }
                case .endElement:
                    let name = reader.localNameID
                    if name == valueName {
                        inValue = false
                    } else if name == textName {
                        inText = false
                    } else if name == phoneticName {
                        phoneticDepth = nil
                    } else if name == inlineName {
                        inInline = false
                    } else if name == cellName {
                        try finishCell()
                    } else if name == rowName {
                        if let row = finishRow() { return row }
                    } else if name == sheetDataName {
                        finished = true
                        return nil
                    }
                case .other:
                    break
                }
            }
        } catch let error as WorkbookError {
            finished = true
            throw error
        } catch let error as LibXMLError {
            finished = true
            if let cause = reader.sourceError as? WorkbookError { throw cause }
            throw .malformedXML(file: file, part: part, line: error.line, message: error.message)
        } catch {
            finished = true
            throw .malformedXML(file: file, part: part, line: nil, message: "\(error)")
        }
        finished = true
        return nil
    }

    private func startRow() {
        let number = reader.attribute("r").flatMap { Int($0) }
        rowNumber = number.map { max($0, rowNumber + 1) } ?? rowNumber + 1
        cells.removeAll(keepingCapacity: true)
        column = 0
    }

    /// The row read so far, or `nil` (and nothing returned) when it holds no value.
    private func finishRow() -> WorkbookRow? {
        while let last = cells.last, last.isEmpty { cells.removeLast() }
        guard !cells.isEmpty else { return nil }
        if let width = firstRowWidth {
            if cells.count < width { cells.append(contentsOf: repeatElement("", count: width - cells.count)) }
        } else {
            firstRowWidth = cells.count
        }
        return WorkbookRow(rowNumber: rowNumber, cells: cells)
    }

    private func startCell() throws(WorkbookError) {
        var reference: Int?
        var type = CellType.number
        var style = 0
        reader.forEachAttribute { name, bytes in
            if name == referenceName {
                reference = CellReference.column(ofReference: bytes)
            } else if name == typeName {
                type = SheetState.cellType(bytes)
            } else if name == styleName {
                var number = 0
                for byte in bytes where byte >= 0x30 && byte <= 0x39 { number = number &* 10 &+ Int(byte - 0x30) }
                style = number
            }
        }
        column = reference ?? column + 1
        guard column <= 16_384 else {
            throw .invalidCell(file: file, cell: "\(CellReference.quotedSheetName(sheet))!row \(rowNumber)",
                               problem: "a cell lies past column XFD, Excel's last; the file is damaged")
        }
        cellType = type
        cellStyle = style
        value.removeAll(keepingCapacity: true)
        inValue = false
        inInline = false
        inText = false
        phoneticDepth = nil
        if reader.isEmptyElement { try finishCell() }
    }

    private static func cellType(_ bytes: UnsafeBufferPointer<UInt8>) -> CellType {
        switch String(decoding: bytes, as: UTF8.self) {
        case "s": return .sharedString
        case "inlineStr": return .inlineString
        case "str": return .formulaString
        case "b": return .boolean
        case "e": return .error
        case "d": return .isoDate
        default: return .number
        }
    }

    private func finishCell() throws(WorkbookError) {
        let text = try cellText()
        let index = column - 1
        if index < cells.count {
            cells[index] = text
        } else {
            if index > cells.count { cells.append(contentsOf: repeatElement("", count: index - cells.count)) }
            cells.append(text)
        }
    }

    private func cellText() throws(WorkbookError) -> String {
        guard !value.isEmpty else { return "" }
        switch cellType {
        case .sharedString:
            let index = value.withUnsafeBufferPointer { bytes -> Int? in
                guard bytes.count <= 10, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
                return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            }
            guard let index, index < strings.count else {
                throw .invalidCell(
                    file: file, cell: CellReference.name(sheet: sheet, row: rowNumber, column: column),
                    problem: "shared string \(String(decoding: value, as: UTF8.self)) does not exist "
                        + "(the workbook has \(strings.count)); the file is damaged, save it again from Excel")
            }
            return strings[index]
        case .inlineString:
            return SharedStrings.unescaped(String(decoding: value, as: UTF8.self))
        case .formulaString, .error, .isoDate:
            return String(decoding: value, as: UTF8.self)
        case .boolean:
            return value == [0x31] ? "TRUE" : value == [0x30] ? "FALSE" : String(decoding: value, as: UTF8.self)
        case .number:
            let kind = styles.kind(ofStyle: cellStyle)
            return value.withUnsafeBufferPointer { bytes in
                if kind != .number, let serial = Double(String(decoding: bytes, as: UTF8.self)),
                   let date = CellText.date(serial: serial, kind: kind, uses1904: uses1904) {
                    return date
                }
                return CellText.number(bytes)
            }
        }
    }
}
