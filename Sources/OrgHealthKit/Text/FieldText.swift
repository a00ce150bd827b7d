/// The one place field text read from a file is cleaned of characters nobody types into a
/// name: C0 control characters (U+0000–U+001F other than tab, line feed and carriage return)
/// and byte order marks (U+FEFF) anywhere in the field. Left in, "Sales\u{FEFF}" is a second,
/// identical-looking team, and a control character can hide or garble text on screen.
///
/// ``CSVRecord/trimmed(_:)`` — what every reader of rosters, reviews and survey exports asks
/// for — returns cleaned text; ``CSVRecord/strayCharacterCount`` counts what was removed, for
/// the data-quality section.
public enum FieldText {
    /// `bytes` (UTF-8) without C0 controls other than tab, LF and CR, and without U+FEFF.
    /// Returns the bytes unchanged when there is nothing to remove (the usual case).
    public static func cleaned(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard strayCount(bytes) > 0 else { return String(decoding: bytes, as: UTF8.self) }
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let length = strayLength(bytes, at: index)
            if length > 0 {
                index += length
            } else {
                kept.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// How many C0 controls (other than tab, LF, CR) and byte order marks `bytes` holds.
    public static func strayCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < bytes.count {
            let length = strayLength(bytes, at: index)
            if length > 0 {
                count += 1
                index += length
            } else {
                index += 1
            }
        }
        return count
    }

    /// The length in bytes of the stray character at `index` (1 for a control, 3 for the BOM
    /// EF BB BF), 0 when the byte there starts ordinary text.
    @inline(__always)
    private static func strayLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0 : 1 }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return 3 }
        return 0
    }
}
