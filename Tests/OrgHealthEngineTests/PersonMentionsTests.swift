import Foundation
import OrgHealthEngine
import OrgHealthKit
import Testing

@Suite("Organization audience: finding people in text")
struct PersonMentionsTests {
    let mentions = PersonMentions(identities: ["E12", "Ana Lopez", "ana.lopez@example.com", " "])

    @Test("a name, an e-mail or an id is found as a whole word", arguments: [
        "Calibration: Ana Lopez (E12) rates more severely.", "(E12)", "E12", "mail ana.lopez@example.com now",
        "Ana Lopez",
    ])
    func found(text: String) {
        #expect(mentions.mentionsSomeone(text))
    }

    @Test("a longer id, a longer word, or nothing at all is not a mention", arguments: [
        "E123 and XE12", "Ana Lopezova", "Banana Lopez", "", "the team's ratings are more severe",
    ])
    func notFound(text: String) {
        #expect(!mentions.mentionsSomeone(text))
    }
}

/// The text is looked through once, by the stretches between non-word characters (issue 16);
/// what it finds must be what searching the text for each identity in turn finds.
@Suite("Person mentions: one look through the text, the same finds")
struct PersonMentionsSearchTests {
    /// The search as it was first written: each identity looked for with `range(of:)`, a find
    /// counting when no word character touches it on either side.
    static func searched(_ identities: [String], in text: String) -> Bool {
        func isWord(_ character: Character?) -> Bool {
            guard let character else { return false }
            return character.isLetter || character.isNumber || character == "_"
        }
        return identities.contains { identity in
            var searchRange = text.startIndex..<text.endIndex
            while let found = text.range(of: identity, range: searchRange) {
                let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
                let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
                if !isWord(before) && !isWord(after) { return true }
                searchRange = text.index(after: found.lowerBound)..<text.endIndex
            }
            return false
        }
    }

    @Test("10,000 texts made of identities, parts of them and other words: found exactly when searching finds them")
    func sameAsSearching() {
        let identities = ["E12", "E1", "Ana Lopez", "ana.lopez@example.com", "Lopez", "O'Brien", "(x)", "Zoë Kim", "_id"]
        let mentions = PersonMentions(identities: Set(identities))
        let pieces = identities + ["E123", "XE12", "Ana", "Lopezova", "Banana", " ", " ", ",", ".", "-", "_", "é", "7", "(", ")", "x", "@"]
        var random = SplitMix64(seed: 42)
        var found = 0
        for _ in 0..<10_000 {
            let text = (0..<Int(random.next() % 8)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let expected = Self.searched(identities, in: text)
            if expected { found += 1 }
            #expect(mentions.mentionsSomeone(text) == expected, "\(text)")
        }
        // Both answers are common in the sample.
        #expect(found > 1_000 && found < 9_000)
    }

    @Test("case counts; an accented letter written as one character or as a letter and an accent is the same")
    func spellings() {
        let mentions = PersonMentions(identities: ["Jos\u{E9} Ruiz"])
        #expect(mentions.mentionsSomeone("Ask Jose\u{301} Ruiz."))
        #expect(mentions.mentionsSomeone("Jos\u{E9} Ruiz"))
        #expect(!mentions.mentionsSomeone("jos\u{E9} ruiz"))
        #expect(!mentions.mentionsSomeone("Jose Ruiz"))
    }

    @Test("whom a text mentions: each person once, namesakes both, a name inside another's name too")
    func whom() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("roster.csv")
        try """
            employee_id,name,manager_id,team
            E1,Anna Schmidt,,Core
            E2,Anna Schmidt,E1,Core
            E3,Schmidt,E1,Core
            E4,Bo Li,E1,Core
            """.write(to: file, atomically: true, encoding: .utf8)
        let mentions = PersonMentions(roster: try RosterReader().read(file).roster)
        // Two people are called Anna Schmidt, and a third is called Schmidt.
        #expect(mentions.people(mentionedIn: "Ask Anna Schmidt.").sorted() == ["E1", "E2", "E3"])
        #expect(mentions.people(mentionedIn: "E4 and Bo Li and E4") == ["E4"])
        #expect(mentions.people(mentionedIn: "E44, Bo Lin, Schmidts") == [])
    }
}
