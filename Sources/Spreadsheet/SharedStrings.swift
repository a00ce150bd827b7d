/// The shared-string table (`xl/sharedStrings.xml`, ECMA-376 Part 1 §18.4):
/// each `<si>` is plain `<t>` or rich-text runs `<r><t>`; phonetic guides
/// (`<rPh>`) are not part of the text. It is held in memory — the one part
/// of a workbook that is — because any row may point anywhere into it.
struct SharedStrings {
    private(set) var strings: [String] = []

    init() {}

    init(file: String, part: String, bytes: [UInt8]) throws(WorkbookError) {
        let xml = try PartXML(file: file, part: part, bytes: bytes)
        var strings: [String] = []
        var current: [UInt8] = []
        var inItem = false
        var phoneticDepth: Int?
        var textDepth: Int?
        do {
            let reader = xml.reader
            while try reader.next() {
                switch reader.kind {
                case .element:
                    switch reader.localName {
                    case "si":
                        current.removeAll(keepingCapacity: true)
                        inItem = !reader.isEmptyElement
                        if !inItem { strings.append("") }
                    case "rPh" where !reader.isEmptyElement:
                        phoneticDepth = reader.depth
                    case "t" where inItem && phoneticDepth == nil && !reader.isEmptyElement:
                        textDepth = reader.depth
                    default:
                        break
                    }
                case .text, .cdata, .whitespace:
                    if textDepth != nil { reader.withValue { current.append(contentsOf: $0) } }
                case .endElement:
                    if reader.depth == textDepth { textDepth = nil }
                    if reader.depth == phoneticDepth { phoneticDepth = nil }
                    if inItem, reader.localName == "si" {
                        strings.append(SharedStrings.unescaped(String(decoding: current, as: UTF8.self)))
                        inItem = false
                    }
                case .other:
                    break
                }
            }
        } catch {
            throw .malformedXML(file: file, part: part, line: error.line, message: error.message)
        }
        self.strings = strings
    }

    /// Undoes OOXML's `_xHHHH_` escapes of characters XML cannot hold (ECMA-376
    /// Part 1 §22.9.2.19 ST_Xstring): `_x000D_` is a carriage return, `_x005F_`
    /// an escaped underscore.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var scalars = String.UnicodeScalarView()
        let all = Array(text.unicodeScalars)
        var index = 0
        while index < all.count {
            if all[index] == "_", index + 6 < all.count, all[index + 1] == "x", all[index + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(all[(index + 2)...(index + 5)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
                index += 7
            } else {
                scalars.append(all[index])
                index += 1
            }
        }
        return String(scalars)
    }
}
