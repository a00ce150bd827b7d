internal import CLibXML2
// FoundationEssentials (for `Data`), not Foundation: Foundation's bundled ICU clashes
// with the system ICU that the libxml2 headers include (see SerialLock.swift).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Validates XML documents against a W3C XML Schema (XSD 1.0) with libxml2.
///
/// The schema document is parsed with ``HardenedParser`` (rather than
/// `xmlSchemaNewMemParserCtxt`, which would parse it with
/// `XML_PARSE_NOENT`) and compiled with `xmlSchemaNewDocParserCtxt`;
/// `xs:include`/`xs:import`/`xs:redefine` of other files fail because no
/// external resource is ever loaded, so the schema must be self-contained.
/// Errors are captured, never printed.
///
/// Thread safety: the compiled schema is read-only, and ``validate(_:)-(String)``
/// serialises its calls with a lock, so one validator may be shared — calls
/// simply run one at a time.
public final class XMLSchemaValidator: @unchecked Sendable {
    private let schemaDocument: xmlDocPtr
    private let schema: xmlSchemaPtr
    private let lock = SerialLock()

    /// Compiles the XSD in `schema`; throws its first parse or schema error.
    public convenience init(schema: String) throws(LibXMLError) {
        try self.init(schema: Data(schema.utf8))
    }

    /// Compiles the XSD in `schema` (bytes of an XML document); throws its first
    /// parse or schema error.
    public init(schema: Data) throws(LibXMLError) {
        let compiled = try schema.withUnsafeBytes { bytes in
            Result { () throws(LibXMLError) in try XMLSchemaValidator.compile(bytes) }
        }.get()
        (schemaDocument, self.schema) = compiled
    }

    deinit {
        xmlSchemaFree(schema)
        xmlFreeDoc(schemaDocument)
    }

    /// Validates `document`; returns every error found, with line numbers where
    /// known (empty means valid). Parse errors are reported the same way, and
    /// errors past the first 100 are summarised in one final entry.
    public func validate(_ document: String) -> [LibXMLError] {
        validate(Data(document.utf8))
    }

    /// Validates the XML document in `document`; see ``validate(_:)-(String)``.
    public func validate(_ document: Data) -> [LibXMLError] {
        document.withUnsafeBytes { bytes in
            lock.withLock { validate(bytes: bytes) }
        }
    }

    private func validate(bytes: UnsafeRawBufferPointer) -> [LibXMLError] {
        LibXML.withCapturedErrors { collector -> [LibXMLError] in
            let instance: xmlDocPtr
            do throws(LibXMLError) {
                instance = try HardenedParser.readXML(bytes: bytes, url: nil, collector: collector)
            } catch {
                return XMLSchemaValidator.report(collector, fallback: error)
            }
            defer { xmlFreeDoc(instance) }
            guard let context = xmlSchemaNewValidCtxt(schema) else {
                return [LibXMLError(message: "could not create a schema validation context")]
            }
            defer { xmlSchemaFreeValidCtxt(context) }
            let result = xmlSchemaValidateDoc(context, instance)
            guard result != 0 else { return XMLSchemaValidator.report(collector, fallback: nil) }
            let fallback = LibXMLError(message: result > 0 ? "the document is not valid" : "internal error while validating")
            return XMLSchemaValidator.report(collector, fallback: fallback)
        }
    }

    /// The collector's errors (plus a note about dropped ones), or `fallback` if there are none.
    private static func report(_ collector: ErrorCollector, fallback: LibXMLError?) -> [LibXMLError] {
        var errors = collector.errors
        if collector.droppedCount > 0 {
            errors.append(LibXMLError(message: "\(collector.droppedCount) further diagnostics not shown"))
        }
        if errors.isEmpty, let fallback {
            errors.append(fallback)
        }
        return errors
    }

    /// Parses and compiles a schema; the caller owns both results.
    private static func compile(_ bytes: UnsafeRawBufferPointer) throws(LibXMLError) -> (xmlDocPtr, xmlSchemaPtr) {
        try LibXML.withCapturedErrors { (collector) throws(LibXMLError) -> (xmlDocPtr, xmlSchemaPtr) in
            let document = try HardenedParser.readXML(bytes: bytes, url: nil, collector: collector)
            guard let parserContext = xmlSchemaNewDocParserCtxt(document) else {
                xmlFreeDoc(document)
                throw LibXMLError(message: "could not create a schema parser context")
            }
            defer { xmlSchemaFreeParserCtxt(parserContext) }
            guard let schema = xmlSchemaParse(parserContext) else {
                xmlFreeDoc(document)
                throw collector.mostRelevantError ?? LibXMLError(message: "the schema could not be compiled")
            }
            return (document, schema)
        }
    }
}
