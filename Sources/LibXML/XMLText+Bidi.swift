extension XMLText {
    /// The Unicode bidirectional formatting characters: embeddings and overrides
    /// U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E, U+200F and U+061C.
    ///
    /// In text from a roster or an analyzer they reorder what a reader sees — a team
    /// "Sales\u{202E}0.09" reads as "Sales90.0" — so the HTML builder removes them from
    /// every text node and attribute value (see ``HTMLNode``). Removing them is safe for
    /// right-to-left names: the browser's own bidi algorithm orders Arabic or Hebrew
    /// letters without them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// ``sanitized(_:)`` and without bidi controls (``isBidiControl(_:)``): what the HTML
    /// builder writes. Returns `value` itself when nothing needs changing.
    public static func sanitizedForDisplay(_ value: String) -> String {
        // One look at the bytes first: text with no byte that can begin a forbidden character
        // or a bidi control is returned as it is, never decoded into scalars (the HTML of a
        // large organization sets about 250,000 texts and attribute values, issue 16).
        if value.utf8.withContiguousStorageIfAvailable(isPlainDisplayText) == true { return value }
        let sanitized = sanitized(value)
        guard sanitized.unicodeScalars.contains(where: isBidiControl) else { return sanitized }
        var scalars = String.UnicodeScalarView()
        for scalar in sanitized.unicodeScalars where !isBidiControl(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    /// Whether UTF-8 `bytes` hold no character ``sanitizedForDisplay(_:)`` changes, judged by
    /// bytes alone: no C0 control but tab, line feed and carriage return, and none of the lead
    /// bytes of U+FFFE and U+FFFF (0xEF) or of a bidi control (0xE2 for U+200E–U+2069, 0xD8
    /// for U+061C). A `false` only means the scalars must be looked at.
    static func isPlainDisplayText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes {
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            } else if byte == 0xEF || byte == 0xE2 || byte == 0xD8 {
                return false
            }
        }
        return true
    }
}
