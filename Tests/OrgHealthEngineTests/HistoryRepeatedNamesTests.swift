import Testing
@testable import OrgHealthEngine

@Suite("History: the names a stream of stored rows repeats are kept once, byte for byte")
struct HistoryRepeatedNamesTests {
    /// "é" as one scalar (NFC) and decomposed (NFD): Swift's `==` calls them one name.
    static let composed = "survey.item.caf\u{E9}", decomposed = "survey.item.cafe\u{301}"

    @Test("a measure name comes back as the one string kept, and a second spelling as itself")
    func measureNames() {
        var names = MeasureNames()
        let first = names.text(Self.composed)
        #expect(Array(first.utf8) == Array(Self.composed.utf8))
        // Another string with the same bytes: the kept one is given back.
        #expect(Array(names.text(String(Self.composed)).utf8) == Array(Self.composed.utf8))
        // The other spelling keeps its own bytes, before and after the first was kept.
        #expect(Array(names.text(Self.decomposed).utf8) == Array(Self.decomposed.utf8))
        #expect(Array(names.text(Self.composed).utf8) == Array(Self.composed.utf8))
        #expect(Array(names.text("culture-survey").utf8) == Array("culture-survey".utf8))
    }

    @Test("a repeated text is the last one only when its bytes are the same")
    func repeatedText() {
        var texts = RepeatedText()
        #expect(Array(texts.text(Self.composed).utf8) == Array(Self.composed.utf8))
        #expect(Array(texts.text(Self.decomposed).utf8) == Array(Self.decomposed.utf8))
        #expect(Array(texts.text(Self.composed).utf8) == Array(Self.composed.utf8))
        #expect(texts.text("") == "")
    }
}
