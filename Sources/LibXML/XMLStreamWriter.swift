internal import CLibXML2
import Foundation

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
    /// For each open element, what was last written into it (see ``LastChild``).
    private var lastChild: [LastChild] = []
    /// The storage rows are gathered in, kept between rows (``rowElement(_:_:)``).
    private var rowStorage = XMLRow.Storage()
    /// Whether libxml2 may hold output the rows have not yet been put behind.
    private var libxmlPending = true
    /// Whether empty elements may be written as rows (``startEmptyElement(_:)``); the writer
    /// with `false` asks libxml2 for every byte (the tests' reference).
    private let writesRows: Bool
    private let indents: Bool

    /// What an open element last received, which decides how libxml2 would start the next child.
    private enum LastChild { case nothing, element, other }
    private var documentStarted = false
    private var documentEnded = false
    private var output: String?
    /// The collector of ``batch(_:)`` while it runs on this writer's thread; nil otherwise.
    private var batchCollector: ErrorCollector?

    /// Creates a writer. With `indent`, nested elements go on their own lines,
    /// indented by two spaces per level.
    public convenience init(indent: Bool = true) throws(LibXMLError) {
        try self.init(indent: indent, rows: true)
    }

    /// A writer into memory; `rows: false` writes every empty element through libxml2's own
    /// calls (the reference the row path is tested against).
    public init(indent: Bool, rows: Bool) throws(LibXMLError) {
        writesRows = rows
        indents = indent
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
    public convenience init(fileDescriptor: Int32, indent: Bool = true) throws(LibXMLError) {
        try self.init(fileDescriptor: fileDescriptor, indent: indent, rows: true)
    }

    /// A writer into a file; `rows` as in ``init(indent:rows:)``.
    public init(fileDescriptor: Int32, indent: Bool, rows: Bool) throws(LibXMLError) {
        writesRows = rows
        indents = indent
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
        rowStorage.free()
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
        lastChild.append(.nothing)
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
        if !lastChild.isEmpty { lastChild[lastChild.count - 1] = .other }
    }

    /// Closes the innermost open element (`<a/>` when it is empty).
    public func endElement() throws(LibXMLError) {
        guard depth > 0 else { throw LibXMLError(message: "endElement() without an open element") }
        try perform("end element") { writer in xmlTextWriterEndElement(writer) }
        depth -= 1
        lastChild.removeLast()
        if !lastChild.isEmpty { lastChild[lastChild.count - 1] = .element }
    }

    /// Writes an element that has attributes and child elements but no text — a figure
    /// `<metric id="…" n="3"/>`, or a `<scope>` with its `<dimension>`s and their `<source>`s:
    /// `build` adds them, in order, with ``XMLRow/attribute(_:_:)``,
    /// ``XMLRow/startChild(_:)`` and ``XMLRow/endChild()``.
    ///
    /// The bytes are exactly those of ``startElement(_:namespace:)``, ``attribute(_:_:)`` and
    /// ``endElement()``, but once libxml2 has written an element into the parent, the next
    /// ones are gathered here — indented as libxml2 indents, attributes escaped as it escapes
    /// them (`& < > "`, tab, LF and CR as references; UTF-8 as is, as libxml2 2.9's writer
    /// leaves it — `XMLRowTests` holds the two to the same bytes) — and put behind libxml2's
    /// output in one piece. A report's millions of figures are such elements; this way each
    /// costs one write instead of a libxml2 call per attribute (issue 16).
    public func rowElement(
        _ name: StaticString, _ build: (inout XMLRow) throws(LibXMLError) -> Void
    ) throws(LibXMLError) {
        guard writesRows, indents, lastChild.last == .element, output == nil else {
            try startElement(name.description)
            var row = XMLRow(writer: self)
            try build(&row)
            return try endElement()
        }
        try XMLRow.requireValidName(name, kind: "element")
        // The row's storage is moved in and out, never shared, so it is allocated once per writer.
        var storage = XMLRow.Storage()
        swap(&storage, &rowStorage)
        var row = XMLRow(storage: consume storage, depth: depth)
        // The storage goes back to the writer however the row ends.
        defer { rowStorage = row.takeStorage() }
        try row.start(name)
        try build(&row)
        try row.finish()
        try writeRow(row.storage.bytes.buffer)
    }

    /// Rows in each piece of the first round of ``rowElements(_:count:_:)``.
    public static let firstPieceRows = 1_024

    /// Writes `count` elements named `name` as ``rowElement(_:_:)`` would one by one, the
    /// `index`th built by `build(index, &row)`: the same bytes in the same order, but built in
    /// pieces on every core and written in order (``PieceRounds``: ``firstPieceRows`` rows,
    /// then about ``PieceRounds/pieceBytes`` each; issue 16: the XML at 10^6 people is 3
    /// million such rows). `build` must only read what it captures. When a piece fails, the
    /// first failure in document order is thrown and nothing after the pieces before it is
    /// written.
    public func rowElements(
        _ name: StaticString, count: Int, _ build: @escaping @Sendable (Int, inout XMLRow) throws(LibXMLError) -> Void
    ) throws(LibXMLError) {
        var index = 0
        // Rows are gathered only after libxml2 has written an element into the parent.
        while index < count, !(writesRows && indents && lastChild.last == .element && output == nil) {
            try rowElement(name) { row throws(LibXMLError) in try build(index, &row) }
            index += 1
        }
        guard index < count else { return }
        try XMLRow.requireValidName(name, kind: "element")
        var rounds = PieceRounds(rows: index..<count, firstPieceRows: Self.firstPieceRows)
        let piecesPerRound = rounds.piecesPerRound
        let depth = self.depth
        // One storage per piece of a round, kept across rounds; freed however this ends.
        let storages = UnsafeMutableBufferPointer<XMLRow.Storage>.allocate(capacity: piecesPerRound)
        storages.initialize(repeating: XMLRow.Storage())
        let failures = UnsafeMutableBufferPointer<LibXMLError?>.allocate(capacity: piecesPerRound)
        failures.initialize(repeating: nil)
        defer {
            for storage in storages { storage.free() }
            storages.deinitialize()
            storages.deallocate()
            failures.deinitialize()
            failures.deallocate()
        }
        while let round = rounds.next() {
            // Each piece touches only its own slot of `storages` and `failures`.
            nonisolated(unsafe) let slots = (storages, failures)
            let buildPiece: @Sendable (Int) -> Void = { piece in
                var row = XMLRow(storage: slots.0[piece], depth: depth)
                do throws(LibXMLError) {
                    for rowIndex in round[piece] {
                        try row.start(name)
                        try build(rowIndex, &row)
                        try row.finish()
                    }
                    slots.1[piece] = nil
                } catch {
                    slots.1[piece] = error
                }
                slots.0[piece] = row.takeStorage()
            }
            if round.count == 1 { buildPiece(0) } else { DispatchQueue.concurrentPerform(iterations: round.count, execute: buildPiece) }
            var bytes = 0
            for piece in round.indices {
                if let failure = failures[piece] { throw failure }
                try writeRow(storages[piece].bytes.buffer)
                bytes += storages[piece].bytes.count
            }
            rounds.measured(bytes: bytes)
        }
    }

    /// Puts a finished row behind everything libxml2 has written.
    private func writeRow(_ raw: UnsafeRawBufferPointer) throws(LibXMLError) {
        if libxmlPending {
            try perform("flush") { writer in xmlTextWriterFlush(writer) }
            libxmlPending = false
        }
        let written: Bool = {
            guard let base = raw.baseAddress else { return true }
            if let file { return file.write(base, raw.count) }
            guard let buffer else { return false }
            return xmlBufferAdd(buffer, base.assumingMemoryBound(to: xmlChar.self), Int32(raw.count)) == 0
        }()
        guard written else {
            throw LibXMLError(message: "could not write an element: \(file?.failure ?? "the buffer could not grow")")
        }
    }

    /// The bytes that libxml2 writes as references in an attribute: tab, LF, CR, `"`, `&`, `<`, `>`.
    /// Computed, not stored: a stored static is a lazy global, checked on every use.
    private static var escapedBelow64: UInt64 { 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E }

    /// Appends an attribute value the way libxml2's text writer escapes it: the seven bytes of
    /// ``escapedBelow64`` as references, everything else (UTF-8 included) as is. `value` is
    /// already sanitised.
    static func appendEscapedAttribute(_ value: String, to bytes: inout XMLRowBytes) {
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x40 && escapedBelow64 & (1 << UInt64(byte)) != 0 {
                bytes.append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch byte {
                case 0x0A: bytes.append("&#10;" as StaticString)
                case 0x0D: bytes.append("&#13;" as StaticString)
                case 0x09: bytes.append("&#9;" as StaticString)
                case 0x22: bytes.append("&quot;" as StaticString)
                case 0x3C: bytes.append("&lt;" as StaticString)
                case 0x3E: bytes.append("&gt;" as StaticString)
                default: bytes.append("&amp;" as StaticString)
                }
                start = index + 1
            }
            bytes.append(UnsafeBufferPointer(rebasing: utf8[start...]))
        }
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
        lastChild = []
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
        guard let file else { throw LibXMLError(message: "finishFile() of a writer into memory; use finish()") }
        try closeAndFlush()
        guard file.flush() else { throw LibXMLError(message: "could not flush: \(file.failure ?? "write failed")") }
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

    /// Runs `body` with libxml2's error handlers taken over once for all the calls it makes
    /// (issue 16): outside a batch every call installs and restores them, which at a few
    /// million attributes cost more than libxml2's own writing. `body` must stay on the
    /// calling thread (synchronous; the handlers are per thread), as every use of a writer
    /// must. Nested batches share the outer one.
    public func batch<T>(_ body: () throws -> T) throws -> T {
        if batchCollector != nil { return try body() }
        return try LibXML.withCapturedErrors { collector throws -> T in
            batchCollector = collector
            defer { batchCollector = nil }
            return try body()
        }
    }

    /// Runs one libxml2 writer call with errors captured; a negative result throws. `action`
    /// names the call in an error and is only made then (not once per attribute written).
    private func perform(_ action: @autoclosure () -> String, _ call: (xmlTextWriterPtr) -> Int32) throws(LibXMLError) {
        guard output == nil else { throw LibXMLError(message: "cannot \(action()): the writer is finished") }
        let writer = self.writer
        let file = self.file
        func failure(_ collector: ErrorCollector) -> LibXMLError {
            // A failed write(2) is the cause libxml2 only reports as an I/O error.
            if let reason = file?.failure { return LibXMLError(message: "could not \(action()): \(reason)") }
            return collector.mostRelevantError ?? LibXMLError(message: "could not \(action())")
        }
        libxmlPending = true
        if let batchCollector {
            guard call(writer) < 0 else { return }
            throw failure(batchCollector)
        }
        let failed = LibXML.withCapturedErrors { collector -> LibXMLError? in
            call(writer) < 0 ? failure(collector) : nil
        }
        if let failed { throw failed }
    }

    /// Throws unless `name` is a valid XML qualified name.
    private func requireValidName(_ name: String, kind: String) throws(LibXMLError) {
        if Self.isPlainName(name) { return }
        try Self.requireValidQName(name, kind: kind)
    }

    /// Throws unless `name` is a valid XML qualified name (asking libxml2).
    static func requireValidQName(_ name: String, kind: String) throws(LibXMLError) {
        let valid = !name.isEmpty && !name.containsNUL && name.withXMLChar { xmlValidateQName($0, 0) } == 0
        guard valid else { throw LibXMLError(message: "invalid XML \(kind) name") }
    }

    /// Whether `name` is an ASCII letter or `_` followed by ASCII letters, digits, `-`, `_`
    /// and `.`: an NCName, so a valid qualified name without asking libxml2 (every name the
    /// renderers write; anything else goes to `xmlValidateQName`).
    static func isPlainName(_ name: String) -> Bool {
        // Comparisons, not lookup tables: a static table is a lazy global, and its `swift_once`
        // check on every attribute cost a third of writing one (issue 16).
        var name = name
        return name.withUTF8(isPlainName)
    }

    /// ``isPlainName(_:)`` of a name's UTF-8 bytes.
    @inline(__always)
    static func isPlainName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        func letter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x5F }
        guard letter(first) else { return false }
        for byte in bytes.dropFirst() where !(letter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2E) {
            return false
        }
        return true
    }

    /// Whether an attribute value's byte can be copied as is: not a control character, not
    /// `"`, `&`, `<` or `>`, and not 0xEF (which may begin U+FFFE or U+FFFF).
    @inline(__always)
    static func isPlainValueByte(_ byte: UInt8) -> Bool {
        if byte >= 0x40 { return byte != 0xEF }
        return byte >= 0x20 && escapedBelow64 & (1 << UInt64(byte)) == 0
    }

    /// Appends an attribute value sanitised and escaped as ``attribute(_:_:)`` writes it, in
    /// one look at the bytes when (as almost always) none needs either.
    static func appendAttributeValue(_ value: String, to bytes: inout XMLRowBytes) {
        // Read in place (a `var` copy to call `withUTF8` retained every value written).
        let copied = value.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.allSatisfy(isPlainValueByte) else { return false }
            bytes.append(utf8)
            return true
        }
        if copied != true { appendEscapedAttribute(sanitized(value), to: &bytes) }
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

