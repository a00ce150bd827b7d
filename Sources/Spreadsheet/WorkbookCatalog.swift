/// What `xl/workbook.xml` and its relationships say: the sheets in tab order
/// with their parts, the date system, and where the styles and shared strings are.
struct WorkbookCatalog {
    struct Sheet {
        let name: String
        /// The sheet's part, `nil` when its relationship is missing.
        let part: String?
        /// Whether it is a worksheet (not a chart sheet or dialog sheet).
        let isWorksheet: Bool
    }

    let sheets: [Sheet]
    /// `<workbookPr date1904="1"/>`: serial 0 is 1904-01-01 (old Mac Excel).
    let uses1904: Bool
    let stylesPart: String?
    let sharedStringsPart: String?

    init(archive: WorkbookArchive) throws(WorkbookError) {
        let workbookPart = try WorkbookCatalog.workbookPart(archive)
        let relationshipsPart = Relationships.path(of: workbookPart)
        let relationships = archive.contains(relationshipsPart)
            ? try Relationships(file: archive.file, part: relationshipsPart, bytes: try archive.read(relationshipsPart), source: workbookPart)
            : Relationships()
        let xml = try PartXML(file: archive.file, part: workbookPart, bytes: try archive.read(workbookPart))
        var sheets: [Sheet] = []
        var uses1904 = false
        try xml.forEachElement { reader throws(WorkbookError) in
            switch reader.localName {
            case "workbookPr":
                let value = reader.attribute("date1904")
                uses1904 = value == "1" || value == "true"
            case "sheet":
                guard let name = reader.attribute("name") else { return }
                // r:id, in the transitional or the strict relationships namespace.
                let id = reader.attribute(localName: "id", namespaceURI: "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                    ?? reader.attribute(localName: "id", namespaceURI: "http://purl.oclc.org/ooxml/officeDocument/relationships")
                let relationship = id.flatMap { relationships.byID[$0] }
                sheets.append(Sheet(name: name, part: relationship?.target,
                                    isWorksheet: relationship.map { $0.type.hasSuffix("/worksheet") } ?? true))
            default:
                break
            }
        }
        self.sheets = sheets
        self.uses1904 = uses1904
        stylesPart = relationships.target(ofType: "styles")
        sharedStringsPart = relationships.target(ofType: "sharedStrings")
    }

    /// The main part named by the package relationships (`_rels/.rels`,
    /// type `…/officeDocument`), `xl/workbook.xml` when they do not say.
    /// An archive without one is another format: OpenDocument (a `mimetype`
    /// entry), Numbers (`Index/Document.iwa`) or no workbook at all.
    private static func workbookPart(_ archive: WorkbookArchive) throws(WorkbookError) -> String {
        var part = "xl/workbook.xml"
        if archive.contains("_rels/.rels") {
            let relationships = try Relationships(file: archive.file, part: "_rels/.rels", bytes: try archive.read("_rels/.rels"), source: "")
            part = relationships.target(ofType: "officeDocument") ?? part
        }
        if archive.contains(part) { return part }
        if archive.contains("mimetype") || archive.contains("content.xml") {
            throw .unsupportedFormat(file: archive.file, format: "an OpenDocument spreadsheet (.ods)")
        }
        if archive.contains("Index/Document.iwa") {
            throw .unsupportedFormat(file: archive.file, format: "an Apple Numbers document (.numbers)")
        }
        throw .notAWorkbook(file: archive.file, reason: "the zip archive has no \(part)")
    }
}
