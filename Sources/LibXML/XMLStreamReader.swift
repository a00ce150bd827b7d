internal import CLibXML2

/// A forward-only, pull-style reader of untrusted XML over libxml2's streaming
/// `xmlTextReader`: one node at a time, never a tree of the whole document, so
/// memory stays flat however long the input is (use it for spreadsheets and
/// HRIS exports with a million rows).
///
/// Hardening, the same as ``HardenedParser``'s and one step further:
/// - parsed with `XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
///   XML_PARSE_BIG_LINES`, never with `XML_PARSE_NOENT` (no entity
///   substitution), `XML_PARSE_DTDLOAD`, `XML_PARSE_DTDATTR`,
///   `XML_PARSE_XINCLUDE` or `XML_PARSE_HUGE` (libxml2's size and depth limits
///   stay on);
/// - a document with a DOCTYPE is **refused** (``next()`` throws when it meets
///   it): the data formats read this way never have one, and refusing it rules
///   out entity tricks entirely; entity-reference nodes are refused too;
/// - the process-wide entity loader installed by ``LibXML/initialize()`` loads
///   nothing, so no file or network resource is ever read.
///
/// Errors are collected per reader, never printed. Not thread-safe: use one
/// reader from one thread at a time.
///
/// ```swift
/// let reader = try XMLStreamReader(bytes: Array(xml.utf8), url: "report.xml")
/// while try reader.next() {
///     if reader.kind == .element, reader.localName == "Employee_ID" {
///         let id = try reader.readText()
///     }
/// }
/// ```
public final class XMLStreamReader {
    /// What the reader is positioned on.
    public enum NodeKind: Sendable, Equatable {
        /// A start tag (or an empty element, see ``XMLStreamReader/isEmptyElement``).
        case element
        /// An end tag (not reported for empty elements).
        case endElement
        /// Character data (entities such as `&amp;` already decoded).
        case text
        /// A CDATA section's content.
        case cdata
        /// Whitespace between elements (significant or not).
        case whitespace
        /// Comments, processing instructions and the XML declaration's siblings.
        case other
    }

    /// An interned name: comparing two is one pointer comparison, which is what
    /// a loop over millions of elements wants instead of building a `String`
    /// per node. Get one with ``XMLStreamReader/name(_:)``; it is valid for
    /// this reader only.
    public struct Name: Hashable, @unchecked Sendable {
        let pointer: UnsafeRawPointer?
    }

    private let reader: xmlTextReaderPtr
    private let collector: ErrorCollector
    /// Keeps the pull source (and its error) alive while libxml2 holds a pointer to it.
    private let source: SourceBox?
    private var finished = false

