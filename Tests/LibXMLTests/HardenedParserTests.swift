#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LibXML
import Testing

@Suite struct HardenedParserTests {
    @Test func parsesAWellFormedDocument() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <org xmlns="urn:orghealth:org" xmlns:hr="urn:orghealth:hr" name="Acme">
              <team id="t1" hr:cost-center="42">
                <person role="lead">Ana <![CDATA[<Pérez>]]> &amp; co</person>
                <!-- a comment -->
                <person>Bo</person>
              </team>
              <team id="t2"/>
            </org>
            """
        let document = try HardenedParser.parseXML(xml, url: "org.xml")
        #expect(!document.isHTML)
        let root = try #require(document.root)
        #expect(root.name == "org")
        #expect(root.namespaceURI == "urn:orghealth:org")
        #expect(root.attributes == ["name": "Acme"])
        #expect(root.line == 2)
        #expect(root.children.map { $0.attribute("id") } == ["t1", "t2"])
        let team = try #require(root.children.first)
        #expect(team.attribute("hr:cost-center") == "42")
        #expect(team.attributes == ["id": "t1", "hr:cost-center": "42"])
        #expect(team.attribute("missing") == nil)
        let people = root.descendants(named: "person")
        #expect(people.map(\.textContent) == ["Ana <Pérez> & co", "Bo"])
        #expect(people.map(\.line) == [4, 6])
        #expect(root.descendants(named: "org").isEmpty)
        #expect(root.descendants(named: "*").map(\.name) == ["team", "person", "person", "team"])
        #expect(team.textContent.contains("Ana <Pérez> & co"))
        #expect(!team.textContent.contains("comment"))
    }

    @Test func acceptsDataAndBytes() throws {
        let bytes = Array("<a><b/></a>".utf8)
        #expect(try HardenedParser.parseXML(bytes).root?.children.first?.name == "b")
        #expect(try HardenedParser.parseXML(Data(bytes)).root?.name == "a")
        #expect(try HardenedParser.parseHTML(Data("<p>x</p>".utf8)).root?.textContent == "x")
        #expect(try HardenedParser.parseHTML(Array("<p>y</p>".utf8)).root?.textContent == "y")
    }

    @Test func illFormedXMLThrowsWithALineNumber() throws {
        let xml = "<root>\n  <open>\n  </close>\n</root>\n"
        let error = try #require(throws: LibXMLError.self) { try HardenedParser.parseXML(xml) }
        #expect(error.line == 3)
        #expect(!error.message.isEmpty)
        #expect(!error.message.hasSuffix("\n"))
        #expect(error.description.hasPrefix("line 3"))
    }

    @Test(arguments: ["", "   ", "<a>", "<a></b>", "text only", "<a x='1' x='2'/>"])
    func rejectsMalformedXML(_ xml: String) {
        #expect(throws: LibXMLError.self) { try HardenedParser.parseXML(xml) }
    }

    @Test func externalEntitiesAreNeverLoaded() throws {
        let inContent = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <x>before &xxe; after</x>
            """
        let document = try HardenedParser.parseXML(inContent)
        let text = try #require(document.root).textContent
        #expect(!text.contains("root:"))
        #expect(text == "before  after")

