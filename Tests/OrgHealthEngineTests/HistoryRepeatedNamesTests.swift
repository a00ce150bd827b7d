import Testing
@testable import OrgHealthEngine

@Suite("History: the names a stream of stored rows repeats are kept once, byte for byte")
struct HistoryRepeatedNamesTests {
    /// "é" as one scalar (NFC) and decomposed (NFD): Swift's `==` calls them one name.
    static let composed = "survey.item.caf\u{E9}", decomposed = "survey.item.cafe\u{301}"

    @Test("a measure name comes back as the one string kept, and a second spelling as itself")
    func measureNames() {
        var names = RecurringNames()
        let first = names.text(Self.composed)
        #expect(Array(first.utf8) == Array(Self.composed.utf8))
        // Another string with the same bytes: the kept one is given back.
        #expect(Array(names.text(String(Self.composed)).utf8) == Array(Self.composed.utf8))
        // The other spelling keeps its own bytes, before and after the first was kept, whether
        // it comes in turn (the name after the last) or out of turn (found by its hash).
        #expect(Array(names.text(Self.decomposed).utf8) == Array(Self.decomposed.utf8))
        #expect(Array(names.text(Self.composed).utf8) == Array(Self.composed.utf8))
        #expect(Array(names.text("survey.dimension.trust").utf8) == Array("survey.dimension.trust".utf8))
        #expect(Array(names.text(Self.decomposed).utf8) == Array(Self.decomposed.utf8))
        #expect(Array(names.text("survey.dimension.trust").utf8) == Array("survey.dimension.trust".utf8))
        #expect(Array(names.text(Self.decomposed).utf8) == Array(Self.decomposed.utf8))
    }

    @Test("names in turn, out of turn and new all come back as given")
    func recurringOrder() {
        var names = RecurringNames()
        let cycle = ["a", "survey.dimension.direction", "survey.dimension.trust", "one-on-ones.coverage"]
        // Three rounds in order, then out of order, with a new name between.
        let sequence = cycle + cycle + cycle + ["survey.dimension.trust", "new.metric", "a", "a", "one-on-ones.coverage"]
        for name in sequence { #expect(names.text(name) == name) }
        // Past 64 names, a new one is given back as itself and not kept.
        for index in 0..<80 { #expect(names.text("m\(index)") == "m\(index)") }
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
