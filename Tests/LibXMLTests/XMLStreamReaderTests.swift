import LibXML
import Testing

@Suite struct XMLStreamReaderTests {
    /// Every node of `xml` as "kind name/value", for compact expectations.
    private func events(_ reader: XMLStreamReader) throws -> [String] {
        var events: [String] = []
        while try reader.next() {
            switch reader.kind {
            case .element: events.append("<\(reader.localName)\(reader.isEmptyElement ? "/" : "")@\(reader.depth)")
            case .endElement: events.append("</\(reader.localName)")
            case .text, .cdata: events.append("'\(reader.value)'")
            case .whitespace, .other: break
            }
        }
        return events
    }

    @Test func readsElementsTextAndAttributesInOrder() throws {
        // A worksheet fragment as Excel writes it (ECMA-376 Part 1, 18.3.1.73 `row`, 18.3.1.4 `c`).
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
              <sheetData>
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Ana &amp; Bo</t></is></c></row>
                <row r="2"/>
              </sheetData>
            </worksheet>
            """
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), url: "sheet1.xml")
        #expect(try events(reader) == [
            "<worksheet@0", "<sheetData@1", "<row@2", "<c@3", "<v@4", "'0'", "</v", "</c",
            "<c@3", "<is@4", "<t@5", "'Ana & Bo'", "</t", "</is", "</c", "</row", "<row/@2", "</sheetData", "</worksheet",
        ])
    }

    @Test func attributesByNameNamespaceAndIteration() throws {
        // A Workday RaaS reference field: wd:ID with a wd:type attribute.
        let xml = #"<wd:Report_Data xmlns:wd="urn:com.workday.report/x"><wd:ID wd:type="Employee_ID" plain="p">21001</wd:ID></wd:Report_Data>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8))
        var seen: [String: String] = [:]
        while try reader.next() {
            guard reader.kind == .element && reader.localName == "ID" else { continue }
            #expect(reader.qualifiedName == "wd:ID")
            #expect(reader.namespaceURI == "urn:com.workday.report/x")
            #expect(reader.attribute("wd:type") == "Employee_ID")
            #expect(reader.attribute(localName: "type", namespaceURI: "urn:com.workday.report/x") == "Employee_ID")
            #expect(reader.attribute("missing") == nil)
            let plain = reader.name("plain")
            reader.forEachAttribute { name, value in
                seen[name == plain ? "plain" : "other"] = String(decoding: value, as: UTF8.self)
            }
            #expect(try reader.readText() == "21001")
            #expect(reader.kind == .endElement)
        }
        #expect(seen == ["plain": "p", "other": "Employee_ID"])
    }

    @Test func internedNamesCompareEqual() throws {
        let reader = try XMLStreamReader(bytes: Array("<a><c/><d/><c/></a>".utf8))
        let c = reader.name("c")
        var matches = 0
        while try reader.next() {
            guard reader.localNameID == c else { continue }
            matches += 1
        }
        #expect(matches == 2) // two <c/> elements, by hand
    }

    @Test func readTextJoinsNestedRunsAndCDATA() throws {
        // A shared string with rich-text runs (ECMA-376 18.4.8 `si`, 18.4.4 `r`).
        let xml = "<si><r><rPr><b/></rPr><t>Hello</t></r><r><t xml:space=\"preserve\"> world</t></r><t><![CDATA[ <&>]]></t></si>"
        let reader = try XMLStreamReader(bytes: Array(xml.utf8))
        #expect(try reader.next())
        #expect(try reader.readText() == "Hello world <&>")
        #expect(try !reader.next())
    }

    @Test func pullsFromASourceInSmallChunks() throws {
        let xml = Array("<rows>\(String(repeating: "<r>é</r>", count: 1000))</rows>".utf8)
        var offset = 0
        var calls = 0
        let reader = try XMLStreamReader(url: "chunked.xml") { buffer in
            calls += 1
            let count = min(7, buffer.count, xml.count - offset) // 7 bytes: splits tags and the 2-byte é
            for index in 0..<count { buffer[index] = xml[offset + index] }
            offset += count
            return count
        }
        var texts = 0
        while try reader.next() {
            guard reader.kind == .text else { continue }
            #expect(reader.value == "é")
            texts += 1
        }
        #expect(texts == 1000)
        #expect(calls > 100) // 8,013 bytes / 7 per call ≈ 1,145 calls
    }

    struct Stop: Error {}

    @Test func aSourceErrorStopsTheReaderAndIsKept() throws {
        let head = Array("<a><b>".utf8)
        var offset = 0
        let reader = try XMLStreamReader { buffer in
            guard offset < head.count else { throw Stop() } // the input breaks off after "<a><b>"
            let count = min(buffer.count, head.count - offset)
            for index in 0..<count { buffer[index] = head[offset + index] }
            offset += count
            return count
        }
        #expect(throws: LibXMLError.self) { while try reader.next() {} }
        #expect(reader.sourceError is Stop)
    }

    @Test(arguments: [
        #"<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#,
        #"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><x>&b;</x>"#,
        #"<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><x/>"#,
        #"<!DOCTYPE x><x/>"#,
    ])
    func refusesAnyDoctype(_ xml: String) throws {
        let reader = try XMLStreamReader(bytes: Array(xml.utf8))
        var texts: [String] = []
        let error = try #require(throws: LibXMLError.self) {
            while try reader.next() { texts.append(reader.value) }
        }
        #expect(error.message.contains("DOCTYPE") || error.message.contains("ntity"))
        #expect(!texts.contains { $0.contains("root:") || $0.contains("aaaa") })
    }

    @Test func xIncludeIsNotProcessed() throws {
        let xml = #"<a xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></a>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8))
        #expect(try events(reader) == ["<a@0", "<include/@1", "</a"])
    }

    @Test func illFormedInputThrowsWithItsLine() throws {
        let reader = try XMLStreamReader(bytes: Array("<a>\n<b>\n</c>\n</a>".utf8), url: "bad.xml")
        let error = try #require(throws: LibXMLError.self) { while try reader.next() {} }
        #expect(error.line == 3)
        #expect(try !reader.next()) // stays finished
    }

    @Test func emptyInputThrows() throws {
        let reader = try XMLStreamReader(bytes: [])
        #expect(throws: LibXMLError.self) { while try reader.next() {} }
    }
}
