internal import CLibXML2

/// A handle to an element of an ``HTMLDocumentBuilder``'s tree (it keeps the
/// document alive).
///
/// Element and attribute names are expected to be code constants; they are
/// still validated (ASCII letters, digits, `-` and `:`, starting with a
/// letter). Anything refused is skipped rather than trapping:
///
/// - ``element(_:_:text:)`` with an invalid or forbidden name (`script`,
///   `style`, other raw-text elements, `iframe`, `object`, `embed`, `base`, …;
///   case-insensitive) returns a *detached* handle (``isDetached``): every
///   operation on it, and on anything created from it, is a no-op, so nothing
///   given to it ever reaches the output.
/// - ``setAttribute(_:_:)`` skips invalid names, event handlers (`on…`),
///   URL attributes (`href`, `src`, `action`, `xlink:href`, …) whose value has
///   a `javascript:`, `vbscript:` or non-image `data:` scheme, and `charset`
///   declarations (the builder writes the only one).
///
/// Text and attribute values may be any string: they are sanitised with
/// ``XMLText/sanitizedForDisplay(_:)`` (XML-forbidden characters replaced, bidi
/// controls such as U+202E removed, so names cannot be visually spoofed) and escaped so that an HTML parser reads back
/// exactly the sanitised value. Caveats: boolean attributes (`checked`,
/// `disabled`, `selected`, …) are written without their value, and parsers
/// normalise carriage returns and drop a newline right after `<pre>`/`<textarea>`.
/// Not thread-safe: use a builder and its nodes from one thread at a time.
public struct HTMLNode {
    /// The owning document; `nil` for a detached handle.
    let storage: HTMLDocumentStorage?
    /// The element; `nil` for a detached handle.
    let node: xmlNodePtr?

    /// A handle that refers to nothing: operations on it do nothing.
    static var detached: HTMLNode { HTMLNode(storage: nil, node: nil) }

    /// Whether this handle was refused (see ``element(_:_:text:)``) and is not
    /// part of the document.
    public var isDetached: Bool {
        node == nil
    }

