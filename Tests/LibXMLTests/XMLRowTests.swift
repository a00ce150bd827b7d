import Foundation
import LibXML
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Elements gathered as rows (`XMLStreamWriter.rowElement`, issue 16) must be the
/// bytes libxml2 writes for the same calls: the reference is a writer that sends every
/// attribute through libxml2 (`rows: false`).
@Suite struct XMLRowTests {
    /// Every byte class the escaping distinguishes: the XML specials, tab, LF, CR, controls
    /// XML forbids (sanitised), 2-, 3- and 4-byte UTF-8 (written as is), U+FFFE, combinations.
    static let values: [String] = [
        "", "plain", "team:T000123", "0.36363636363636365", "R&D", "<b>", "a > b", "say \"hi\"", "it's",
        "tab\there", "line\nbreak", "cr\rlf", "Développement", "日本語", "emoji 😀 end", "mixed é&<>\"\t\n\r😀",
        "bell\u{07}and nul-free", "not a char \u{FFFE}", "e\u{301} decomposed", "&amp; already", "]]>", "=\"'",
    ]

    /// A document of empty elements: first in their parent, after a sibling, after text, nested.
    private func write(_ writer: XMLStreamWriter, values: [String]) throws {
        try writer.startDocument()
        try writer.startElement("report", namespace: "urn:orghealth:report")
        try writer.attribute("version", "1")
        try writer.batch {
            // The first element of a parent goes through libxml2, the following ones as rows.
            for value in values {
                try writer.rowElement("metric") { row throws(LibXMLError) in
                    try row.attribute("id", value)
                    try row.attribute("n", String(value.utf8.count))
                }
            }
            try writer.startElement("section")
            try writer.text("some text first")
            // After text libxml2 does not start a new line: these go through libxml2.
            for value in values.prefix(3) { try writer.rowElement("point") { row throws(LibXMLError) in try row.attribute("v", value) } }
            try writer.startElement("nested")
            for value in values.reversed() {
                try writer.rowElement("cell") { row throws(LibXMLError) in
                    try row.attribute("xml:lang", "en")
                    try row.attribute("value", value)
                }
            }
            try writer.endElement()
            try writer.element("after", text: "x")
            try writer.rowElement("last") { _ throws(LibXMLError) in }
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endDocument()
    }

    @Test func rowsAreTheBytesLibxml2Writes() throws {
        let reference = try XMLStreamWriter(indent: true, rows: false)
        try write(reference, values: Self.values)
        let rows = try XMLStreamWriter(indent: true, rows: true)
        try write(rows, values: Self.values)
        let expected = try reference.finish()
        #expect(try rows.finish() == expected)
        // The reference really escapes: a sample worked out by hand from libxml2's rules.
        #expect(expected.contains(#"<metric id="mixed é&amp;&lt;&gt;&quot;&#9;&#10;&#13;😀" n="19"/>"#))
    }

    @Test func rowsInAFileAreTheBytesLibxml2WritesInMemory() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xml-rows-\(UUID().uuidString).xml").path
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        // Enough rows to pass the file sink's 1 MiB several times.
        let many = (0..<40_000).map { Self.values[$0 % Self.values.count] + String($0) }
        let file = try XMLStreamWriter(fileDescriptor: descriptor, indent: true, rows: true)
        try write(file, values: many)
        try file.finishFile()
        close(descriptor)
        let reference = try XMLStreamWriter(indent: true, rows: false)
        try write(reference, values: many)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(try reference.finish().utf8))
    }

    @Test func randomValuesAreEscapedAsLibxml2Escapes() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "Z", "0", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "é", "ß", "€", "😀", "\u{01}", "\u{FFFE}", "="]
        // Up to 24 characters, so that specials fall at every place of short and longer values.
        let values = (0..<2_000).map { _ in
            String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
        let reference = try XMLStreamWriter(indent: true, rows: false)
        try write(reference, values: values)
        let rows = try XMLStreamWriter(indent: true, rows: true)
        try write(rows, values: values)
        #expect(try rows.finish() == reference.finish())
    }

    /// Elements with child elements as rows: scopes with dimensions and their sources, some
    /// children empty, some with children of their own, some with none at all.
    private func writeNested(_ writer: XMLStreamWriter) throws {
        try writer.startDocument()
        try writer.startElement("scopes")
        try writer.batch {
            for scope in 0..<4 {
                try writer.rowElement("scope") { row throws(LibXMLError) in
                    try row.attribute("id", "team:T\(scope) & <\(Self.values[scope * 5 % Self.values.count])>")
                    for dimension in 0..<scope {
                        try row.startChild("dimension")
                        try row.attribute("id", "d\(dimension)")
                        for source in 0..<dimension {
                            try row.child("source") { row throws(LibXMLError) in try row.attribute("n", String(source)) }
                        }
                        try row.endChild()
                    }
                }
            }
        }
        try writer.endElement()
        try writer.endDocument()
    }

    @Test func nestedRowsAreTheBytesLibxml2Writes() throws {
        let reference = try XMLStreamWriter(indent: true, rows: false)
        try writeNested(reference)
        let rows = try XMLStreamWriter(indent: true, rows: true)
        try writeNested(rows)
        let expected = try reference.finish()
        #expect(try rows.finish() == expected)
        // By hand, libxml2's layout: a dimension without sources is empty, one with them is not.
        #expect(expected.contains("""
                <dimension id="d0"/>
                <dimension id="d1">
                  <source n="0"/>
                </dimension>
            """))
    }

    /// A writer inside `<report>` after one child, where the next element is a row.
    private func writerPastFirstChild() throws -> XMLStreamWriter {
        let writer = try XMLStreamWriter(indent: true, rows: true)
        try writer.startDocument()
        try writer.startElement("report")
        try writer.element("first")
        return writer
    }

    @Test func anAttributeAfterAChildThrows() throws {
        let writer = try writerPastFirstChild()
        #expect(throws: LibXMLError.self) {
            try writer.rowElement("row") { row throws(LibXMLError) in
                try row.child("cell") { _ throws(LibXMLError) in }
                try row.attribute("late", "x")
            }
        }
    }

    /// Each byte that needs escaping or sanitising, alone at every place of a plain value of up
    /// to 24 bytes: the start, the middle and the end of short and longer values alike.
    @Test func eachSpecialByteAtEachPlaceIsEscapedAsLibxml2Escapes() throws {
        let specials = ["&", "<", ">", "\"", "\t", "\n", "\r", "\u{01}", "\u{1F}", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "é"]
        var values: [String] = []
        for length in [7, 8, 9, 16, 23, 24] {
            for place in 0..<length {
                for special in specials {
                    values.append(String(repeating: "a", count: place) + special + String(repeating: "b", count: length - place - 1))
                }
            }
        }
        // Bytes next to the special ones that are plain: space, '~', DEL, 0x80-led UTF-8.
        values += [" ~\u{7F}\u{80}abcdefgh", String(repeating: "\u{7F}", count: 9), String(repeating: " ", count: 17),
                   // Bytes of 0x80 and above whose low bits look like a control or a special
                   // byte (0xA2, 0x9F, 0xBC, 0xBE, 0xA0), which a word-at-a-time scan must pass.
                   "\u{A0}\u{9F}\u{BC}\u{BE}\u{20AC}abcdefgh", String(repeating: "\u{A2}", count: 8), "!#%;=?@[]{}~\u{EFFF}xy"]
        let reference = try XMLStreamWriter(indent: true, rows: false)
        try write(reference, values: values)
        let rows = try XMLStreamWriter(indent: true, rows: true)
        try write(rows, values: values)
        #expect(try rows.finish() == reference.finish())
    }

    /// Numbers written straight into a row (`attribute(_:shortest:)`) are the digits
    /// `description` gives, as the reference writes them through a string: random bit patterns
    /// (subnormals, huge and tiny exponents), values in 0...1 and around 100, both zeros, the
    /// extremes, and the non-finite values, which take the string path.
    @Test func numbersAreTheirDescription() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.1, 1.0 / 3, 100, 1e15, 1e16, .leastNormalMagnitude / 1_000, .leastNonzeroMagnitude,
                                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .infinity, -.infinity, .nan]
        for _ in 0..<3_000 {
            values.append(Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator)))
            values.append(Double.random(in: 0...1, using: &generator))
            values.append(Double.random(in: -100...100, using: &generator))
        }
        let numbers = values
        func write(_ writer: XMLStreamWriter) throws -> String {
            try writer.startDocument()
            try writer.startElement("figures")
            try writer.batch {
                try writer.rowElements("figure", count: numbers.count) { index, row throws(LibXMLError) in
                    try row.attribute("value", shortest: numbers[index])
                    try row.attribute("n", index)
                }
            }
            try writer.endElement()
            try writer.endDocument()
            return try writer.finish()
        }
        let rows = try write(XMLStreamWriter(indent: true, rows: true))
        #expect(rows == (try write(XMLStreamWriter(indent: true, rows: false))))
        #expect(rows.contains("value=\"0.1\" n=\"4\""))
        #expect(rows.contains("value=\"nan\""))
    }

    /// Names found valid are remembered per row storage; an invalid one is never, and throws
    /// every time, after valid names and in later rows alike.
    @Test func anInvalidNameThrowsEveryTimeAfterValidOnes() throws {
        let writer = try writerPastFirstChild()
        for _ in 0..<3 {
            try writer.rowElement("row") { row throws(LibXMLError) in
                try row.attribute("id", "x")
                try row.attribute("n", 1)
                try row.child("cell") { row throws(LibXMLError) in try row.attribute("id", "y") }
            }
            #expect(throws: LibXMLError(message: "invalid XML attribute name")) {
                try writer.rowElement("row") { row throws(LibXMLError) in
                    try row.attribute("id", "x")
                    try row.attribute("bad name", "x")
                }
            }
            #expect(throws: LibXMLError(message: "invalid XML element name")) {
                try writer.rowElement("row") { row throws(LibXMLError) in try row.child("bad cell") { _ throws(LibXMLError) in } }
            }
        }
    }

    @Test func anInvalidAttributeNameThrows() throws {
        let writer = try writerPastFirstChild()
        #expect(throws: LibXMLError.self) {
            try writer.rowElement("row") { row throws(LibXMLError) in try row.attribute("bad name", "x") }
        }
    }

    /// `rowElements` over enough rows for several rounds of pieces on every core, each row with
    /// escaped values and children: the same bytes as libxml2 writing them one by one.
    private func writeMany(_ writer: XMLStreamWriter, count: Int) throws {
        let values = Self.values
        try writer.startDocument()
        try writer.startElement("report")
        try writer.batch {
            try writer.rowElements("metric", count: count) { index, row throws(LibXMLError) in
                try row.attribute("id", values[index % values.count])
                try row.attribute("n", index)
                if index % 7 == 0 {
                    try row.child("source") { row throws(LibXMLError) in try row.attribute("of", "\(index)") }
                }
            }
            try writer.element("after", text: "x")
        }
        try writer.endElement()
        try writer.endDocument()
    }

    @Test func rowsBuiltInPiecesAreTheBytesLibxml2WritesInOrder() throws {
        // Past the first round's pieces several times over: later rounds size their pieces anew.
        let count = XMLStreamWriter.firstPieceRows * 2 * ProcessInfo.processInfo.activeProcessorCount * 8 + 123
        let reference = try XMLStreamWriter(indent: true, rows: false)
        try writeMany(reference, count: count)
        let rows = try XMLStreamWriter(indent: true, rows: true)
        try writeMany(rows, count: count)
        let expected = try reference.finish()
        #expect(expected.utf8.count > count * 20)
        #expect(try rows.finish() == expected)
    }

    @Test func aFailureInALaterPieceThrowsTheFirstInDocumentOrder() throws {
        let writer = try writerPastFirstChild()
        let late = XMLStreamWriter.firstPieceRows + 5
        #expect(throws: LibXMLError(message: "invalid XML attribute name")) {
            // Row `late` fails in the second piece, a row of the third (built in the same round) otherwise.
            try writer.rowElements("row", count: late + XMLStreamWriter.firstPieceRows + 1) { index, row throws(LibXMLError) in
                if index == late { try row.attribute("bad name", "x") }
                if index == late + XMLStreamWriter.firstPieceRows {
                    try row.child("cell") { _ throws(LibXMLError) in }
                    try row.attribute("late", "y")
                }
                try row.attribute("i", index)
            }
        }
    }
}
