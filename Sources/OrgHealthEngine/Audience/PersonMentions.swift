import Foundation
import OrgHealthKit
import Synchronization

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
    /// given without a person belongs to "" (nobody's id). Keyed by substrings, so a stretch of
    /// a text is looked up as it is, without a string made of it.
    private let owners: [Substring: [String]]
    /// `hasLength[n]`: whether some identity is `n` characters long.
    private let hasLength: [Bool]

    /// The identities of everyone in the roster: names, e-mails, employee ids.
    /// Read by position (10^6 people: no ``Person`` per person).
    public init(roster: Roster) {
        var owners: [Substring: [String]] = [:]
        owners.reserveCapacity(roster.count * 2)
        for position in 0..<roster.count {
            let id = roster.id(at: position)
            for identity in [id, roster.name(at: position), roster.email(at: position)] {
                guard let identity, let trimmed = Self.trimmed(identity) else { continue }
                if owners[trimmed]?.contains(id) != true { owners[trimmed, default: []].append(id) }
            }
        }
        self.init(owners: owners)
    }

    /// Explicit identities (blank ones are ignored), belonging to no one in particular.
    public init(identities: Set<String>) {
        var owners: [Substring: [String]] = [:]
        for identity in identities {
            if let trimmed = Self.trimmed(identity) { owners[trimmed] = [""] }
        }
        self.init(owners: owners)
    }

    /// The identity without spaces and tabs at either end, or nil when nothing is left; most
    /// identities have none, and are taken as they are.
    private static func trimmed(_ identity: String) -> Substring? {
        guard let first = identity.unicodeScalars.first, let last = identity.unicodeScalars.last else { return nil }
        guard CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) else { return identity[...] }
        let trimmed = identity.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed[...]
    }

    private init(owners: [Substring: [String]]) {
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
                guard hasLength[length], let people = owners[text[start.index..<end.index]] else { continue }
                for person in people where !found.contains(person) { found.append(person) }
                if stoppingAtFirst { return found }
            }
        }
        return found
    }

    /// A letter, a digit or `_`. ASCII is decided by its byte: asking Unicode's properties of
    /// every character was most of the time a text took (issue 16).
    private static func isWordCharacter(_ character: Character) -> Bool {
        if let byte = character.asciiValue {
            return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
        }
        return character.isLetter || character.isNumber
    }
}

/// Who each text mentions, looked up once per text for all the editions of a report, from
/// any thread.
final class MentionsMemo: Sendable {
    private let mentions: PersonMentions
    private let found = Mutex<[String: [String]]>([:])

    init(_ mentions: PersonMentions) { self.mentions = mentions }

    /// The employee ids of everyone `text` mentions.
    func people(mentionedIn text: String) -> [String] {
        if let known = found.withLock({ $0[text] }) { return known }
        // Looked through outside the lock: two threads may both do it, with the same answer.
        let people = mentions.people(mentionedIn: text)
        found.withLock { $0[text] = people }
        return people
    }
}
