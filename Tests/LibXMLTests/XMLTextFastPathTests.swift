import LibXML
import Testing

/// ``XMLText/sanitized(_:)`` looks at bytes first; characters led by the byte 0xEF are allowed
/// (U+FEFF, U+FFFD) or not (U+FFFE, U+FFFF) and must still be told apart.
@Suite struct XMLTextFastPathTests {
    @Test func keepsAllowedCharactersLedByEF() {
        let text = "a\u{FEFF}b\u{FFFD}c\u{F900}"  // EF BB BF, EF BF BD, EF A4 80: all allowed
        #expect(XMLText.sanitized(text) == text)
    }

    @Test func replacesForbiddenCharactersNextToAllowedOnes() {
        #expect(XMLText.sanitized("\u{FFFD}\u{FFFE}\u{FEFF}\u{FFFF}\t") == "\u{FFFD}\u{FFFD}\u{FEFF}\u{FFFD}\t")
        #expect(XMLText.sanitized("plain text, 日本 😀\r\n") == "plain text, 日本 😀\r\n")
    }

    /// ``XMLText/sanitizedForDisplay(_:)`` passes text with no suspect byte through unread; the
    /// answer must be the scalar-by-scalar one, worked out here without the library: forbidden
    /// characters become U+FFFD, bidi controls go. The alphabet mixes the bidi controls with
    /// characters that share their lead bytes (0xE2: – € ▲ U+2060; 0xD8: Arabic letters), the
    /// 0xEF characters, C0 controls and plain ASCII.
    @Test func displayTextMatchesTheScalarRule() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "0", ";", "<", "&", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}",
            "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{061C}",
            "\u{2013}", "\u{20AC}", "\u{25B2}", "\u{2060}", "\u{206A}", "\u{2029}", "\u{0628}", "\u{061B}", "\u{061D}",
            "\u{FEFF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "é", "日", "😀",
        ]
        func expected(_ text: String) -> String {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: continue
                case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: scalars.append(scalar)
                default: scalars.append("\u{FFFD}")
                }
            }
            return String(scalars)
        }
        var generator = SplitMix(seed: 16)
        var changed = 0
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 12)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                // Mostly ASCII, as report text is, so that many texts take the fast path.
                let pick = generator.next() % 4 == 0 ? Int(generator.next() % UInt64(alphabet.count)) : Int(generator.next() % 4)
                scalars.append(alphabet[pick])
            }
            let text = String(scalars)
            let want = expected(text)
            if want != text { changed += 1 }
            #expect(XMLText.sanitizedForDisplay(text) == want, "\(Array(text.unicodeScalars.map(\.value)))")
        }
        // Both kinds of text were drawn.
        #expect(changed > 500 && changed < 4_500)
    }
}

/// A small deterministic generator (SplitMix64), so a failure names a text that comes back.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
