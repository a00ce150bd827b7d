/// Character-level helpers shared by the XML writer and the HTML builder.
public enum XMLText {
    /// `value` with every character that XML 1.0 forbids replaced by U+FFFD:
    /// U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE and U+FFFF.
    /// (Swift strings cannot hold lone surrogates.) Tab, line feed and carriage
    /// return are kept. Returns `value` itself when nothing needs replacing.
    public static func sanitized(_ value: String) -> String {
        // Bytes that cannot be part of a forbidden character: at or above space and not 0xEF
        // (the lead byte of U+FFFE and U+FFFF), or tab, line feed, carriage return. The usual
        // text passes this byte scan and is never decoded into scalars.
        guard value.utf8.contains(where: { $0 < 0x20 ? !($0 == 0x9 || $0 == 0xA || $0 == 0xD) : $0 == 0xEF }),
              value.unicodeScalars.contains(where: { !isAllowed($0) }) else { return value }
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            scalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Whether XML 1.0 allows `scalar` as character data.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Whether `name` is a safe HTML element or attribute name: non-empty,
    /// starting with an ASCII letter, and made only of ASCII letters, digits,
    /// `-` and `:`.
    static func isSafeHTMLName(_ name: String) -> Bool {
        guard let first = name.utf8.first, isASCIILetter(first) else { return false }
        return name.utf8.allSatisfy { isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x3A }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// ASCII-lowercased copy of `value` (non-ASCII characters are left alone).
    static func asciiLowercased(_ value: String) -> String {
        // Names are mostly lower-case already (libxml2's HTML parser lowers element names).
        guard value.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return value }
        return String(decoding: value.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
