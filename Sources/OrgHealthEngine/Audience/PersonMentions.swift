import Foundation
import OrgHealthKit

/// Finds a person's name, e-mail or employee id in report text, as a whole word (so the id
/// `E12` is not found inside `E123`, nor a name inside a longer word). The organization
/// audience uses it as a sweep after its structural filter: any text that still mentions
/// someone is withheld, whoever wrote it (a built-in or an external analyzer).
public struct PersonMentions: Sendable {
    private let identities: [String]

    /// The identities of everyone in the roster: names, e-mails, employee ids.
    public init(roster: Roster) {
        var all: Set<String> = []
        for person in roster.people {
            all.insert(person.id)
            if let name = person.name { all.insert(name) }
            if let email = person.email { all.insert(email) }
        }
        self.init(identities: all)
    }

    /// Explicit identities (blank ones are ignored).
    public init(identities: Set<String>) {
        self.identities = identities.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
    }

    /// Whether the text mentions anyone.
    public func mentionsSomeone(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        return identities.contains { mentions($0, in: text) }
    }

    private func mentions(_ identity: String, in text: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: identity, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchRange = text.index(after: found.lowerBound)..<text.endIndex
        }
        return false
    }

    private func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }
}