    /// Reads a whole document held in memory. `url` only labels messages.
    public convenience init(bytes: [UInt8], url: String? = nil) throws(LibXMLError) {
        var offset = 0
        try self.init(url: url) { buffer in
            let count = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { all in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)]))
            }
            offset += count
            return count
        }
    }

    /// Reads a document pulled from `source` chunk by chunk: libxml2 calls it
    /// with a buffer to fill; it returns how many bytes it wrote, 0 at the end.
    /// An error thrown by `source` stops the reader: ``next()`` throws, and the
    /// original error is kept in ``sourceError`` (for example a decompressor's
    /// "entry too large" that the caller wants to report as such).
    public init(url: String? = nil, source: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) throws(LibXMLError) {
        LibXML.initialize()
        let box = SourceBox(source)
        let collector = ErrorCollector()
        let context = Unmanaged.passUnretained(box).toOpaque()
        let created = withOptionalCString(url) { url in
            xmlReaderForIO(readFromSource, nil, context, url, nil, XMLStreamReader.options)
        }
        guard let created else { throw LibXMLError(message: "could not create the XML reader") }
        xmlTextReaderSetStructuredErrorHandler(created, collectReaderError, Unmanaged.passUnretained(collector).toOpaque())
        reader = created
        self.collector = collector
        self.source = box
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Parser options: see the type's documentation.
    static let options = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// The error thrown by the pull source, if it stopped the reader.
    public var sourceError: (any Error)? {
        source?.error
    }

    /// Moves to the next node. Returns `false` at the end of the document;
    /// throws the first well-formedness error (with its line), a source error,
    /// or a refusal of a DOCTYPE or entity reference.
    public func next() throws(LibXMLError) -> Bool {
        guard !finished else { return false }
        let result = xmlTextReaderRead(reader)
        if result == 1 {
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                finished = true
                throw LibXMLError(message: "a DOCTYPE is not allowed in this document", line: line)
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                finished = true
                throw LibXMLError(message: "entity references are not allowed in this document", line: line)
            default:
                return true
            }
        }
        finished = true
        if result == 0, collector.mostRelevantError == nil { return false }
        if let sourceError = source?.error {
            throw LibXMLError(message: "could not read the input: \(sourceError)")
        }
        throw collector.mostRelevantError ?? LibXMLError(message: "the document is not well-formed", line: line)
    }

    /// The kind of the current node.
    public var kind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue): return .text
        case Int32(XML_READER_TYPE_CDATA.rawValue): return .cdata
        case Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .whitespace
        default: return .other
        }
    }

    /// The current node's local name (`Report_Entry` for `wd:Report_Entry`); `""` for text.
    public var localName: String {
        guard kind == .element || kind == .endElement else { return "" }
        return stringFromXMLChar(xmlTextReaderConstLocalName(reader))
    }

    /// The current node's qualified name as written (`wd:Report_Entry`); `""` for text.
    public var qualifiedName: String {
        guard kind == .element || kind == .endElement else { return "" }
        return stringFromXMLChar(xmlTextReaderConstName(reader))
    }

    /// The current element's namespace URI, `""` when it has none.
    public var namespaceURI: String {
        stringFromXMLChar(xmlTextReaderConstNamespaceUri(reader))
    }

    /// The current node's local name as an interned ``Name`` (fast to compare).
    public var localNameID: Name {
        Name(pointer: UnsafeRawPointer(xmlTextReaderConstLocalName(reader)))
    }

    /// The interned ``Name`` for `name`, to compare with ``localNameID`` and
    /// the names passed by ``forEachAttribute(_:)``.
    public func name(_ name: String) -> Name {
        guard !name.containsNUL else { return Name(pointer: nil) }
        return Name(pointer: UnsafeRawPointer(name.withXMLChar { xmlTextReaderConstString(reader, $0) }))
    }

    /// Nesting depth of the current node (the root element is 0).
    public var depth: Int {
        Int(xmlTextReaderDepth(reader))
    }

    /// Whether the current element is written `<a/>` (no end tag will follow).
    public var isEmptyElement: Bool {
        xmlTextReaderIsEmptyElement(reader) == 1
    }

    /// The line of the current node in the input (1-based).
    public var line: Int {
        Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The current text, CDATA or whitespace node's content; `""` for elements.
    public var value: String {
        withValue { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the current node's content as UTF-8 bytes, without
    /// copying them (valid only during the call).
    public func withValue<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard kind != .element, kind != .endElement, let pointer = xmlTextReaderConstValue(reader) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer))))
    }

    /// The current element's attribute with this qualified name (`"r"`,
    /// `"wd:type"`), or `nil`.
    public func attribute(_ qualifiedName: String) -> String? {
        guard kind == .element, !qualifiedName.containsNUL else { return nil }
        let found = qualifiedName.withXMLChar { xmlTextReaderMoveToAttribute(reader, $0) } == 1
        guard found else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return stringFromXMLChar(xmlTextReaderConstValue(reader))
    }

    /// The current element's attribute `localName` in `namespaceURI`, or `nil`.
    public func attribute(localName: String, namespaceURI: String) -> String? {
        guard kind == .element, !localName.containsNUL, !namespaceURI.containsNUL else { return nil }
        let found = localName.withXMLChar { name in
            namespaceURI.withXMLChar { xmlTextReaderMoveToAttributeNs(reader, name, $0) }
        } == 1
        guard found else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return stringFromXMLChar(xmlTextReaderConstValue(reader))
    }

    /// Calls `body` with each attribute of the current element: its local name
    /// (interned) and its value as UTF-8 bytes (valid only during the call).
    /// Namespace declarations (`xmlns…`) are included, as libxml2 reports them.
    public func forEachAttribute(_ body: (Name, UnsafeBufferPointer<UInt8>) -> Void) {
        guard kind == .element, xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        repeat {
            let name = Name(pointer: UnsafeRawPointer(xmlTextReaderConstLocalName(reader)))
            if let value = xmlTextReaderConstValue(reader) {
                body(name, UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
            } else {
                body(name, UnsafeBufferPointer(start: nil, count: 0))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
    }

    /// When on a start tag: reads to its end tag and returns all the text
    /// inside it (nested elements' text included, in order), leaving the reader
    /// on the end tag. `""` for an empty element (the reader does not move).
    public func readText() throws(LibXMLError) -> String {
        guard kind == .element, !isEmptyElement else { return "" }
        let startDepth = depth
        var text: [UInt8] = []
        while try next() {
            switch kind {
            case .text, .cdata, .whitespace:
                withValue { text.append(contentsOf: $0) }
            case .endElement where depth == startDepth:
                return String(decoding: text, as: UTF8.self)
            default:
                break
            }
        }
        throw LibXMLError(message: "the document ended inside an element", line: line)
    }

    /// Skips the current element's content, leaving the reader on its end tag
    /// (or where it is, for an empty element or a non-element).
    public func skipElement() throws(LibXMLError) {
        guard kind == .element, !isEmptyElement else { return }
        let startDepth = depth
        while try next() {
            if kind == .endElement, depth == startDepth { return }
        }
        throw LibXMLError(message: "the document ended inside an element", line: line)
    }
}

/// Holds the pull source for the C read callback, and the error it threw.
private final class SourceBox {
    let read: (UnsafeMutableRawBufferPointer) throws -> Int
    var error: (any Error)?

    init(_ read: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        self.read = read
    }
}

/// libxml2's `xmlInputReadCallback`: fills `buffer` from the ``SourceBox``;
/// 0 at the end, -1 after an error (kept in the box).
private func readFromSource(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    let box = Unmanaged<SourceBox>.fromOpaque(context).takeUnretainedValue()
    guard box.error == nil else { return -1 }
    do {
        let count = try box.read(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length)))
        return Int32(clamping: max(0, min(count, Int(length))))
    } catch {
        box.error = error
        return -1
    }
}

/// The per-reader structured error handler; `context` is the unretained ``ErrorCollector``.
private func collectReaderError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}
