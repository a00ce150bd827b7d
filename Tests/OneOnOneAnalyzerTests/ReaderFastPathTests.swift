import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// The byte-level fast paths of the note readers (issue 16) give what the general paths give.
@Suite("Note reader fast paths")
struct ReaderFastPathTests {
    @Test("an entity declaration is found where a case-insensitive search for <!entity finds it")
    func entityDeclaration() {
        let pieces = ["<!ENTITY", "<!entity", "<!EnTiTy", "<!ENTIT", "<!", "!", "<", "\n", "entity", "<!DOCTYPE x [", "a", " ", "é", "!<!ENTITY"]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var samples = ["", "<!ENTITY", "x<!ENTITY", "<!ENTIT", "\n\n<!entity x", "<!DOCTYPE html><p>hi!</p>"]
        for _ in 0..<3_000 {
            samples.append((0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined())
        }
        for sample in samples {
            let bytes = Array(sample.utf8)
            // The reference: the general case-insensitive search, and the lines before it.
            let expected = bytes[...].firstRange(ofCaseInsensitive: Array("<!entity".utf8)).map { range in
                1 + bytes[..<range.lowerBound].filter { $0 == 0x0A }.count
            }
            #expect(HTMLNoteReader.entityDeclarationLine(bytes) == expected, "\(sample)")
        }
    }

    @Test("front-matter fences: --- opens; --- or ... closes", arguments: [
        ("---", true, true), ("...", false, true), ("--", false, false), ("----", false, false), ("-.-", false, false),
        ("..-", false, false), ("—", false, false), ("", false, false), ("- -", false, false), ("…", false, false),
    ])
    func fence(line: String, opens: Bool, closes: Bool) {
        #expect(MarkdownNoteReader.isFence(Array(line.utf8)[...], closing: false) == opens)
        #expect(MarkdownNoteReader.isFence(Array(line.utf8)[...], closing: true) == closes)
    }

    @Test("line ranges found with memchr are the lines a byte-by-byte split gives")
    func lineRanges() {
        // The reference: split at every LF, drop one CR before it, skip a leading UTF-8 BOM.
        func expected(_ bytes: [UInt8]) -> [[UInt8]] {
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            return body.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                Array(line.last == 0x0D ? line.dropLast() : line)
            }
        }
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x41, 0x20, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0x00]
        var samples: [[UInt8]] = [[], [0x0A], [0x0D, 0x0A], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x0A], Array("a\r\r\nb\n".utf8)]
        for _ in 0..<3_000 {
            var bytes = (0..<Int(next() % 40)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] }
            if next() % 4 == 0 { bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
            samples.append(bytes)
        }
        for bytes in samples {
            let lines = MarkdownNoteReader.lineRanges(bytes).map { Array(bytes[$0]) }
            #expect(lines == expected(bytes), "\(bytes)")
        }
    }

    @Test("Markdown headings and list items, told first from the line's first byte", arguments: [
        // (line, heading level, list item done), by CommonMark's rules as the reader applies
        // them: up to three spaces before 1–6 `#` and a space or tab (or nothing) after; a
        // list item is `-`, `*`, `+` or `1.`/`1)` after spaces or tabs, a blank, then a checkbox.
        ("## 2026-09-15", Int?.some(2), Bool?.none), ("# x", 1, nil), ("###### x", 6, nil), ("####### x", nil, nil),
        ("#x", nil, nil), ("#", 1, nil), ("   ## x", 2, nil), ("    ## x", nil, nil), ("\t## x", nil, nil), ("##\tx", 2, nil),
        ("- [ ] a", nil, false), ("* [x] a", nil, true), ("+ [X] a", nil, true), ("12. [ ] a", nil, false), ("3) [x] a", nil, true),
        ("  - [ ] a", nil, false), ("\t- [x] a", nil, true), ("-[ ] a", nil, nil), ("- a", nil, nil), ("a - [ ] b", nil, nil),
        ("x. [ ] a", nil, nil), ("", nil, nil), (" ", nil, nil), ("[ ] a", nil, nil), ("1 [ ] a", nil, nil),
    ])
    func markdownLine(line: String, level: Int?, done: Bool?) {
        let bytes = Array(line.utf8)[...]
        #expect(MarkdownNoteReader.heading(bytes)?.level == level)
        #expect(ActionItemLine.markdown(bytes)?.done == done)
    }

    @Test("a listed file's name, folder and form by extension, read from the path's bytes", arguments: [
        // (path, name, folder, form by extension), worked out by hand: the extension is what
        // follows the last dot of the name, unless the name starts with that dot; letters in
        // either case; only the known extensions name a form.
        ("notes/Ana (E1)/2026-09-15.md", "2026-09-15.md", "notes/Ana (E1)", NoteFile.Form?.some(.markdown)),
        ("a/b.MARKDOWN", "b.MARKDOWN", "a", .markdown), ("a/b.Mdown", "b.Mdown", "a", .markdown), ("b.mkd", "b.mkd", "", .markdown),
        ("x/y.export.HTM", "y.export.HTM", "x", .html), ("x/y.xhtml", "y.xhtml", "x", .html), ("/y.Html", "y.Html", "", .html),
        ("x/log.NDJSON", "log.NDJSON", "x", .jsonLines), ("x/log.jsonl", "log.jsonl", "x", .jsonLines),
        ("x/.md", ".md", "x", nil), ("x/md", "md", "x", nil), ("x/y.", "y.", "x", nil), ("x/y.markdowns", "y.markdowns", "x", nil),
        ("x/y.m", "y.m", "x", nil), ("x/y.txt", "y.txt", "x", nil), ("x.md/y", "y", "x.md", nil),
        ("Zoë Ng (E0002)/Réunion.md", "Réunion.md", "Zoë Ng (E0002)", .markdown), ("x/y.mdé", "y.mdé", "x", nil),
    ])
    func listedFile(path: String, name: String, folder: String, form: NoteFile.Form?) {
        let file = NoteFile(path: path, relativePath: path)
        #expect(file.name == name)
        #expect(file.folder == folder)
        #expect(file.formByExtension == form)
    }

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

    @Test("mixed ASCII and other text, normalized run by run, gives what lower-casing the whole text gives")
    func normalizedMixedText() {
        // The reference, written out here: the whole text decoded (ill-formed bytes repaired)
        // and lower-cased as Unicode, then every byte that is no ASCII letter or digit and below
        // 0x80 a separator, runs of separators one space, a space at each end.
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x20]
            for byte in String(decoding: bytes, as: UTF8.self).lowercased().utf8 {
                let isWord = (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
                if isWord { out.append(byte) } else if out.last != 0x20 { out.append(0x20) }
            }
            if out.last != 0x20 { out.append(0x20) }
            return out
        }
        // Pieces whose lower-casing could depend on their neighbours if it were not done one
        // character at a time: Greek capital sigma, dotted capital I (lower-cases to i and a
        // combining dot), the Kelvin sign (to ASCII k), combining marks after ASCII letters,
        // emoji, and bytes that are not UTF-8 (a lone continuation byte, a cut sequence, 0xFF).
        let pieces: [[UInt8]] = [
            "ΟΔΟΣ", "Σ", "İ", "K", "e\u{301}", "\u{301}", "É", "ß", "😀", "Ǆ", "A", "b", "Q3", " ", "-", ".", "\t", "x",
        ].map { Array($0.utf8) } + [[0x80], [0xE2, 0x98], [0xFF], [0xC3]]
        var random = SplitMix64(seed: 61)
        var texts: [[UInt8]] = [Array("Bien-Être OK".utf8), Array("ΟΔΟΣ. İstanbul Kelvin".utf8), []]
        for _ in 0..<3_000 {
            texts.append((0..<Int(random.next() % 12)).flatMap { _ in pieces[Int(random.next() % UInt64(pieces.count))] })
        }
        for text in texts {
            let expected = reference(text)
            #expect(NormalizedWords(utf8: text).bytes == expected, "\(text)")
            // Without contiguous storage: the whole text at once, the same words.
            #expect(NormalizedWords(utf8: text.lazy.map { $0 }).bytes == expected, "\(text)")
        }
    }

    @Test("an action item's identity streamed from ASCII bytes is the one the long way gives")
    func streamedIdentity() {
        // Hand-picked edges: due dates anywhere and in any case, unclosed, nested, back to back,
        // only owners and dates, separators at either end.
        var texts = [
            "share the design doc", "share the design doc (due 2026-07-18)", "(due 2026-07-18) share it",
            "share (DUE tomorrow) the (Due x) doc", "share the doc (due 2026-07-18", "share (due (due x) y) z",
            "(due a)(due b)", "(due a)", "  --  ", "", "a", "(dux) share", "share the doc (due)", "(du",
            "done.(due 1)next", "x (due y) (due z", "((due y))",
        ]
        // And seeded random texts over the bytes that matter: letters, digits, separators, parentheses.
        var random = SplitMix64(seed: 16)
        let alphabet = Array("aDuUeE(due)(DUE) )x1 -.,\t".utf8)
        for _ in 0..<4_000 {
            let length = Int(random.next() % 40)
            texts.append(String(decoding: (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] },
                                as: UTF8.self))
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let streamed = bytes.withUnsafeBufferPointer { ActionItemLine.streamedIdentity(ofASCII: $0) }
            #expect(streamed == ActionItemLine.normalizedIdentity(of: bytes[...]), "\(text)")
        }
        // Non-ASCII text takes the long way: the same identity whatever the letter case.
        #expect(ActionItemLine.identity(of: "Révise le plan (due 2026-07-01)") == ActionItemLine.identity(of: "révise LE plan"))
    }

    @Test("trimming a set of characters: from both ends only, and text with nothing to trim as it is")
    func trimmedOfSet() {
        #expect(" \tE0107 \t".trimmed(of: " \t") == "E0107")
        #expect("E0107".trimmed(of: " \t") == "E0107")
        #expect("a b".trimmed(of: " ") == "a b")
        #expect(" a".trimmed(of: " ") == "a")
        #expect("a ".trimmed(of: " ") == "a")
        #expect("   ".trimmed(of: " ") == "")
        #expect("".trimmed(of: " ") == "")
        #expect("Zoë".trimmed(of: " \t") == "Zoë")
        #expect("[Zoë]"[...].trimmed(of: "[]") == "Zoë")
    }

    @Test("the next space, found eight bytes at a time, is the first one after the start")
    func nextSpace() {
        var random = SplitMix64(seed: 8)
        // Spaces, letters, and bytes one above and below a space and with the top bit set, which
        // a wrong mask or borrow would mistake for one.
        let alphabet: [UInt8] = [0x20, 0x61, 0x21, 0x1F, 0xA0, 0x60, 0x00, 0xFF]
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            for start in 0...text.count {
                let expected = text[start...].firstIndex(of: 0x20) ?? text.count
                #expect(text.withUnsafeBufferPointer { TopicLexicon.nextSpace(in: $0, from: start) } == expected)
            }
        }
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
        // A one-byte keyword matches every word starting with it, whatever follows; a keyword
        // whose second byte is a space needs that space; the word's second byte passes others over.
        let short = TopicLexicon(overrides: ["zeta": ["q", "r d"]])
        #expect(short.names.last == "zeta")
        #expect(short.topics(in: "Quiet").bits == 1 << 4)
        #expect(short.topics(in: "q").bits == 1 << 4)
        #expect(short.topics(in: "r-d plan").bits == 1 << 4)
        #expect(short.topics(in: "rd plan, pt, pr").bits == 0)
        #expect(short.topics(in: "the p").bits == 0)
    }
}
