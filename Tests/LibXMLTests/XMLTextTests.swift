import LibXML
import Testing

@Suite struct XMLTextTests {
    @Test func keepsLegalCharactersUnchanged() {
        let legal = "tab\tnewline\ncr\r <&>\"' é 日本 😀 \u{7F} \u{85} \u{D7FF} \u{E000} \u{FFFD} \u{10FFFF}"
        #expect(XMLText.sanitized(legal) == legal)
    }

    @Test(arguments: [0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1F, 0xFFFE, 0xFFFF] as [UInt32])
    func replacesIllegalCharacters(_ value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        let input = "a" + String(Character(scalar)) + "b"
        #expect(XMLText.sanitized(input) == "a\u{FFFD}b")
    }

    @Test func replacesEachIllegalCharacterSeparately() {
        #expect(XMLText.sanitized("\u{1}\u{2}x\u{B}") == "\u{FFFD}\u{FFFD}x\u{FFFD}")
    }
}
