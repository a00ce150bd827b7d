/// The number-format kind of every cell style (`xl/styles.xml`: a cell's `s`
/// attribute indexes `cellXfs`, whose `numFmtId` is a built-in format or one
/// declared in `numFmts`; ECMA-376 Part 1 §18.8.10 and §18.8.31).
struct CellStyles {
    /// Indexed by the cell's `s`; a missing or out-of-range index is a number.
    private(set) var kinds: [NumberFormatKind] = []

    init() {}

    init(file: String, part: String, bytes: [UInt8]) throws(WorkbookError) {
        let xml = try PartXML(file: file, part: part, bytes: bytes)
        var customCodes: [Int: String] = [:]
        var xfFormatIDs: [Int] = []
        var inCellXfs = false
        var cellXfsDepth = -1
        try xml.forEachElement { reader throws(WorkbookError) in
            if inCellXfs, reader.depth <= cellXfsDepth { inCellXfs = false }
            switch reader.localName {
            case "numFmt":
                if let id = reader.attribute("numFmtId").flatMap({ Int($0) }), let code = reader.attribute("formatCode") {
                    customCodes[id] = code
                }
            case "cellXfs":
                inCellXfs = !reader.isEmptyElement
                cellXfsDepth = reader.depth
            case "xf" where inCellXfs && reader.depth == cellXfsDepth + 1:
                xfFormatIDs.append(reader.attribute("numFmtId").flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }
        // A workbook may redefine a built-in id in numFmts; its own code then wins.
        kinds = xfFormatIDs.map { id in
            customCodes[id].map(NumberFormatKind.custom) ?? NumberFormatKind.builtIn(id)
        }
    }

    func kind(ofStyle index: Int) -> NumberFormatKind {
        index >= 0 && index < kinds.count ? kinds[index] : .number
    }
}
