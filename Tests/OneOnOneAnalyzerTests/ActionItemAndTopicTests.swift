import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

@Suite("Action items and topic keywords")
struct ActionItemAndTopicTests {
    @Test("checkbox list lines in their common spellings", arguments: [
        ("- [ ] write it", false), ("- [x] write it", true), ("* [ ] write it", false), ("* [X] write it", true),
        ("+ [x] write it", true), ("  - [ ] write it", false), ("1. [x] write it", true),
    ])
    func checkboxes(line: String, done: Bool) {
        let item = ActionItemLine.markdown(Array(line.utf8)[...])
        #expect(item?.done == done)
        #expect(item?.text.trimmed.string == "write it")
    }

    @Test("lines that are not action items", arguments: ["- plain bullet", "-[ ] no space", "[ ] no bullet", "- [y] odd", "text"])
    func notItems(line: String) {
        #expect(ActionItemLine.markdown(Array(line.utf8)[...]) == nil)
    }

    @Test("identity ignores owners, due dates, case, punctuation and spacing")
    func identity() {
        let base = ActionItemLine.identity(of: "share the design doc")
        #expect(base != nil)
        #expect(ActionItemLine.identity(of: "@E0107 share the design doc (due 2026-07-18)") == base)
        #expect(ActionItemLine.identity(of: "@a @b  Share the  design-doc.") == base)
        #expect(ActionItemLine.identity(of: "@a @b  Share   the design doc!") == base)
        #expect(ActionItemLine.identity(of: "share the design doc (DUE 2026-08-01)") == base)
        #expect(ActionItemLine.identity(of: "share the other doc") != base)
        #expect(ActionItemLine.identity(of: "@E0107 (due 2026-07-18)") == nil)
    }

    @Test("default keywords match at word starts, case-insensitively, across punctuation")
    func defaults() {
        let lexicon = TopicLexicon()
        #expect(lexicon.names == ["career", "feedback", "wellbeing", "priorities"])
        #expect(lexicon.topics(in: "Career: the NEXT-level plan").contains(0))
        #expect(lexicon.topics(in: "Goals for the half").contains(3))
        #expect(lexicon.topics(in: "Well-being check-in").contains(2))
        #expect(lexicon.topics(in: "Stressful week").contains(2))
        // "feedback" must start a word: "nofeedback" is not a match.
        #expect(!lexicon.topics(in: "nofeedback here").contains(1))
        #expect(lexicon.topics(in: "Project status and hiring").bits == 0)
    }

    @Test("config keywords replace a topic's defaults and can add a topic")
    func overrides() {
        let lexicon = TopicLexicon(overrides: ["career": ["ladder"], "compensation": ["salary", "pay raise"]])
        #expect(lexicon.names == ["career", "feedback", "wellbeing", "priorities", "compensation"])
        #expect(!lexicon.topics(in: "promotion timing").contains(0))
        #expect(lexicon.topics(in: "the ladder").contains(0))
        #expect(lexicon.topics(in: "Asked for a pay raise").contains(4))
    }
}
