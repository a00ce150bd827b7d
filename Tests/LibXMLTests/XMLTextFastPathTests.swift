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
}
