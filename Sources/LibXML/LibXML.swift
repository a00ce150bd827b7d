internal import CLibXML2

/// # LibXML — a small, safe Swift wrapper over libxml2 (2.9.x)
///
/// The module offers five things: ``XMLStreamWriter`` (XML output),
/// ``HTMLDocumentBuilder`` / ``HTMLNode`` (HTML output), ``HardenedParser`` /
/// ``ParsedDocument`` (read-only parsing of XML and HTML),
/// ``XMLStreamReader`` (streaming, DOCTYPE-refusing reading of large XML) and
/// ``XMLSchemaValidator`` (XSD validation). Every entry point calls
/// ``LibXML/initialize()`` first.
///
/// Edges of libxml2 that this module guards:
///
/// - **Control characters.** libxml2's writers pass U+0000–U+0008, U+000B,
///   U+000C, U+000E–U+001F, U+FFFE and U+FFFF through, producing ill-formed
///   XML. All data written by ``XMLStreamWriter`` and ``HTMLDocumentBuilder``
///   goes through ``XMLText/sanitized(_:)`` first (they become U+FFFD).
/// - **Raw `<script>`/`<style>` content.** libxml2's HTML serializer writes the
///   text of `script` and `style` elements (matched case-insensitively)
///   unescaped. The builder never creates `script` (or other raw-text,
///   embedding or `base`) elements, and `style` only through
///   ``HTMLNode/style(_:)``, which rejects any CSS containing `<` (so neither
///   `</style` nor markup inside an inline SVG `<style>` can get through).
/// - **HTML attribute escaping.** libxml2 2.9.14 writes `href`, `src`,
///   `action` (and `name` on `a`) URI-escaped instead of entity-escaped (so
///   `é` comes back as `%C3%A9` and leading blanks are dropped), copies
///   `&{…}` and `<!--…-->` in attribute values through unescaped, and drops
///   the value of boolean attributes (`selected`, `disabled`, …). The builder
///   attaches its attributes to a private, prefix-less namespace (which turns
///   the URI escaping off without printing anything) and splits values so the
///   `&{` / `<!` special cases never match: every attribute value is
///   entity-escaped and quoted correctly. Event-handler attributes (`on*`)
///   and `javascript:`/`vbscript:`/non-image `data:` URLs are refused.
/// - **Charset declaration.** `htmlDocDumpMemory*` only recognises
///   `<meta http-equiv="Content-Type">` and otherwise converts non-ASCII text
///   to entities; `htmlSetMetaEncoding` (used by `htmlSaveFile*`) adds a second
///   charset `<meta>` next to an existing `<meta charset>`. The builder
///   serializes through `htmlDocContentDumpFormatOutput` into an unencoded
///   (UTF-8) buffer and owns the single `<meta charset="utf-8">`.
/// - **Parsing untrusted input.** ``HardenedParser`` never substitutes
///   entities or loads DTDs (no `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`,
///   `XML_PARSE_DTDATTR`, `XML_PARSE_HUGE`), so libxml2's entity-amplification
///   and size limits stay on. ``initialize()`` installs an external entity
///   loader that refuses everything: no file or network resource is ever read
///   by this process's libxml2 (including `xs:include`/`xs:import`).
/// - **Error output.** libxml2 prints errors to stderr by default. Every call
///   into libxml2 made by this module runs with thread-local handlers that
///   collect errors into ``LibXMLError`` values (message, line, column — never
///   the echoed input line that libxml2's printer adds) and print nothing.
///
/// Thread safety: libxml2 is initialised exactly once, before first use, by
/// ``LibXML/initialize()``. Error handlers are per thread and installed only
/// for the duration of each synchronous call. Parsed documents are read-only
/// and may be shared; writers and builders belong to one thread at a time;
/// ``XMLSchemaValidator`` serialises its own calls.
public enum LibXML {
    /// Calls `xmlInitParser` exactly once (thread-safe, idempotent) and installs
    /// the process-wide external entity loader that refuses every URL.
    /// Every entry point of this module calls it first; calling it yourself
    /// early (before any concurrent use) is harmless.
    public static func initialize() {
        _ = initialization
    }

    /// Runs exactly once per process (Swift guarantees thread-safe lazy
    /// initialisation of static stored properties).
    private static let initialization: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refusingEntityLoader)
    }()
}

/// The external entity loader installed by ``LibXML/initialize()``: it never
/// loads anything (no files, no network, no catalogs).
private func refusingEntityLoader(
    _ url: UnsafePointer<CChar>?,
    _ publicID: UnsafePointer<CChar>?,
    _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}
