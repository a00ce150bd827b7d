/// What the HTML builder refuses to produce, and why.
enum HTMLPolicy {
    /// Elements ``HTMLNode/element(_:_:text:)`` never creates (compared
    /// case-insensitively). `script` and `style` content is written raw by
    /// libxml2's serializer; `xmp`, `plaintext`, `iframe`, `noembed`,
    /// `noframes` and `noscript` are raw-text elements for browsers (escaped
    /// data would show up as entities or be parsed as markup); the rest embed
    /// other documents or code, or change how every URL resolves (`base`).
    /// `style` is available through ``HTMLNode/style(_:)`` only.
    static let forbiddenElements: Set<String> = [
        "script", "style", "xmp", "plaintext", "iframe", "noembed", "noframes", "noscript",
        "object", "embed", "applet", "frame", "frameset", "base",
    ]

    /// Attributes whose value is a URL (lowercased names).
    static let urlAttributes: Set<String> = [
        "href", "xlink:href", "src", "action", "formaction", "poster", "cite",
        "background", "codebase", "data", "longdesc", "manifest",
    ]

    /// Whether attribute `lowercasedName` is an event handler (`onclick`, `onerror`, …).
    static func isEventHandler(_ lowercasedName: String) -> Bool {
        lowercasedName.hasPrefix("on")
    }

    /// Whether `value` may be used as a URL attribute: relative URLs and all
    /// schemes except `javascript:`, `vbscript:` and non-image `data:`.
    /// The scheme is read the way browsers do: leading spaces and control
    /// characters and embedded tabs/newlines are ignored, case-insensitively.
    static func isSafeURL(_ value: String) -> Bool {
        var normalized: [UInt8] = []
        for byte in value.utf8 {
            if normalized.isEmpty, byte <= 0x20 { continue }
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            normalized.append((byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte)
        }
        guard let colon = normalized.firstIndex(of: UInt8(ascii: ":")) else { return true }
        let beforeColon = normalized[..<colon]
        if beforeColon.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            return true
        }
        let scheme = String(decoding: beforeColon, as: UTF8.self)
        switch scheme {
        case "javascript", "vbscript":
            return false
        case "data":
            return normalized[(colon + 1)...].starts(with: Array("image/".utf8))
        default:
            return true
        }
    }

    /// Whether attribute (`lowercasedName`, `value`) on a `meta` element
    /// declares the character set, which the builder owns.
    static func declaresCharset(_ lowercasedName: String, _ value: String) -> Bool {
        lowercasedName == "charset"
            || (lowercasedName == "http-equiv" && XMLText.asciiLowercased(value).trimmingASCIIWhitespace() == "content-type")
    }

    /// Whether ``attributeValuePieces(_:)`` cuts `value` into more than one piece: it holds
    /// `&{` or `<!`.
    static func needsCutting(_ value: String) -> Bool {
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if (previous == UInt8(ascii: "&") && byte == UInt8(ascii: "{"))
                || (previous == UInt8(ascii: "<") && byte == UInt8(ascii: "!")) { return true }
            previous = byte
        }
        return false
    }

    /// The UTF-8 of an attribute value cut into pieces such that no piece
    /// contains `&{` or `<!`. libxml2's HTML serializer copies `&{…}` and
    /// `<!--…-->` inside attribute values through unescaped (for server-side
    /// includes); it inspects one text node at a time, so storing the value as
    /// several adjacent text nodes split after `&` / `<` keeps those bytes
    /// escaped like all others.
    static func attributeValuePieces(_ value: String) -> [[UInt8]] {
        let bytes = Array(value.utf8)
        var pieces: [[UInt8]] = []
        var start = 0
        for index in bytes.indices.dropLast() {
            let pair = (bytes[index], bytes[index + 1])
            if pair == (UInt8(ascii: "&"), UInt8(ascii: "{")) || pair == (UInt8(ascii: "<"), UInt8(ascii: "!")) {
                pieces.append(Array(bytes[start...index]))
                start = index + 1
            }
        }
        pieces.append(Array(bytes[start...]))
        return pieces
    }
}
