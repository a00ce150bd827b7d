internal import CLibXML2

/// A read-only view of one element of a ``ParsedDocument`` (it keeps the
/// document alive).
///
/// Entity references other than the five predefined ones and character
/// references (which the parser replaces) are never expanded — the hardened
/// parser does not substitute entities — so they contribute nothing to
/// ``textContent`` or attribute values.
public struct ParsedNode: @unchecked Sendable {
    /// The document that owns `node`.
    let document: ParsedDocument
    /// An element node of `document`.
    let node: xmlNodePtr

    /// The element's local name (lowercase for HTML).
    public var name: String {
        let name = stringFromXMLChar(node.pointee.name)
        return document.isHTML ? XMLText.asciiLowercased(name) : name
    }

    /// The element's namespace URI, if it has one (never for HTML).
    public var namespaceURI: String? {
        node.pointee.ns.map { stringFromXMLChar($0.pointee.href) }
    }

    /// The element's attributes by name (`prefix:local` for prefixed
    /// attributes; lowercase for HTML). Namespace declarations are not attributes.
    public var attributes: [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let key = attributeName(current)
            if result[key] == nil {
                result[key] = attributeValue(current)
            }
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of attribute `name` (as keyed in ``attributes``), or `nil`.
    public func attribute(_ name: String) -> String? {
        let wanted = document.isHTML ? XMLText.asciiLowercased(name) : name
        var attribute = node.pointee.properties
        while let current = attribute {
            if attributeName(current) == wanted {
                return attributeValue(current)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// The element children, in document order.
    public var children: [ParsedNode] {
        var result: [ParsedNode] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                result.append(ParsedNode(document: document, node: current))
            }
            child = current.pointee.next
        }
        return result
    }

    /// The concatenated text and CDATA of the whole subtree, in document order.
    public var textContent: String { String(decoding: textBytes, as: UTF8.self) }

    /// ``textContent``'s UTF-8 bytes, as `Array(textContent.utf8)` gives them: ASCII text
    /// without making the string and copying it out again (a notes export asks for every
    /// block's text); other text through the string, which repairs any ill-formed bytes.
    public var textContentUTF8: [UInt8] {
        let bytes = textBytes
        return bytes.allSatisfy { $0 < 0x80 } ? bytes : Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// The text and CDATA bytes of the subtree, as the tree holds them.
    private var textBytes: [UInt8] {
        var bytes: [UInt8] = []
        forEachDescendant { descendant in
            let type = descendant.pointee.type
            guard type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE,
                  let content = descendant.pointee.content
            else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        return bytes
    }

    /// Calls `body` with the element's local name as the tree holds it (UTF-8, no terminating
    /// NUL; libxml2's HTML parser lower-cases it), without making a string: for readers that
    /// classify every element of a document.
    public func withNameUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let name = node.pointee.name else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: name, count: Int(xmlStrlen(name))))
    }

    /// The 1-based line of the element's start tag in the input (0 if unknown).
    public var line: Int {
        Int(xmlGetLineNo(node))
    }

    /// Every element below this one (not itself) whose ``name`` is `named`, in
    /// document order; `"*"` matches every element. Names are compared by their UTF-8 bytes
    /// (for HTML, ASCII letters in either case).
    public func descendants(named: String) -> [ParsedNode] {
        let wanted = document.isHTML ? XMLText.asciiLowercased(named) : named
        var result: [ParsedNode] = []
        // Names compared in place, not through ``name``'s string per element: HTML's ASCII
        // letters in any case (as ``name`` lower-cases them), XML's exactly.
        wanted.withCString { wanted in
            wanted.withMemoryRebound(to: xmlChar.self, capacity: 1) { wanted in
                let any = named == "*"
                forEachDescendant { descendant in
                    guard descendant.pointee.type == XML_ELEMENT_NODE else { return }
                    if any || (document.isHTML ? xmlStrcasecmp(descendant.pointee.name, wanted) == 0
                                               : xmlStrEqual(descendant.pointee.name, wanted) != 0) {
                        result.append(ParsedNode(document: document, node: descendant))
                    }
                }
            }
        }
        return result
    }

    /// Visits every node below this element in document order, without
    /// recursion (HTML input can nest arbitrarily deep). Only element children
    /// are descended into, so entity-reference nodes (whose children belong to
    /// the entity declaration) are visited but not entered.
    private func forEachDescendant(_ visit: (xmlNodePtr) -> Void) {
        let root = node
        var current = root.pointee.children
        while let visiting = current {
            visit(visiting)
            if visiting.pointee.type == XML_ELEMENT_NODE, let firstChild = visiting.pointee.children {
                current = firstChild
                continue
            }
            var climbing: xmlNodePtr? = visiting
            current = nil
            while let candidate = climbing, candidate != root {
                if let sibling = candidate.pointee.next {
                    current = sibling
                    break
                }
                climbing = candidate.pointee.parent
            }
        }
    }

    /// `prefix:local` or `local`, lowercase for HTML.
    private func attributeName(_ attribute: xmlAttrPtr) -> String {
        let local = stringFromXMLChar(attribute.pointee.name)
        let name: String
        if let prefix = attribute.pointee.ns?.pointee.prefix {
            name = stringFromXMLChar(prefix) + ":" + local
        } else {
            name = local
        }
        return document.isHTML ? XMLText.asciiLowercased(name) : name
    }

    /// The attribute's text children concatenated (entity references skipped).
    private func attributeValue(_ attribute: xmlAttrPtr) -> String {
        var bytes: [UInt8] = []
        var child = attribute.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = current.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
