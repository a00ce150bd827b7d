/// Action items as notes write them: `- [ ] @E0107 share the design doc (due 2026-07-18)`,
/// `* [x] …`, `+ [X] …`, `1. [ ] …`, or a ☐/☑ glyph in exported documents.
///
/// An item's identity is its normalized text: the leading `@owner`s and any `(due YYYY-MM-DD)`
/// removed, letter case and punctuation ignored. An item copied forward into later meetings
/// therefore stays one item.
enum ActionItemLine {
    /// The checkbox state and the text after the checkbox of a Markdown list line, or `nil`.
    @inline(__always)
    static func markdown(_ line: ArraySlice<UInt8>) -> (done: Bool, text: ArraySlice<UInt8>)? {
        // A line that starts with a letter (most notes) is no list item: told from its first
        // byte, in place (issue 16).
        guard let first = line.first,
              first == 0x20 || first == 0x09 || first == UInt8(ascii: "-") || first == UInt8(ascii: "*")
                || first == UInt8(ascii: "+") || (0x30...0x39).contains(first) else { return nil }
        return listItem(line)
    }

    private static func listItem(_ line: ArraySlice<UInt8>) -> (done: Bool, text: ArraySlice<UInt8>)? {
        var rest = line.drop { $0 == 0x20 || $0 == 0x09 }
        guard let marker = rest.first else { return nil }
        if marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "+") {
            rest = rest.dropFirst()
        } else if (0x30...0x39).contains(marker) {
            rest = rest.drop { (0x30...0x39).contains($0) }
            guard rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: ")") else { return nil }
            rest = rest.dropFirst()
        } else {
            return nil
        }
        guard rest.first == 0x20 || rest.first == 0x09 else { return nil }
        return checkbox(rest)
    }

    /// ☐ and ⬜ (open); ☑, ☒, ✅ and ✔ (done), in UTF-8.
    private static let openGlyphs: [[UInt8]] = [[0xE2, 0x98, 0x90], [0xE2, 0xAC, 0x9C]]
    private static let doneGlyphs: [[UInt8]] = [[0xE2, 0x98, 0x91], [0xE2, 0x98, 0x92], [0xE2, 0x9C, 0x85], [0xE2, 0x9C, 0x94]]

    /// The glyphs with the state each marks, open ones first.
    private static let glyphs: [(bytes: [UInt8], done: Bool)] = openGlyphs.map { ($0, false) } + doneGlyphs.map { ($0, true) }
    /// Blanks around a checkbox.
    private static let blanks: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D

    /// The state and the remaining text of text starting with `[ ]`/`[x]`/`[X]` or a glyph.
    /// Called for every list line and HTML block: the byte patterns are constants, not arrays
    /// made per call.
    static func checkbox(_ text: ArraySlice<UInt8>) -> (done: Bool, text: ArraySlice<UInt8>)? {
        let trimmed = text.trimming(mask: blanks)
        if trimmed.count >= 3, trimmed.first == UInt8(ascii: "["), trimmed[trimmed.startIndex + 2] == UInt8(ascii: "]") {
            switch trimmed[trimmed.startIndex + 1] {
            case UInt8(ascii: " "): return (false, trimmed.dropFirst(3))
            case UInt8(ascii: "x"), UInt8(ascii: "X"): return (true, trimmed.dropFirst(3))
            default: break
            }
        }
        // Every glyph starts with a byte of 0xE2 (U+2000–U+2FFF).
        guard trimmed.first == 0xE2 else { return nil }
        for glyph in glyphs where trimmed.starts(with: glyph.bytes) {
            var rest = trimmed.dropFirst(glyph.bytes.count)
            if rest.starts(with: [0xEF, 0xB8, 0x8F]) { rest = rest.dropFirst(3) }  // emoji presentation selector
            return (glyph.done, rest)
        }
        return nil
    }

    /// The identity of an item's text, or `nil` when nothing but an owner or a due date is left.
    static func identity(of text: ArraySlice<UInt8>) -> UInt64? {
        let words = withoutOwners(text)
        guard !words.contains(where: { $0 >= 0x80 }) else { return normalizedIdentity(of: words) }
        return words.withUnsafeBufferPointer { streamedIdentity(ofASCII: $0) }
    }

    /// The text without its leading owners (`@E0107`, `@ana.lopez@acme.example`).
    private static func withoutOwners(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var words = text
        while true {
            words = words.trimmed
            guard words.first == UInt8(ascii: "@") else { break }
            words = words.drop { $0 != 0x20 && $0 != 0x09 }
        }
        return words
    }

    /// The identity the long way: the due dates cut out into a new array, normalized into
    /// another, then fingerprinted. Any text (non-ASCII is lower-cased as Unicode).
    static func normalizedIdentity(of words: ArraySlice<UInt8>) -> UInt64? {
        let normalized = NormalizedWords(utf8: removingDueDates(words))
        return normalized.isEmpty ? nil : normalized.fingerprint
    }

    /// The same identity for ASCII text without building either array (issue 16: every action
    /// item of 51,000 note files made three): the bytes ``NormalizedWords`` would hold — a
    /// space, the lower-cased words each followed by one space — go straight into the
    /// fingerprint, and each `(due …)` with a closing parenthesis after it counts as a
    /// separator, as ``removingDueDates(_:)`` leaves one. ASCII text only (Unicode
    /// lower-casing is the long way's).
    static func streamedIdentity(ofASCII text: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let lastClose = text.lastIndex(of: UInt8(ascii: ")")) ?? -1
        var hash = NormalizedWords.fingerprintStart
        func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* NormalizedWords.fingerprintPrime }
        add(0x20)
        var pendingSpace = false
        var sawWord = false
        var index = 0
        let table = NormalizedWords.asciiWordBytes
        while index < text.count {
            let byte = text[index]
            // `(due` in any letter case, closed later: cut to the first `)` after it. With no `)`
            // after it, no later one is closed either, and the rest is words.
            if byte == UInt8(ascii: "("), index + 4 <= text.count, lastClose >= index + 4,
               text[index + 1] | 0x20 == UInt8(ascii: "d"), text[index + 2] | 0x20 == UInt8(ascii: "u"),
               text[index + 3] | 0x20 == UInt8(ascii: "e") {
                var close = index + 4
                while text[close] != UInt8(ascii: ")") { close += 1 }
                pendingSpace = sawWord
                index = close + 1
                continue
            }
            let mapped = table[Int(byte)]
            if mapped != 0 {
                if pendingSpace { add(0x20) }
                pendingSpace = false
                add(mapped)
                sawWord = true
            } else if sawWord {
                pendingSpace = true
            }
            index += 1
        }
        guard sawWord else { return nil }
        add(0x20)
        return hash
    }

    /// The identity of an item's text given as a string.
    static func identity(of text: String) -> UInt64? { identity(of: Array(text.utf8)[...]) }

    /// `(due`, lower-case.
    private static let dueOpening: [UInt8] = Array("(due".utf8)

    /// The text without `(due …)` parts (any letter case).
    private static func removingDueDates(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var rest = text
        while let open = rest.firstRange(ofCaseInsensitive: dueOpening) {
            guard let close = rest[open.upperBound...].firstIndex(of: UInt8(ascii: ")")) else { break }
            result += rest[..<open.lowerBound]
            result.append(0x20)
            rest = rest[(close + 1)...]
        }
        return result + rest
    }
}
