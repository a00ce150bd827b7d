internal import CLibXML2
// FoundationEssentials (for `Data`), not Foundation: Foundation's bundled ICU clashes
// with the system ICU that the libxml2 headers include (see SerialLock.swift).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Parses untrusted XML and HTML into read-only ``ParsedDocument`` trees.
///
/// Hardening: XML is parsed with `XML_PARSE_NONET | XML_PARSE_NOERROR |
/// XML_PARSE_NOWARNING` (plus `XML_PARSE_BIG_LINES` for line numbers past
/// 65535) and never with `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`,
/// `XML_PARSE_DTDATTR` or `XML_PARSE_HUGE`: entities are not substituted,
/// external DTDs and entities are not loaded (the loader installed by
/// ``LibXML/initialize()`` refuses everything anyway), and libxml2's limits on
/// entity amplification, nesting depth (256) and text size (10 MB) stay on.
/// HTML is parsed with `HTML_PARSE_NONET | HTML_PARSE_NOERROR |
/// HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER`; the HTML parser never loads a
/// DTD or expands `<!ENTITY>` declarations. Errors are captured, never printed.
public enum HardenedParser {
    /// Options for `xmlCtxtReadMemory`.
    static let xmlOptions = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// Options for `htmlCtxtReadMemory`.
    static let htmlOptions = Int32(bitPattern:
        HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)

    // MARK: XML

    /// Parses a well-formed XML document. Throws the first fatal error (with its
    /// line) if the input is not well-formed. `url` only labels the document.
    public static func parseXML(_ data: Data, url: String? = nil) throws(LibXMLError) -> ParsedDocument {
        try data.withUnsafeBytes { bytes in
            Result { () throws(LibXMLError) in try parseXML(bytes: bytes, url: url) }
        }.get()
    }

    /// Parses a well-formed XML document from UTF-8 (or declared-encoding) bytes.
    public static func parseXML(_ bytes: [UInt8], url: String? = nil) throws(LibXMLError) -> ParsedDocument {
        try bytes.withUnsafeBytes { bytes in
            Result { () throws(LibXMLError) in try parseXML(bytes: bytes, url: url) }
        }.get()
    }

    /// Parses a well-formed XML document from a string.
    public static func parseXML(_ text: String, url: String? = nil) throws(LibXMLError) -> ParsedDocument {
        try parseXML(Array(text.utf8), url: url)
    }

    static func parseXML(bytes: UnsafeRawBufferPointer, url: String?) throws(LibXMLError) -> ParsedDocument {
        try LibXML.withCapturedErrors { (collector) throws(LibXMLError) -> ParsedDocument in
            let document = try readXML(bytes: bytes, url: url, collector: collector)
            return ParsedDocument(document: document, isHTML: false, diagnostics: collector.all)
        }
    }

    /// Parses XML into a libxml2 document the caller owns. Must run inside
    /// ``LibXML/withCapturedErrors(_:)`` (errors land in `collector`).
    static func readXML(bytes: UnsafeRawBufferPointer, url: String?, collector: ErrorCollector) throws(LibXMLError) -> xmlDocPtr {
        let (base, length) = try checkedInput(bytes)
        guard let context = xmlNewParserCtxt() else {
            throw LibXMLError(message: "could not create an XML parser context")
        }
        defer { xmlFreeParserCtxt(context) }
        let document = withOptionalCString(url) { url in
            xmlCtxtReadMemory(context, base, length, url, nil, xmlOptions)
        }
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            throw collector.mostRelevantError ?? LibXMLError(message: "the document is not well-formed")
        }
        return document
    }

    // MARK: HTML

    /// Parses HTML, recovering from errors like a browser would. `encoding`
    /// forces a character encoding; when `nil`, a byte-order mark or a
    /// `charset` declaration in the first 1024 bytes is honoured and UTF-8 is
    /// assumed otherwise. Throws only when no element could be parsed at all.
    public static func parseHTML(_ data: Data, url: String? = nil, encoding: String? = nil) throws(LibXMLError) -> ParsedDocument {
        try data.withUnsafeBytes { bytes in
            Result { () throws(LibXMLError) in try parseHTML(bytes: bytes, url: url, encoding: encoding) }
        }.get()
    }

    /// Parses HTML from bytes; see ``parseHTML(_:url:encoding:)-(Data,_,_)``.
    public static func parseHTML(_ bytes: [UInt8], url: String? = nil, encoding: String? = nil) throws(LibXMLError) -> ParsedDocument {
        try bytes.withUnsafeBytes { bytes in
            Result { () throws(LibXMLError) in try parseHTML(bytes: bytes, url: url, encoding: encoding) }
        }.get()
    }

    /// Parses HTML from a string (as UTF-8 unless the markup declares otherwise).
    public static func parseHTML(_ text: String, url: String? = nil, encoding: String? = nil) throws(LibXMLError) -> ParsedDocument {
        try parseHTML(Array(text.utf8), url: url, encoding: encoding)
    }

    static func parseHTML(bytes: UnsafeRawBufferPointer, url: String?, encoding: String?) throws(LibXMLError) -> ParsedDocument {
        try LibXML.withCapturedErrors { (collector) throws(LibXMLError) -> ParsedDocument in
            let (base, length) = try checkedInput(bytes)
            guard let context = htmlNewParserCtxt() else {
                throw LibXMLError(message: "could not create an HTML parser context")
            }
            defer { htmlFreeParserCtxt(context) }
            let encoding = encoding ?? (declaresEncoding(bytes) ? nil : "UTF-8")
            let document = withOptionalCString(url) { url in
                withOptionalCString(encoding) { encoding in
                    htmlCtxtReadMemory(context, base, length, url, encoding, htmlOptions)
                }
            }
            guard let document, xmlDocGetRootElement(document) != nil else {
                if let document { xmlFreeDoc(document) }
                throw collector.mostRelevantError ?? LibXMLError(message: "no HTML element could be parsed")
            }
            return ParsedDocument(document: document, isHTML: true, diagnostics: collector.all)
        }
    }

    /// Whether HTML bytes start with a byte-order mark or have a `<meta …>`
    /// mentioning `charset` in their first 1024 bytes (a heuristic: libxml2
    /// itself then picks the encoding up).
    static func declaresEncoding(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let boms: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE]]
        if boms.contains(where: { bytes.starts(with: $0) }) { return true }
        let head = XMLText.asciiLowercased(String(decoding: bytes.prefix(1024), as: UTF8.self))
        guard let meta = head.firstRange(of: "<meta") else { return false }
        return head[meta.upperBound...].contains("charset")
    }

    // MARK: Helpers

    /// The input as a C buffer and length; throws for empty or > 2 GiB input.
    private static func checkedInput(_ bytes: UnsafeRawBufferPointer) throws(LibXMLError) -> (UnsafePointer<CChar>, Int32) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw LibXMLError(message: "Document is empty")
        }
        guard let length = Int32(exactly: bytes.count) else {
            throw LibXMLError(message: "Document is too large")
        }
        return (base.assumingMemoryBound(to: CChar.self), length)
    }
}

/// Calls `body` with `string` as a C string, or with `nil` when `string` is
/// `nil` or contains a NUL.
func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string, !string.containsNUL else { return body(nil) }
    return string.withCString { body($0) }
}
