import Foundation

/// Reads a Workday report-as-a-service XML export (`format=simplexml`, or the default XML):
/// `wd:Report_Data` holding one `wd:Report_Entry` per row, each with one child element per
/// field.
///
/// ```xml
/// <wd:Report_Data xmlns:wd="urn:com.workday.report/Headcount">
///   <wd:Report_Entry>
///     <wd:Employee_ID>21002</wd:Employee_ID>
///     <wd:Hire_Date>2011-07-05-07:00</wd:Hire_Date>
///     <wd:Manager wd:Descriptor="Ana Lopez">
///       <wd:ID wd:type="WID">3aa5550b7fe348b98d7b5741afc65534</wd:ID>
///       <wd:ID wd:type="Employee_ID">21001</wd:ID>
///     </wd:Manager>
///   </wd:Report_Entry>
/// </wd:Report_Data>
/// ```
///
/// A plain field becomes a column named after its element (`Employee_ID`). A reference field
/// becomes a column holding its `wd:Descriptor` (`Manager`) and one column per nested ID,
/// named `<field>.<type>` (`Manager.Employee_ID`, `Manager.WID`). `xs:date` values with a
/// time-zone offset (`2011-07-05-07:00`) are reduced to the day. A field that occurs twice in
/// an entry keeps its first value.
///
/// The file is read with the hardened streaming reader (``XMLStreamReader``): a DOCTYPE or an
/// entity reference is refused; nothing is fetched. Memory is proportional to the entries.
public struct WorkdayReport: Sendable {
    /// The column names, in the order first met.
    public let columns: [String]
    /// The entries: the line each starts on and its values by column index (`""` when absent).
    public let rows: [(line: Int, fields: [String])]

    /// Reads a report file.
    public static func read(contentsOf url: URL) throws(LibXMLError) -> WorkdayReport {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            // The file was checked when the config was read; this is a race or a permission
            // problem, and the message says which file.
            throw LibXMLError(message: "\(url.lastPathComponent) cannot be opened")
        }
        defer { try? handle.close() }  // closing a read-only handle loses nothing
        let reader = try XMLStreamReader(url: url.lastPathComponent) { buffer in
            let data = handle.readData(ofLength: buffer.count)
            return data.copyBytes(to: buffer.bindMemory(to: UInt8.self))
        }
        return try read(reader)
    }

    /// Reads a report held in memory (for tests and small inputs).
    public static func read(bytes: [UInt8], name: String = "report.xml") throws(LibXMLError) -> WorkdayReport {
        try read(XMLStreamReader(bytes: bytes, url: name))
    }

    private static func read(_ reader: XMLStreamReader) throws(LibXMLError) -> WorkdayReport {
        var columns: [String] = []
        var columnIndex: [String: Int] = [:]
        var entries: [(line: Int, values: [Int: String])] = []
        func column(_ name: String) -> Int {
            if let index = columnIndex[name] { return index }
            columnIndex[name] = columns.count
            columns.append(name)
            return columns.count - 1
        }
        var sawRoot = false
        while try reader.next() {
            guard reader.kind == .element else { continue }
            switch reader.depth {
            case 0:
                guard reader.localName == "Report_Data" else {
                    throw LibXMLError(
                        message: "this is not a Workday report: the root element is <\(reader.qualifiedName)>, not <wd:Report_Data>",
                        line: reader.line)
                }
                sawRoot = true
            case 1 where reader.localName == "Report_Entry":
                let line = reader.line
                var values: [Int: String] = [:]
                if !reader.isEmptyElement {
                    while try reader.next() {
                        if reader.kind == .endElement, reader.depth == 1 { break }
                        guard reader.kind == .element, reader.depth == 2 else { continue }
                        for (name, value) in try field(reader) {
                            let index = column(name)
                            if values[index] == nil { values[index] = value }
                        }
                    }
                }
                entries.append((line, values))
            default:
                try reader.skipElement()
            }
        }
        guard sawRoot else { throw LibXMLError(message: "the file has no <wd:Report_Data> element") }
        let rows = entries.map { entry in
            (line: entry.line, fields: (0..<columns.count).map { entry.values[$0] ?? "" })
        }
        return WorkdayReport(columns: columns, rows: rows)
    }

    /// One field element: its value, and for a reference field its IDs by type.
    private static func field(_ reader: XMLStreamReader) throws(LibXMLError) -> [(String, String)] {
        let name = reader.localName
        let namespace = reader.namespaceURI
        let descriptor = reader.attribute(localName: "Descriptor", namespaceURI: namespace)
        if reader.isEmptyElement { return [(name, descriptor ?? "")] }
        var result: [(String, String)] = []
        var text: [UInt8] = []
        while try reader.next() {
            switch reader.kind {
            case .text, .cdata:
                reader.withValue { text.append(contentsOf: $0) }
            case .element where reader.depth == 3 && reader.localName == "ID":
                let type = reader.attribute(localName: "type", namespaceURI: namespace) ?? "ID"
                result.append(("\(name).\(type)", normalizedValue(try reader.readText())))
            case .element:
                // A nested element other than an ID: its text counts towards the value.
                text.append(contentsOf: Array(try reader.readText().utf8))
            case .endElement where reader.depth == 2:
                let value = descriptor ?? normalizedValue(String(decoding: text, as: UTF8.self))
                return [(name, value)] + result
            default:
                break
            }
        }
        throw LibXMLError(message: "the document ended inside <\(name)>", line: reader.line)
    }

    /// Trims spaces and reduces an `xs:date` with a zone (`2011-07-05-07:00`, `2011-07-05Z`)
    /// to the day.
    static func normalizedValue(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let bytes = Array(text.utf8)
        guard bytes.count == 11 || bytes.count == 16, bytes[4] == 0x2D, bytes[7] == 0x2D,
              bytes[0..<4].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return text }
        if bytes.count == 11, bytes[10] == UInt8(ascii: "Z") { return String(text.prefix(10)) }
        if bytes.count == 16, bytes[10] == 0x2B || bytes[10] == 0x2D, bytes[13] == UInt8(ascii: ":") {
            return String(text.prefix(10))
        }
        return text
    }
}
