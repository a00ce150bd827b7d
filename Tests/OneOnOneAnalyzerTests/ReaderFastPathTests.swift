import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// The byte-level fast paths of the note readers (issue 16) give what the general paths give.
@Suite("Note reader fast paths")
struct ReaderFastPathTests {
    @Test("checkboxes and glyphs at the start of a block", arguments: [
        // (text, done) worked out from ActionItemLine's table: ☐ ⬜ open; ☑ ☒ ✅ ✔ done.
        ("[ ] write it", false), ("[x] write it", true), ("[X] write it", true), (" \t[ ] write it ", false),
        ("☐ write it", false), ("⬜ write it", false), ("☑ write it", true), ("☒ write it", true),
        ("✅ write it", true), ("✔\u{FE0F} write it", true),
    ])
    func checkbox(text: String, done: Bool) {
        let item = ActionItemLine.checkbox(Array(text.utf8)[...])
        #expect(item?.done == done)
        #expect(item?.text.trimmed.string == "write it")
    }

    @Test("not checkboxes", arguments: ["[y] write it", "[x write it", "[]", "x] write it", "★ write it", "write it", ""])
    func notCheckbox(text: String) {
        #expect(ActionItemLine.checkbox(Array(text.utf8)[...]) == nil)
    }

    @Test("ASCII words from contiguous bytes match the general path, and texts gather with single spaces")
    func normalizedWords() {
        let text = "  Next-Level  FEEDBACK!!  on Q3, 2026 "
        // By hand: letters lower-cased, digits kept, every run of other characters one space.
        #expect(NormalizedWords(utf8: Array(text.utf8)).text == "next level feedback on q3 2026")
        // A lazy collection has no contiguous storage: the general loop, the same words.
        #expect(NormalizedWords(utf8: Array(text.utf8).lazy.map { $0 }).bytes == NormalizedWords(utf8: Array(text.utf8)).bytes)
        var words: [UInt8] = []
        NormalizedWords.appendWords(of: Array("Hello,".utf8)[...], to: &words)
        NormalizedWords.appendWords(of: Array("  world".utf8)[...], to: &words)
        NormalizedWords.appendWords(of: Array("--".utf8)[...], to: &words)
        #expect(String(decoding: words, as: UTF8.self) == " hello world ")
        // Non-ASCII text is lower-cased as Unicode: "Bien-Être" → two words, "bien" and "être".
        #expect(NormalizedWords(utf8: Array("Bien-Être OK".utf8)).text == "bien être ok")
    }

    @Test("topics are found through the flat keyword table: first, middle and last keyword of a byte, added topics")
    func topics() {
        let lexicon = TopicLexicon(overrides: ["hiring": ["headcount", "open role"], "career": ["promotion", "career"]])
        // Names: the four built-ins, then added ones by name: hiring is topic 4.
        #expect(lexicon.names == ["career", "feedback", "wellbeing", "priorities", "hiring"])
        #expect(lexicon.topics(in: "Promotions").bits == 1 << 0)
        #expect(lexicon.topics(in: "an OPEN-role and pto").bits == 1 << 4 | 1 << 2)
        #expect(lexicon.topics(in: "the open door").bits == 0)  // "open role" needs both words
        #expect(lexicon.topics(in: "growth").bits == 0)  // career's keywords were replaced
        #expect(lexicon.topics(in: "deadline, praise, headcounts").bits == 1 << 3 | 1 << 1 | 1 << 4)
    }
}