    /// Appends child element `name` with `attributes` (in order, see
    /// ``setAttribute(_:_:)``) and optional text content, and returns it.
    /// A forbidden or invalid `name` yields a detached handle and adds nothing.
    /// `meta` with a charset declaration returns the builder's own
    /// `<meta charset="utf-8">` instead of adding a second one.
    @discardableResult
    public func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil) -> HTMLNode {
        guard let storage, node != nil, XMLText.isSafeHTMLName(name) else { return .detached }
        let lowercasedName = XMLText.asciiLowercased(name)
        guard !HTMLPolicy.forbiddenElements.contains(lowercasedName) else { return .detached }
        if lowercasedName == "meta",
           attributes.contains(where: { HTMLPolicy.declaresCharset(XMLText.asciiLowercased($0.0), $0.1) }),
           let charsetMeta = storage.charsetMeta {
            return HTMLNode(storage: storage, node: charsetMeta)
        }
        // One capture of libxml2's errors for the element, its attributes and its text (issue
        // 16: a capture per call was a tenth of the HTML's time for a pack of manager editions).
        return LibXML.withCapturedErrors { _ -> HTMLNode in
            guard let child = addChildElement(name) else { return .detached }
            for (attributeName, value) in attributes {
                child.vetAndAddAttribute(attributeName, value, onMeta: lowercasedName == "meta")
            }
            if let text {
                child.addText(text)
            }
            return child
        }
    }

    /// Appends a text node (sanitised; escaped by the serializer).
    public func text(_ value: String) {
        LibXML.withCapturedErrors { _ in addText(value) }
    }

    /// Appends `<style>` with `css`, which must be trusted, static CSS: it is
    /// written unescaped, so CSS containing `<` is rejected with an error. That
    /// covers `</` (which could end the element) and also any other tag or
    /// comment: inside inline SVG (foreign content) browsers parse `<style>`
    /// content as markup. Does nothing on a detached handle.
    public func style(_ css: String) throws(LibXMLError) {
        guard storage != nil, node != nil else { return }
        let css = XMLText.sanitized(css)
        guard !css.contains("<") else {
            throw LibXMLError(message: "CSS for <style> must not contain \"<\"")
        }
        guard let style = appendElement("style") else {
            throw LibXMLError(message: "could not add a <style> element")
        }
        style.text(css)
    }

    /// Sets attribute `name` to `value`, replacing an existing attribute of the
    /// same name (case-insensitive). Refused names and values are skipped; see
    /// ``HTMLNode``.
    public func setAttribute(_ name: String, _ value: String) {
        LibXML.withCapturedErrors { _ in vetAndAddAttribute(name, value, onMeta: elementName == "meta") }
    }

    // MARK: Internals

    /// The element's lowercased name, `""` when detached.
    var elementName: String {
        XMLText.asciiLowercased(stringFromXMLChar(node?.pointee.name))
    }

    /// Creates element `name` (already validated) as the last child; no policy checks.
    func appendElement(_ name: String) -> HTMLNode? {
        LibXML.withCapturedErrors { _ in addChildElement(name) }
    }

    /// Replaces attribute `name` with `value` (already sanitised and vetted); no policy checks.
    func writeAttribute(_ name: String, _ value: String) {
        LibXML.withCapturedErrors { _ in addAttribute(name, value) }
    }

    // The calls below reach into libxml2 without capturing its errors: their callers above
    // capture them, once per public call.

    /// ``appendElement(_:)``'s work.
    private func addChildElement(_ name: String) -> HTMLNode? {
        guard let storage, let node else { return nil }
        guard let child = name.withXMLChar({ xmlNewDocNode(storage.document, nil, $0, nil) }) else { return nil }
        guard xmlAddChild(node, child) != nil else {
            xmlFreeNode(child)
            return nil
        }
        return HTMLNode(storage: storage, node: child)
    }

    /// ``text(_:)``'s work.
    private func addText(_ value: String) {
        guard let storage, let node else { return }
        var text = XMLText.sanitizedForDisplay(value)
        // Read in place, not copied into an array first.
        let textNode = text.withUTF8 { bytes -> xmlNodePtr? in
            guard !bytes.isEmpty, let length = Int32(exactly: bytes.count) else { return nil }
            return xmlNewDocTextLen(storage.document, bytes.baseAddress, length)
        }
        guard let textNode else { return }
        if xmlAddChild(node, textNode) == nil {
            xmlFreeNode(textNode)
        }
    }

    /// ``setAttribute(_:_:)``'s work: the policy's checks, then ``addAttribute(_:_:)``;
    /// `onMeta` tells whether this element is a `meta` (known to the caller, not read back).
    private func vetAndAddAttribute(_ name: String, _ value: String, onMeta: Bool) {
        guard node != nil, XMLText.isSafeHTMLName(name) else { return }
        let lowercasedName = XMLText.asciiLowercased(name)
        let value = XMLText.sanitizedForDisplay(value)
        guard !HTMLPolicy.isEventHandler(lowercasedName) else { return }
        if HTMLPolicy.urlAttributes.contains(lowercasedName), !HTMLPolicy.isSafeURL(value) { return }
        if onMeta, HTMLPolicy.declaresCharset(lowercasedName, value) { return }
        addAttribute(name, value)
    }

    /// ``writeAttribute(_:_:)``'s work. The attribute belongs to the storage's prefix-less
    /// namespace and its value is stored as text pieces (see ``HTMLPolicy/attributeValuePieces(_:)``);
    /// a value with nothing to cut, nearly every one, is one piece read in place.
    private func addAttribute(_ name: String, _ value: String) {
        guard let storage, let node else { return }
        name.withXMLChar { xmlName in
            removeAttribute(named: xmlName)
            guard let attribute = xmlNewNsProp(node, storage.attributeNamespace, xmlName, nil) else { return }
            let attributeAsNode = xmlNodePtr(OpaquePointer(attribute))
            func append(_ piece: UnsafeBufferPointer<UInt8>) {
                guard let length = Int32(exactly: piece.count),
                      let textNode = xmlNewDocTextLen(storage.document, piece.baseAddress, length) else { return }
                // Linked by hand: xmlAddChild would merge adjacent text nodes.
                textNode.pointee.parent = attributeAsNode
                if let last = attribute.pointee.last {
                    last.pointee.next = textNode
                    textNode.pointee.prev = last
                } else {
                    attribute.pointee.children = textNode
                }
                attribute.pointee.last = textNode
            }
            if HTMLPolicy.needsCutting(value) {
                for piece in HTMLPolicy.attributeValuePieces(value) { piece.withUnsafeBufferPointer(append) }
            } else {
                var value = value
                value.withUTF8(append)
            }
        }
    }

    /// Removes every attribute whose name is `name`, ASCII case aside (names are ASCII).
    private func removeAttribute(named name: UnsafePointer<xmlChar>) {
        guard let node else { return }
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            if xmlStrcasecmp(current.pointee.name, name) == 0 {
                xmlRemoveProp(current)
            }
        }
    }
}
