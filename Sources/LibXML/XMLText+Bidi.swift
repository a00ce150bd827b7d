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
        let sanitized = sanitized(value)
        guard sanitized.unicodeScalars.contains(where: isBidiControl) else { return sanitized }
        var scalars = String.UnicodeScalarView()
        for scalar in sanitized.unicodeScalars where !isBidiControl(scalar) { scalars.append(scalar) }
        return String(scalars)
    }
}
