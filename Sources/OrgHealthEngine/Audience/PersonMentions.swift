import Foundation
import OrgHealthKit

/// Finds a person's name, e-mail or employee id in report text, as a whole word (so the id
/// `E12` is not found inside `E123`, nor a name inside a longer word). The organization
/// audience uses it as a sweep after its structural filter: any text that still mentions
/// someone is withheld, whoever wrote it (a built-in or an external analyzer). The manager
/// audience uses it to withhold what names anyone but the edition's manager.
///
/// A text is looked through once, whatever the roster's size: every stretch of it that starts
/// after a non-word character (or at the start) and ends before one (or at the end) is looked
/// up among the identities of the lengths there are (issue 16: searching the text once per
/// identity took 37 s for the organization edition of 1,000 people, and the manager editions
/// of 10,000 people did not finish in ten minutes). Text and identities are compared as Swift
/// compares strings: by characters, case-sensitive, canonically equivalent forms equal.
public struct PersonMentions: Sendable {
    /// Each identity (trimmed, not blank) and the employee ids it belongs to; an identity
    /// given without a person belongs to "" (nobody's id).
    private let owners: [String: [String]]
    /// `hasLength[n]`: whether some identity is `n` characters long.
    private let hasLength: [Bool]

    /// The identities of everyone in the roster: names, e-mails, employee ids.
    public init(roster: Roster) {
        var owners: [String: [String]] = [:]
        for person in roster.people {
            for identity in [person.id, person.name, person.email].compactMap({ $0 }) {
                let trimmed = identity.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { continue }
                if owners[trimmed]?.contains(person.id) != true { owners[trimmed, default: []].append(person.id) }
            }
        }
        self.init(owners: owners)
    }

    /// Explicit identities (blank ones are ignored), belonging to no one in particular.
    public init(identities: Set<String>) {
        var owners: [String: [String]] = [:]
        for identity in identities {
            let trimmed = identity.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { owners[trimmed] = [""] }
        }
        self.init(owners: owners)
    }

    private init(owners: [String: [String]]) {
        self.owners = owners
        var hasLength = [Bool](repeating: false, count: (owners.keys.map(\.count).max() ?? 0) + 1)
        for identity in owners.keys { hasLength[identity.count] = true }
        self.hasLength = hasLength
    }

    /// Whether the text mentions anyone.
    public func mentionsSomeone(_ text: String) -> Bool {
        !people(mentionedIn: text, stoppingAtFirst: true).isEmpty
    }

    /// The employee ids of everyone the text mentions, each once ("" for an identity given
    /// without a person). An identity two people share (namesakes) gives both.
    public func people(mentionedIn text: String) -> [String] {
        people(mentionedIn: text, stoppingAtFirst: false)
    }

    private func people(mentionedIn text: String, stoppingAtFirst: Bool) -> [String] {
        guard !text.isEmpty, !owners.isEmpty else { return [] }
        // Where a mention may start (after a non-word character) and end (before one), with
        // each place's offset in characters.
        var starts: [(index: String.Index, offset: Int)] = []
        var ends: [(index: String.Index, offset: Int)] = []
        var offset = 0
        var previousIsWord = false
        var index = text.startIndex
        while index < text.endIndex {
            let isWord = Self.isWordCharacter(text[index])
            if !previousIsWord { starts.append((index, offset)) }
            if !isWord { ends.append((index, offset)) }
            previousIsWord = isWord
            index = text.index(after: index)
            offset += 1
        }
        ends.append((text.endIndex, offset))
        var found: [String] = []
        var firstEnd = 0
        for start in starts {
            while firstEnd < ends.count, ends[firstEnd].offset <= start.offset { firstEnd += 1 }
            for end in ends[firstEnd...] {
                let length = end.offset - start.offset
                guard length < hasLength.count else { break }
                guard hasLength[length], let people = owners[String(text[start.index..<end.index])] else { continue }
                for person in people where !found.contains(person) { found.append(person) }
                if stoppingAtFirst { return found }
            }
        }
        return found
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }
}
