import LibXML
import Testing

@Suite struct HTMLDocumentBuilderTests {
    @Test func serializesAnHTML5DocumentWithOneCharsetMeta() throws {
        let builder = try HTMLDocumentBuilder(language: "fr")
        builder.head.element("meta", [("charset", "utf-8")])
        builder.head.element("meta", [("http-equiv", "Content-Type"), ("content", "text/html; charset=ISO-8859-1")])
        builder.head.element("meta", [
            ("http-equiv", "Content-Security-Policy"),
            ("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"),
        ])
        builder.head.element("title", text: "Santé de l’équipe — 日本 😀")
        builder.body.element("h1", text: "Résumé")
        let html = try builder.serialize()

        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.components(separatedBy: "charset").count == 2)
        #expect(!html.contains("Content-Type"))
        #expect(html.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        #expect(html.contains("<title>Santé de l’équipe — 日本 😀</title>"))
        #expect(!html.contains("&#"))
        #expect(html.hasSuffix("</html>\n"))

        let root = try #require(try HardenedParser.parseHTML(html).root)
        #expect(root.attribute("lang") == "fr")
        #expect(root.descendants(named: "title").first?.textContent == "Santé de l’équipe — 日本 😀")
        #expect(root.descendants(named: "h1").first?.textContent == "Résumé")
    }

    @Test func aMetaGetsNoSecondCharsetThroughSetAttribute() throws {
        let builder = try HTMLDocumentBuilder(language: "en")
        let meta = builder.head.element("meta", [("name", "viewport")])
        meta.setAttribute("charset", "iso-8859-1")
        meta.setAttribute("HTTP-EQUIV", "Content-Type")
        // On an element that is not a meta, the same attribute is only data.
        builder.body.element("p").setAttribute("charset", "iso-8859-1")
        let html = try builder.serialize()

        #expect(html.contains("<meta name=\"viewport\">"))
        #expect(!html.contains("HTTP-EQUIV") && !html.contains("http-equiv"))
        #expect(html.components(separatedBy: "charset").count == 3)
        #expect(html.contains("<p charset=\"iso-8859-1\"></p>"))
    }

    @Test(arguments: Fixtures.hostileStrings)
    func hostileDataRoundTripsAsTextAndAttributes(_ value: String) throws {
        let builder = try HTMLDocumentBuilder()
        let attributeNames = ["title", "href", "data-note", "src", "action", "name", "value", "alt"]
        builder.body.element("div", [("id", "target")]).element("a", attributeNames.map { ($0, value) }, text: value)
        builder.body.element("p", text: value)
        let html = try builder.serialize()

        let root = try #require(try HardenedParser.parseHTML(html).root)
        let expected = XMLText.sanitized(value)
        let link = try #require(root.descendants(named: "a").first)
        for name in attributeNames {
            #expect(link.attribute(name) == expected, "attribute \(name)")
        }
        #expect(link.textContent == expected)
        #expect(root.descendants(named: "p").first?.textContent == expected)
        let elements = [root] + root.descendants(named: "*")
        #expect(!elements.contains { ["script", "img", "style"].contains($0.name) })
        #expect(!elements.contains { $0.attributes.keys.contains { $0.hasPrefix("on") } })
        #expect(elements.count == 7, "html, head, meta, body, div, a, p expected; got \(elements.map(\.name))")
    }

    @Test func refusesScriptAndOtherRawTextElements() throws {
        let builder = try HTMLDocumentBuilder()
        for name in ["script", "SCRIPT", "Script", "style", "STYLE", "iframe", "noscript", "xmp", "plaintext", "object", "embed", "base"] {
            let node = builder.body.element(name, [("src", "x.js")], text: "alert(1)")
            #expect(node.isDetached, "\(name)")
            node.text("alert(2)")
            node.setAttribute("title", "x")
            node.element("b", text: "alert(3)").text("alert(4)")
            try node.style("body { color: red }")
        }
        let html = try builder.serialize()
        #expect(!html.contains("alert"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<style"))
        #expect(!html.contains("color: red"))
    }

    @Test(arguments: ["", "1h", "a b", "img/", "a\"b", "p>", "x\u{0}y", "é"])
    func refusesInvalidNames(_ name: String) throws {
        let builder = try HTMLDocumentBuilder()
        #expect(builder.body.element(name).isDetached)
        let paragraph = builder.body.element("p")
        paragraph.setAttribute(name, "v")
        let html = try builder.serialize()
        #expect(html.contains("<p></p>"))
    }

    @Test func refusesEventHandlersAndScriptURLs() throws {
        let builder = try HTMLDocumentBuilder()
        builder.body.element("a", [
            ("onclick", "alert(1)"), ("ONERROR", "alert(1)"), ("onmouseover", "x"),
            ("href", " \tJaVa\nScRiPt:alert(1)"), ("class", "kept"),
        ], text: "a")
        builder.body.element("img", [("src", "vbscript:msgbox(1)"), ("alt", "kept")])
        builder.body.element("a", [("href", "data:text/html,<script>alert(1)</script>")])
        builder.body.element("img", [("src", "data:image/png;base64,iVBORw0KGgo=")])
        builder.body.element("a", [("href", "https://example.com/a?b=c&d=é#f")])
        builder.body.element("a", [("href", "../relative:path")])
        let html = try builder.serialize()
        #expect(!html.lowercased().contains("script"))
        #expect(!html.contains("alert"))
        #expect(!html.contains("msgbox"))
        #expect(!html.contains(" on"))
        #expect(html.contains("class=\"kept\""))
        #expect(html.contains("alt=\"kept\""))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
        #expect(html.contains("href=\"https://example.com/a?b=c&amp;d=é#f\""))
        #expect(html.contains("href=\"../relative:path\""))
    }

    @Test func styleAcceptsStaticCSSOnly() throws {
        let builder = try HTMLDocumentBuilder()
        try builder.head.style("body > p { font-family: \"Inter\", sans-serif; } a[href^='x'] { color: #333 }")
        #expect(throws: LibXMLError.self) { try builder.head.style("p { } </style><script>alert(1)</script>") }
        #expect(throws: LibXMLError.self) { try builder.head.style("p { } </STYLE >") }
        #expect(throws: LibXMLError.self) { try builder.body.style("</") }
        let svg = builder.body.element("svg")
        #expect(throws: LibXMLError.self) { try svg.style("rect { } <img src=x onerror=alert(1)>") }
        #expect(throws: LibXMLError.self) { try svg.style("<!-- x -->") }
        try svg.style("rect > title { fill: red }")
        let html = try builder.serialize()
        #expect(html.contains("<style>body > p { font-family: \"Inter\", sans-serif; } a[href^='x'] { color: #333 }</style>"))
        #expect(html.contains("<svg><style>rect > title { fill: red }</style></svg>"))
        #expect(html.components(separatedBy: "<style>").count == 3)
        #expect(!html.contains("alert"))
    }

    @Test func buildsInlineSVG() throws {
        let builder = try HTMLDocumentBuilder()
        let figure = builder.body.element("figure")
        let svg = figure.element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 100 50"), ("role", "img"),
        ])
        svg.element("title", text: "Headcount <by> team & month")
        let group = svg.element("g", [("class", "bars"), ("transform", "translate(5,5)")])
        group.element("rect", [("x", "0"), ("y", "10"), ("width", "8"), ("height", "30"), ("fill", "#4477aa")])
            .element("title", text: "Team \"A\": 30")
        group.element("line", [("x1", "0"), ("y1", "40"), ("x2", "90"), ("y2", "40"), ("stroke", "#999")])
        group.element("polyline", [("points", "0,40 10,30 20,35"), ("fill", "none")])
        group.element("path", [("d", "M0 0 L10 10 Z")])
        group.element("circle", [("cx", "5"), ("cy", "5"), ("r", "2")])
        group.element("text", [("x", "0"), ("y", "48"), ("font-size", "4")], text: "Q1 < Q2")
        let html = try builder.serialize()

        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\" role=\"img\">"))
        #expect(html.contains("<rect x=\"0\" y=\"10\" width=\"8\" height=\"30\" fill=\"#4477aa\"><title>Team \"A\": 30</title></rect>"))
        #expect(html.contains("<circle cx=\"5\" cy=\"5\" r=\"2\"></circle>"))
        #expect(html.contains(">Q1 &lt; Q2</text>"))

        let root = try #require(try HardenedParser.parseHTML(html).root)
        let parsedSVG = try #require(root.descendants(named: "svg").first)
        #expect(parsedSVG.attribute("viewbox") == "0 0 100 50")
        #expect(parsedSVG.descendants(named: "rect").count == 1)
        #expect(parsedSVG.descendants(named: "title").map(\.textContent) == ["Headcount <by> team & month", "Team \"A\": 30"])
        #expect(parsedSVG.descendants(named: "text").first?.textContent == "Q1 < Q2")
        #expect(parsedSVG.descendants(named: "polyline").first?.attribute("points") == "0,40 10,30 20,35")
    }

    @Test func setAttributeReplacesExistingValue() throws {
        let builder = try HTMLDocumentBuilder()
        let cell = builder.body.element("td", [("class", "a")])
        cell.setAttribute("CLASS", "b")
        cell.setAttribute("data-rank", "1")
        let html = try builder.serialize()
        #expect(html.contains("<td CLASS=\"b\" data-rank=\"1\"></td>"))
    }

    @Test func nodesKeepTheDocumentAlive() throws {
        var body: HTMLNode?
        do {
            let builder = try HTMLDocumentBuilder()
            body = builder.body
        }
        let paragraph = try #require(body).element("p", text: "still here")
        #expect(!paragraph.isDetached)
    }
}