/// One element written by ``XMLStreamWriter/rowElement(_:_:)``: its attributes and child elements.
public struct XMLRow {
    /// The writer to call when the element goes through libxml2 (nil when gathered here).
    private let writer: XMLStreamWriter?
    fileprivate var storage: Storage
    private var bytes: XMLRowBytes {
        get { storage.bytes }
        _modify { yield &storage.bytes }
    }
    /// The open elements of the row, innermost last.
    private var open: [StaticString] {
        get { storage.open }
        _modify { yield &storage.open }
    }
    /// The depth of the row's own element.
    private let depth: Int
    /// Whether the innermost element's start tag still takes attributes.
    private var tagOpen = false

    /// What a row is gathered in; the writer keeps it between rows.
    struct Storage {
        var bytes = XMLRowBytes()
        var open: [StaticString] = []
        /// The names this storage's rows have already found valid.
        var validNames = XMLNameCache()

        /// Frees the bytes and the names; the value must not be used afterwards.
        func free() {
            bytes.free()
            validNames.free()
        }
    }

    fileprivate init(writer: XMLStreamWriter) {
        self.writer = writer
        storage = Storage()
        depth = 0
    }

    fileprivate init(storage: consuming Storage, depth: Int) {
        writer = nil
        self.storage = storage
        self.storage.bytes.removeAll()
        self.storage.open.removeAll(keepingCapacity: true)
        self.depth = depth
    }

