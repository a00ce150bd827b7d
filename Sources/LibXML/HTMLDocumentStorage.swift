internal import CLibXML2

/// Owns the libxml2 document behind an ``HTMLDocumentBuilder`` and its
/// ``HTMLNode`` handles; the last handle to go frees it.
final class HTMLDocumentStorage {
    /// The HTML document (`htmlNewDocNoDtD`).
    let document: xmlDocPtr

    /// A namespace with no prefix that is not declared anywhere in the tree.
    /// Every attribute the builder creates points to it: libxml2's HTML
    /// serializer then prints the attribute exactly like an un-namespaced one
    /// (no prefix, no `xmlns`) but skips its URI-escaping of `href`, `src`,
    /// `action` and `a@name`, entity-escaping the value like any other.
    /// Not part of the tree, so it is freed here, after the document.
    let attributeNamespace: xmlNsPtr

    /// The builder's `<meta charset="utf-8">`, first in `head`.
    var charsetMeta: xmlNodePtr?

    init(document: xmlDocPtr, attributeNamespace: xmlNsPtr) {
        self.document = document
        self.attributeNamespace = attributeNamespace
    }

    deinit {
        xmlFreeDoc(document)
        xmlFreeNs(attributeNamespace)
    }
}
