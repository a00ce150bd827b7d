internal import CLibXML2

/// Builds an HTML document as a libxml2 tree (`htmlNewDocNoDtD`,
/// `xmlNewDocNode`, …) and serializes it with libxml2's HTML serializer
/// (`htmlDocContentDumpFormatOutput`) as UTF-8:
/// `<!DOCTYPE html>\n<html lang="…">\n<head>\n<meta charset="utf-8">…`.
///
/// The builder writes the document's only `<meta charset="utf-8">`, as the
/// first child of `head`; non-ASCII text is written as UTF-8, not as
/// entities. See ``HTMLNode`` for what is refused and how values are escaped.
/// Not thread-safe: use a builder and its nodes from one thread at a time.
public final class HTMLDocumentBuilder {
    private let storage: HTMLDocumentStorage

    /// The `<head>` element (already holding `<meta charset="utf-8">`).
    public let head: HTMLNode

    /// The `<body>` element.
    public let body: HTMLNode

    /// Creates `<!DOCTYPE html><html lang="language"><head><meta charset="utf-8"></head><body></body></html>`.
    public init(language: String = "en") throws(LibXMLError) {
        let created = LibXML.withCapturedErrors { _ -> HTMLDocumentStorage? in
            guard let document = htmlNewDocNoDtD(nil, nil) else { return nil }
            guard let namespace = "urn:x-orghealth:libxml:html-attribute".withXMLChar({ xmlNewNs(nil, $0, nil) }) else {
                xmlFreeDoc(document)
                return nil
            }
            let storage = HTMLDocumentStorage(document: document, attributeNamespace: namespace)
            guard xmlCreateIntSubset(document, "html", nil, nil) != nil,
                  let html = xmlNewDocNode(document, nil, "html", nil)
            else { return nil }
            xmlDocSetRootElement(document, html)
            return storage
        }
        guard let created, let root = xmlDocGetRootElement(created.document) else {
            throw LibXMLError(message: "could not create the HTML document")
        }
        let html = HTMLNode(storage: created, node: root)
        html.writeAttribute("lang", XMLText.sanitized(language))
        guard let head = html.appendElement("head"),
              let meta = head.appendElement("meta"),
              let body = html.appendElement("body")
        else { throw LibXMLError(message: "could not create the HTML document") }
        meta.writeAttribute("charset", "utf-8")
        created.charsetMeta = meta.node
        storage = created
        self.head = head
        self.body = body
    }

    /// The whole document as UTF-8 HTML, starting with `<!DOCTYPE html>`.
    public func serialize() throws(LibXMLError) -> String {
        let document = storage.document
        return try LibXML.withCapturedErrors { (collector) throws(LibXMLError) -> String in
            guard let output = xmlAllocOutputBuffer(nil) else {
                throw LibXMLError(message: "could not allocate the HTML output buffer")
            }
            // No encoder: the tree's UTF-8 is copied as is (no entities for non-ASCII),
            // and unlike htmlSaveFile* nothing inserts a second charset <meta>.
            htmlDocContentDumpFormatOutput(output, document, "UTF-8", 1)
            xmlOutputBufferFlush(output)
            let failed = output.pointee.error != 0
            let size = xmlOutputBufferGetSize(output)
            let html: String
            if let content = xmlOutputBufferGetContent(output), size > 0 {
                html = String(decoding: UnsafeBufferPointer(start: content, count: size), as: UTF8.self)
            } else {
                html = ""
            }
            xmlOutputBufferClose(output)
            guard !failed, html.hasPrefix("<!DOCTYPE html>") else {
                throw collector.mostRelevantError ?? LibXMLError(message: "could not serialize the HTML document")
            }
            return html
        }
    }
}