    /// The storage, for the next row.
    fileprivate mutating func takeStorage() -> Storage {
        var taken = Storage()
        swap(&taken, &storage)
        return taken
    }

    /// Adds an attribute to the innermost open element, before its first child; the value is
    /// sanitised and escaped as ``XMLStreamWriter/attribute(_:_:)`` does.
    public mutating func attribute(_ name: StaticString, _ value: String) throws(LibXMLError) {
        if let writer { return try writer.attribute(name.description, value) }
        try attributeStart(name)
        XMLStreamWriter.appendAttributeValue(value, to: &bytes)
        bytes.append(0x22)
    }

    /// Adds an attribute whose value is a whole number, its digits written straight into the row.
    public mutating func attribute(_ name: StaticString, _ value: Int) throws(LibXMLError) {
        guard writer == nil, value >= 0 else { return try attribute(name, String(value)) }
        try attributeStart(name)
        bytes.appendDigits(value)
        bytes.append(0x22)
    }

    /// Adds an attribute whose value is `value` as `value.description` writes it (the shortest
    /// decimal that reads back as the same double), its digits written straight into the row.
    public mutating func attribute(_ name: StaticString, shortest value: Double) throws(LibXMLError) {
        guard writer == nil, value.isFinite else { return try attribute(name, value.description) }
        try attributeStart(name)
        // The stream takes the row's buffer and hands it back, grown if it had to.
        var stream = XMLRowNumberStream(bytes: bytes)
        value.write(to: &stream)
        bytes = stream.bytes
        bytes.append(0x22)
    }

