internal import CLibXML2

/// Streaming XML writer over libxml2's `xmlTextWriter`, writing UTF-8 into an
/// in-memory `xmlBuffer` or straight into an open file, optionally indented by two spaces.
///
/// Written to a file (``init(fileDescriptor:indent:)``), libxml2 keeps only its small output
/// buffer (a few KB) and hands each full chunk to `write(2)`, so memory stays flat however
/// large the document; the bytes are the same as the in-memory writer's.
///
/// Text and attribute values are passed through ``XMLText/sanitized(_:)``
/// (libxml2 would otherwise copy XML-illegal control characters into the
/// output) and escaped by libxml2 (`<`, `>`, `&`, and `"` in attributes).
/// Element and attribute names must be valid XML qualified names; invalid
/// names throw. Not thread-safe: use one writer from one thread at a time.
public final class XMLStreamWriter {
    private let buffer: xmlBufferPtr?
    private let writer: xmlTextWriterPtr
    /// The file being written to (nil in memory); keeps the write callback's context alive.
    private let file: XMLFileSink?
    private var depth = 0
    private var documentStarted = false
    private var documentEnded = false
    private var output: String?

    /// Creates a writer. With `indent`, nested elements go on their own lines,
    /// indented by two spaces per level.
    public init(indent: Bool = true) throws(LibXMLError) {
        let created = LibXML.withCapturedErrors { _ -> (xmlBufferPtr, xmlTextWriterPtr)? in
            guard let buffer = xmlBufferCreate() else { return nil }
            // The default "exact" scheme reallocates on every write: quadratic for large reports.
            xmlBufferSetAllocationScheme(buffer, XML_BUFFER_ALLOC_DOUBLEIT)
            guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
                xmlBufferFree(buffer)
                return nil
            }
            if indent {
                xmlTextWriterSetIndent(writer, 1)
                _ = "  ".withXMLChar { xmlTextWriterSetIndentString(writer, $0) }
            }
            return (buffer, writer)
        }
        guard let created else { throw LibXMLError(message: "could not create the XML writer") }
        (buffer, writer) = created
        file = nil
    }

    /// Creates a writer into the open file `fileDescriptor`, which stays open (the caller
    /// closes it). ``finishFile()`` ends the document and flushes; a failed `write(2)` (a full
    /// disk) throws from the call that flushed, with the system's reason.
    public init(fileDescriptor: Int32, indent: Bool = true) throws(LibXMLError) {
        let sink = XMLFileSink(descriptor: fileDescriptor)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let created = LibXML.withCapturedErrors { _ -> xmlTextWriterPtr? in
            // No close callback: the descriptor belongs to the caller.
            guard let output = xmlOutputBufferCreateIO(xmlFileSinkWrite, nil, context, nil) else { return nil }
            // The text writer owns the output buffer from here on (xmlFreeTextWriter closes it).
            guard let writer = xmlNewTextWriter(output) else {
                _ = xmlOutputBufferClose(output)
                return nil
            }
            if indent {
                xmlTextWriterSetIndent(writer, 1)
                _ = "  ".withXMLChar { xmlTextWriterSetIndentString(writer, $0) }
            }
            return writer
        }
        guard let created else { throw LibXMLError(message: "could not create the XML writer") }
        writer = created
        buffer = nil
        file = sink
    }

    deinit {
        xmlFreeTextWriter(writer)
        if let buffer { xmlBufferFree(buffer) }
    }

    /// Writes the XML declaration `<?xml version="1.0" encoding="UTF-8"?>`.
    public func startDocument() throws(LibXMLError) {
        try perform("start the document") { writer in
            xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        }
        documentStarted = true
    }

    /// Opens element `name`. With `namespace`, the element gets a default
    /// namespace declaration (`xmlns="…"`).
    public func startElement(_ name: String, namespace: String? = nil) throws(LibXMLError) {
        try requireValidName(name, kind: "element")
        try perform("start element \(name)") { writer in
            name.withXMLChar { xmlTextWriterStartElement(writer, $0) }
        }
        depth += 1
        if let namespace {
            try attribute("xmlns", namespace)
        }
    }

    /// Adds an attribute to the element just opened (before any content).
    /// The value is sanitised and escaped.
    public func attribute(_ name: String, _ value: String) throws(LibXMLError) {
        try requireValidName(name, kind: "attribute")
        let value = Self.sanitized(value)
        try perform("write attribute \(name)") { writer in
            name.withXMLChar { name in
                value.withXMLChar { xmlTextWriterWriteAttribute(writer, name, $0) }
            }
        }
    }

    /// Writes character data into the current element; the value is sanitised and escaped.
    public func text(_ value: String) throws(LibXMLError) {
        let value = Self.sanitized(value)
        try perform("write text") { writer in
            value.withXMLChar { xmlTextWriterWriteString(writer, $0) }
        }
    }

    /// Closes the innermost open element (`<a/>` when it is empty).
    public func endElement() throws(LibXMLError) {
        guard depth > 0 else { throw LibXMLError(message: "endElement() without an open element") }
        try perform("end element") { writer in xmlTextWriterEndElement(writer) }
        depth -= 1
    }

    /// Writes a whole element: start tag with `attributes` (in order), optional
    /// text content, end tag.
    public func element(_ name: String, attributes: [(String, String)] = [], text: String? = nil) throws(LibXMLError) {
        try startElement(name)
        for (attributeName, value) in attributes {
            try attribute(attributeName, value)
        }
        if let text {
            try self.text(text)
        }
        try endElement()
    }

    /// Closes every open element and ends the document started by ``startDocument()``.
    public func endDocument() throws(LibXMLError) {
        guard documentStarted, !documentEnded else {
            throw LibXMLError(message: "endDocument() without a started document")
        }
        try perform("end the document") { writer in xmlTextWriterEndDocument(writer) }
        depth = 0
        documentEnded = true
    }

    /// Ends the document (closing whatever is still open), flushes, and returns
    /// everything written. Later calls return the same text; writing after
    /// `finish()` throws.
    public func finish() throws(LibXMLError) -> String {
        if let output { return output }
        guard let buffer else { throw LibXMLError(message: "finish() of a writer into a file; use finishFile()") }
        try closeAndFlush()
        let length = Int(xmlBufferLength(buffer))
        let text: String
        if let content = xmlBufferContent(buffer), length > 0 {
            text = String(decoding: UnsafeBufferPointer(start: content, count: length), as: UTF8.self)
        } else {
            text = ""
        }
        output = text
        return text
    }

    /// Ends the document (closing whatever is still open) and flushes everything into the
    /// file of ``init(fileDescriptor:indent:)``. Writing afterwards throws.
    public func finishFile() throws(LibXMLError) {
        guard output == nil else { return }
        guard file != nil else { throw LibXMLError(message: "finishFile() of a writer into memory; use finish()") }
        try closeAndFlush()
        output = ""
    }

    private func closeAndFlush() throws(LibXMLError) {
        if documentStarted, !documentEnded {
            try endDocument()
        }
        while depth > 0 {
            try endElement()
        }
        try perform("flush") { writer in xmlTextWriterFlush(writer) }
    }

    /// Runs one libxml2 writer call with errors captured; a negative result throws. `action`
    /// names the call in an error and is only made then (not once per attribute written).
    private func perform(_ action: @autoclosure () -> String, _ call: (xmlTextWriterPtr) -> Int32) throws(LibXMLError) {
        guard output == nil else { throw LibXMLError(message: "cannot \(action()): the writer is finished") }
        let writer = self.writer
        let file = self.file
        let failure = LibXML.withCapturedErrors { collector -> LibXMLError? in
            guard call(writer) < 0 else { return nil }
            // A failed write(2) is the cause libxml2 only reports as an I/O error.
            if let reason = file?.failure { return LibXMLError(message: "could not \(action()): \(reason)") }
            return collector.mostRelevantError ?? LibXMLError(message: "could not \(action())")
        }
        if let failure { throw failure }
    }

    /// Throws unless `name` is a valid XML qualified name.
    private func requireValidName(_ name: String, kind: String) throws(LibXMLError) {
        if Self.isPlainName(name) { return }
        let valid = !name.isEmpty && !name.containsNUL && name.withXMLChar { xmlValidateQName($0, 0) } == 0
        guard valid else { throw LibXMLError(message: "invalid XML \(kind) name") }
    }

    /// Whether `name` is an ASCII letter or `_` followed by ASCII letters, digits, `-`, `_`
    /// and `.`: an NCName, so a valid qualified name without asking libxml2 (every name the
    /// renderers write; anything else goes to `xmlValidateQName`).
    static func isPlainName(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            if first {
                guard letter else { return false }
                first = false
            } else {
                let digit = byte >= 0x30 && byte <= 0x39
                guard letter || digit || byte == 0x2D || byte == 0x2E else { return false }
            }
        }
        return !first
    }

    /// ``XMLText/sanitized(_:)`` after a check of the UTF-8 bytes: the value as is when it has
    /// no character XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE and
    /// U+FFFF, encoded EF BF BE and EF BF BF), which is almost always.
    static func sanitized(_ value: String) -> String {
        let clean = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
                } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return false
                }
                index += 1
            }
            return true
        }
        return clean == true ? value : XMLText.sanitized(value)
    }
}