        let parameterEntity = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY % dtd SYSTEM "file:///etc/passwd"> %dtd;]>
            <x>safe</x>
            """
        #expect(try HardenedParser.parseXML(parameterEntity).root?.textContent == "safe")

        let externalDTD = """
            <?xml version="1.0"?>
            <!DOCTYPE x SYSTEM "file:///etc/passwd">
            <x a="1">safe</x>
            """
        #expect(try HardenedParser.parseXML(externalDTD).root?.textContent == "safe")

        let inAttribute = """
            <!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <x a="&xxe;"/>
            """
        do {
            let attribute = try HardenedParser.parseXML(inAttribute).root?.attribute("a")
            #expect(attribute?.contains("root:") != true)
        } catch {
            #expect(!error.message.contains("root:"))
        }
    }

    @Test func internalEntitiesAreNotExpanded() throws {
        let xml = #"<!DOCTYPE x [<!ENTITY co "Acme">]><x a="&co;!">&co; &lt;&#233;&gt;</x>"#
        let root = try #require(try HardenedParser.parseXML(xml).root)
        #expect(root.textContent == " <é>")
        #expect(root.attribute("a") == "!")
    }

    @Test func billionLaughsIsRefusedQuickly() {
        let clock = ContinuousClock()
        let start = clock.now
        var text: String?
        do {
            text = try HardenedParser.parseXML(Fixtures.billionLaughs).root?.textContent
        } catch {
            #expect(!error.message.isEmpty)
        }
        #expect((text?.utf8.count ?? 0) < 1_000_000)
        #expect(clock.now - start < .seconds(10))
    }

    @Test func htmlWithAnExternalDoctypeAndEntitiesParsesWithoutFetching() throws {
        let html = """
            <!DOCTYPE html SYSTEM "http://example.invalid/x.dtd" [
              <!ENTITY ext SYSTEM "file:///etc/passwd">
              <!ENTITY int "expanded">
            ]>
            <html><head><title>T</title></head>
            <body><p id="p1">A &ext; B &int; C &amp; D &eacute;</p></body></html>
            """
        let clock = ContinuousClock()
        let start = clock.now
        let document = try HardenedParser.parseHTML(html)
        #expect(clock.now - start < .seconds(5))
        #expect(document.isHTML)
        let root = try #require(document.root)
        let paragraph = try #require(root.descendants(named: "p").first { $0.attribute("id") == "p1" })
        #expect(paragraph.textContent.hasPrefix("A "))
        #expect(paragraph.textContent.hasSuffix(" C & D é"))
        #expect(!paragraph.textContent.contains("expanded"))
        #expect(!root.textContent.contains("root:"))
    }

    @Test func htmlIsParsedForgivinglyWithLowercaseNames() throws {
        let document = try HardenedParser.parseHTML("<DIV Class=X><P>one<P>two <B>bold</DIV><svg viewBox='0 0 1 1'><rect/></svg>")
        let root = try #require(document.root)
        #expect(root.name == "html")
        #expect(root.namespaceURI == nil)
        let div = try #require(root.descendants(named: "DIV").first)
        #expect(div.name == "div")
        #expect(div.attribute("CLASS") == "X")
        #expect(div.attributes == ["class": "X"])
        #expect(div.descendants(named: "p").map(\.textContent) == ["one", "two bold"])
        #expect(root.descendants(named: "rect").count == 1)
        #expect(!document.diagnostics.isEmpty)
    }

    @Test func htmlNodesHaveLineNumbers() throws {
        let root = try #require(try HardenedParser.parseHTML("<!DOCTYPE html>\n<html>\n<body>\n<p>a</p>\n\n<p>b</p></body></html>").root)
        #expect(root.descendants(named: "p").map(\.line) == [4, 6])
    }

    @Test func htmlDefaultsToUTF8UnlessTheDocumentDeclaresACharset() throws {
        #expect(try HardenedParser.parseHTML("<p>é 日本</p>").root?.textContent == "é 日本")
        #expect(try HardenedParser.parseHTML("<p>charset é</p>").root?.textContent == "charset é")
        let latin1: [UInt8] = Array("<meta charset=\"iso-8859-1\"><p>".utf8) + [0xE9] + Array("</p>".utf8)
        #expect(try HardenedParser.parseHTML(latin1).root?.descendants(named: "p").first?.textContent == "é")
        #expect(try HardenedParser.parseHTML([0x3C, 0x70, 0x3E, 0xE9], encoding: "ISO-8859-1").root?.textContent == "é")
    }

    @Test func emptyHTMLThrows() {
        #expect(throws: LibXMLError.self) { try HardenedParser.parseHTML("") }
    }

    @Test func nestedMarkupIsWalkedInDocumentOrder() throws {
        let depth = 200
        let html = String(repeating: "<div>a", count: depth) + "x" + String(repeating: "b</div>", count: depth)
        let root = try #require(try HardenedParser.parseHTML(html).root)
        #expect(root.textContent == String(repeating: "a", count: depth) + "x" + String(repeating: "b", count: depth))
        #expect(root.descendants(named: "div").count == depth)
    }

    @Test func excessiveNestingIsBoundedByLibxml2() throws {
        let depth = 5_000
        let html = String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth)
        let root = try #require(try HardenedParser.parseHTML(html).root)
        #expect(root.descendants(named: "div").count <= 256)
        let xml = String(repeating: "<d>", count: depth) + String(repeating: "</d>", count: depth)
        #expect(throws: LibXMLError.self) { try HardenedParser.parseXML(xml) }
    }

    @Test func documentsCanBeReadConcurrently() async throws {
        let document = try HardenedParser.parseXML("<r>" + String(repeating: "<i>v</i>", count: 200) + "</r>")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { document.root?.descendants(named: "i").filter { $0.textContent == "v" }.count ?? 0 }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 200, count: 8))
    }
}