    /// Adds an attribute whose value is `first`, `separator` and `second` (`team:T0042`),
    /// without joining them into a string first.
    public mutating func attribute(
        _ name: StaticString, joining first: String, _ separator: StaticString, _ second: String
    ) throws(LibXMLError) {
        guard writer == nil else { return try attribute(name, first + separator.description + second) }
        try attributeStart(name)
        XMLStreamWriter.appendAttributeValue(first, to: &bytes)
        XMLStreamWriter.appendAttributeValue(separator.description, to: &bytes)
        XMLStreamWriter.appendAttributeValue(second, to: &bytes)
        bytes.append(0x22)
    }

    /// ` name="` of an attribute gathered here.
    @inline(__always)
    private mutating func attributeStart(_ name: StaticString) throws(LibXMLError) {
        guard tagOpen else { throw LibXMLError(message: "attribute \(name) after a child element") }
        try requireValidName(name, kind: "attribute")
        bytes.appendAttributeStart(name)
    }

    /// ``requireValidName(_:kind:)``, once per name for the rows of one storage.
    @inline(__always)
    private mutating func requireValidName(_ name: StaticString, kind: String) throws(LibXMLError) {
        let address = name.hasPointerRepresentation ? UInt(bitPattern: name.utf8Start) : 0
        if address != 0 && storage.validNames.contains(address) { return }
        try Self.requireValidName(name, kind: kind)
        if address != 0 { storage.validNames.insert(address) }
    }

