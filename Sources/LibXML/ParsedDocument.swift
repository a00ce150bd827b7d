internal import CLibXML2

/// A parsed, read-only document tree produced by ``HardenedParser``.
///
/// The class owns the underlying libxml2 document and frees it when the last
/// reference (including any ``ParsedNode``) goes away. The tree is never
/// mutated after parsing, so a document and its nodes may be read from several
/// threads at once.
public final class ParsedDocument: @unchecked Sendable {
    /// The libxml2 document; owned, freed in `deinit`.
    let document: xmlDocPtr

    /// Whether the document came from the HTML parser (names are then lowercase).
    public let isHTML: Bool

    /// Non-fatal errors and warnings reported while parsing (at most 100),
    /// e.g. HTML recovery notes or XML namespace errors.
    public let diagnostics: [LibXMLError]

    init(document: xmlDocPtr, isHTML: Bool, diagnostics: [LibXMLError]) {
        self.document = document
        self.isHTML = isHTML
        self.diagnostics = diagnostics
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The root element, if the document has one.
    public var root: ParsedNode? {
        xmlDocGetRootElement(document).map { ParsedNode(document: self, node: $0) }
    }
}
