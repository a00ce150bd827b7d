import LibXML
import Testing

@Suite struct XMLStreamWriterTests {
    @Test func writesAnIndentedUTF8Document() throws {
        let writer = try XMLStreamWriter()
        try writer.startDocument()
        try writer.startElement("report", namespace: "urn:orghealth:report")
        try writer.attribute("version", "1")
        try writer.element("team", attributes: [("id", "t1"), ("name", "Core")], text: "Développement")
        try writer.element("empty")
        try writer.endElement()
        try writer.endDocument()
        let xml = try writer.finish()
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <report xmlns="urn:orghealth:report" version="1">
              <team id="t1" name="Core">Développement</team>
              <empty/>
            </report>

            """)
        let root = try #require(try HardenedParser.parseXML(xml).root)
        #expect(root.name == "report")
        #expect(root.namespaceURI == "urn:orghealth:report")
        #expect(root.children.map(\.name) == ["team", "empty"])
        #expect(root.children.first?.namespaceURI == "urn:orghealth:report")
    }

    @Test func writesWithoutIndentation() throws {
        let writer = try XMLStreamWriter(indent: false)
        try writer.startElement("a")
        try writer.element("b", text: "x")
        try writer.endElement()
        #expect(try writer.finish() == "<a><b>x</b></a>")
    }

    @Test func controlCharactersAreReplacedSoTheOutputReparses() throws {
        let writer = try XMLStreamWriter()
        try writer.startDocument()
        try writer.startElement("root")
        try writer.attribute("note", "a\u{0001}b\u{000B}c")
        try writer.text("x\u{0001}y\u{000B}z\u{0000}")
        try writer.endDocument()
        let xml = try writer.finish()
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let root = try #require(try HardenedParser.parseXML(xml).root)
        #expect(root.attribute("note") == "a\u{FFFD}b\u{FFFD}c")
        #expect(root.textContent == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
    }

    @Test(arguments: Fixtures.hostileStrings)
    func dataRoundTripsThroughTheParser(_ value: String) throws {
        let writer = try XMLStreamWriter()
        try writer.startDocument()
        try writer.startElement("root")
        try writer.element("item", attributes: [("value", value), ("other", "\n\t\r")], text: value)
        try writer.endDocument()
        let document = try HardenedParser.parseXML(try writer.finish())
        let item = try #require(document.root?.children.first)
        #expect(item.attribute("value") == XMLText.sanitized(value))
        #expect(item.attribute("other") == "\n\t\r")
        #expect(item.textContent == XMLText.sanitized(value))
        #expect(document.root?.children.count == 1)
    }

    @Test func cdataEndAndMarkupAreEscapedInText() throws {
        let writer = try XMLStreamWriter(indent: false)
        try writer.element("t", attributes: [("q", "\"'<&>")], text: "]]> <b>&amp;</b>")
        let xml = try writer.finish()
        #expect(xml == "<t q=\"&quot;'&lt;&amp;&gt;\">]]&gt; &lt;b&gt;&amp;amp;&lt;/b&gt;</t>")
    }

    @Test(arguments: ["", "1abc", "a b", "a<b", "a\u{0}b", "x:y:z"])
    func rejectsInvalidNames(_ name: String) throws {
        let writer = try XMLStreamWriter()
        #expect(throws: LibXMLError.self) { try writer.startElement(name) }
        try writer.startElement("ok")
        #expect(throws: LibXMLError.self) { try writer.attribute(name, "v") }
    }

    @Test func rejectsMisuse() throws {
        let writer = try XMLStreamWriter()
        #expect(throws: LibXMLError.self) { try writer.endElement() }
        #expect(throws: LibXMLError.self) { try writer.endDocument() }
        try writer.startElement("a")
        try writer.text("x")
        #expect(throws: LibXMLError.self) { try writer.attribute("late", "v") }
    }

    @Test func finishClosesOpenElementsAndIsIdempotent() throws {
        let writer = try XMLStreamWriter(indent: false)
        try writer.startDocument()
        try writer.startElement("a")
        try writer.startElement("b")
        let first = try writer.finish()
        #expect(first == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b/></a>\n")
        #expect(try writer.finish() == first)
        #expect(throws: LibXMLError.self) { try writer.startElement("c") }
    }
}