    /// Opens a child element of the innermost open one.
    public mutating func startChild(_ name: StaticString) throws(LibXMLError) {
        if let writer { return try writer.startElement(name.description) }
        try requireValidName(name, kind: "element")
        try start(name)
    }

    /// Closes the innermost child element (`<a/>` when it has no children).
    public mutating func endChild() throws(LibXMLError) {
        if let writer { return try writer.endElement() }
        guard open.count > 1 else { throw LibXMLError(message: "endChild() without an open child element") }
        close()
    }

    /// An empty child element with attributes only.
    public mutating func child(_ name: StaticString, _ attributes: (inout XMLRow) throws(LibXMLError) -> Void) throws(LibXMLError) {
        try startChild(name)
        try attributes(&self)
        try endChild()
    }

    /// Opens an element, as libxml2 does: the parent's start tag closed with `>` and a line
    /// break, then one indent string per open element.
    fileprivate mutating func start(_ name: StaticString) throws(LibXMLError) {
        if tagOpen { bytes.append(">\n" as StaticString) }
        bytes.append(0x20, repeated: 2 * (depth + open.count))
        bytes.append(0x3C)
        bytes.append(name)
        open.append(name)
        tagOpen = true
    }

    /// Closes the innermost element: `/>` when nothing was written into it, else the end tag
    /// at its own indentation; a line break after either.
    private mutating func close() {
        let name = open.removeLast()
        if tagOpen {
            bytes.append("/>\n" as StaticString)
        } else {
            bytes.append(0x20, repeated: 2 * (depth + open.count))
            bytes.append("</" as StaticString)
            bytes.append(name)
            bytes.append(">\n" as StaticString)
        }
        tagOpen = false
    }

    /// Throws unless `name` is a valid XML qualified name (asking libxml2 only when it is not plain).
    static func requireValidName(_ name: StaticString, kind: String) throws(LibXMLError) {
        let plain = name.hasPointerRepresentation
            && XMLStreamWriter.isPlainName(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        if !plain { try XMLStreamWriter.requireValidQName(name.description, kind: kind) }
    }

    /// Closes everything still open (the row's own element last).
    fileprivate mutating func finish() throws(LibXMLError) {
        while !open.isEmpty { close() }
    }
}
