import LibXML

/// Reads a small workbook part (already in memory) with the hardened
/// streaming reader, turning its errors into ``WorkbookError``s.
struct PartXML {
    let file: String
    let part: String
    let reader: XMLStreamReader

    init(file: String, part: String, bytes: [UInt8]) throws(WorkbookError) {
        self.file = file
        self.part = part
        do {
            reader = try XMLStreamReader(bytes: bytes, url: part)
        } catch {
            throw .malformedXML(file: file, part: part, line: error.line, message: error.message)
        }
    }

    /// Calls `body` on every start tag, in document order.
    func forEachElement(_ body: (XMLStreamReader) throws(WorkbookError) -> Void) throws(WorkbookError) {
        do {
            while try reader.next() {
                if reader.kind == .element { try body(reader) }
            }
        } catch let error as WorkbookError {
            throw error
        } catch let error as LibXMLError {
            throw .malformedXML(file: file, part: part, line: error.line, message: error.message)
        } catch {
            throw .malformedXML(file: file, part: part, line: nil, message: "\(error)")
        }
    }

    /// The text of the element the reader is on (see ``XMLStreamReader/readText()``).
    func text() throws(WorkbookError) -> String {
        do {
            return try reader.readText()
        } catch {
            throw .malformedXML(file: file, part: part, line: error.line, message: error.message)
        }
    }
}

/// OOXML relationships (`_rels/*.rels`, ECMA-376 Part 2 §9.3): id → type and target part.
struct Relationships {
    struct Relationship {
        let type: String
        let target: String
    }

    private(set) var byID: [String: Relationship] = [:]
    private(set) var inOrder: [Relationship] = []

    /// The `.rels` part of `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func path(of part: String) -> String {
        let (folder, name) = split(part)
        return folder.isEmpty ? "_rels/\(name).rels" : "\(folder)/_rels/\(name).rels"
    }

    /// Parses the relationships of `source` (a part path, `""` for the package);
    /// targets are resolved against `source`'s folder (or taken from the root
    /// when they start with `/`). External targets are ignored.
    init(file: String, part: String, bytes: [UInt8], source: String) throws(WorkbookError) {
        let xml = try PartXML(file: file, part: part, bytes: bytes)
        let folder = Relationships.split(source).folder
        var found: [String: Relationship] = [:]
        var order: [Relationship] = []
        try xml.forEachElement { reader throws(WorkbookError) in
            guard reader.localName == "Relationship", reader.attribute("TargetMode") != "External",
                  let id = reader.attribute("Id"), let type = reader.attribute("Type"), let target = reader.attribute("Target")
            else { return }
            let relationship = Relationship(type: type, target: Relationships.resolve(target, against: folder))
            found[id] = relationship
            order.append(relationship)
        }
        byID = found
        inOrder = order
    }

    /// An empty set (the part has no `.rels`).
    init() {}

    /// The first target whose type ends with `/suffix` (types differ between
    /// transitional and strict OOXML only in their prefix).
    func target(ofType suffix: String) -> String? {
        inOrder.first { $0.type.hasSuffix("/\(suffix)") }?.target
    }

    static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// `worksheets/sheet1.xml` against `xl` → `xl/worksheets/sheet1.xml`;
    /// `/xl/worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `..` and `.` resolved.
    static func resolve(_ target: String, against folder: String) -> String {
        let absolute = target.hasPrefix("/")
        var parts = absolute || folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(piece))
            }
        }
        return parts.joined(separator: "/")
    }
}
