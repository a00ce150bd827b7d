import Foundation
import OrgHealthKit
import Yams

/// Answers that mean "no answer" — "NA", "Don't know", "Prefer not to say", −1 "no basis for
/// evaluation", 99 — declared under `missing:` in the survey definition (survey-wide, or per
/// item to replace the survey's list). Such an answer is never a scale point and never a
/// warning; it is counted in the data-quality section.
struct MissingAnswers: Sendable, Hashable {
    /// Texts, trimmed and lowercased.
    private(set) var texts: Set<String> = []
    /// Whole numbers.
    private(set) var numbers: Set<Int> = []

    var isEmpty: Bool { texts.isEmpty && numbers.isEmpty }

    init() {}

    /// A list of entries: numbers become numbers ("-1", "99"), anything else text.
    init(_ entries: [String]) {
        for entry in entries {
            let text = entry.surveyTrimmed
            if let number = Int(text) { numbers.insert(number) } else if !text.isEmpty { texts.insert(text.lowercased()) }
        }
    }

    /// Whether the field holds one of the declared non-answers (its number was already read as `value`, if any).
    func contains(_ record: CSVRecord, _ column: Int, value: Int?) -> Bool {
        if let value { return numbers.contains(value) }
        guard !texts.isEmpty else { return false }
        return texts.contains(record.trimmed(column).lowercased())
    }

    /// The first entry that is also a scale point or a label, for a configuration error.
    func conflict(scale: SurveyScale, labels: [(text: String, value: Int)]) -> String? {
        if let number = numbers.sorted().first(where: { (scale.min...scale.max).contains($0) }) {
            return "\(number) is a point of the scale \(scale.min)–\(scale.max)"
        }
        if let label = labels.first(where: { texts.contains($0.text.surveyTrimmed.lowercased()) }) {
            return "'\(label.text)' is also a label (answer \(label.value))"
        }
        return nil
    }
}

/// Comment texts that say nothing: blank after trimming, or one of the placeholders people type
/// into an optional box ("NA", "none", "-", "no comment"…). Trailing full stops and
/// exclamation marks are ignored ("None." is a placeholder). The list is
/// ``CommentPlaceholders/defaults`` plus the definition's `commentPlaceholders:`.
struct CommentPlaceholders: Sendable, Hashable {
    /// The built-in placeholders (documented in docs/analyzers/culture-survey.md).
    static let defaults: [String] = [
        "na", "n/a", "n.a", "n. a", "n/a.", "nil", "null", "none", "nothing", "no", "nope", "-", "--", "–", "—", ".", "..",
        "...", "?", "x", "no comment", "no comments", "nothing to add", "nothing else", "not applicable", "no thanks",
        "nothing to share", "no further comments", "all good",
    ]

    private(set) var texts: Set<String>
    /// The longest placeholder in bytes: longer comments are not looked up.
    private(set) var longest: Int

    init(extra: [String] = []) {
        texts = Set((Self.defaults + extra).map(Self.key))
        longest = texts.map(\.utf8.count).max() ?? 0
    }

    /// Whether `text` (already known not to be blank) is only a placeholder.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Placeholders are short: a long comment is never one, and is never turned into a String here.
        guard bytes.count <= longest + 8 else { return false }
        if let key = Self.asciiKey(bytes) { return texts.contains(key) }
        return texts.contains(Self.key(String(decoding: bytes, as: UTF8.self)))
    }

    /// ``key(_:)`` of an ASCII comment, worked out on its bytes (issue 16: the `String`
    /// trimming and lowercasing of every short comment took a sixth of the survey's time at
    /// 10^6 people); nil when a byte is not ASCII. In ASCII the two agree: the whitespace
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` removes is tab, LF, VT, FF, CR and
    /// space; lowercasing is A–Z; and after trimming, a key longer than one byte is longer than
    /// one character (the only ASCII pair that is one character, CR LF, is whitespace, so never
    /// its start).
    static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0, end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        while end - start > 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "!") { end -= 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for index in start..<end {
                let byte = bytes[index]
                buffer[index - start] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            }
            return end - start
        }
    }

    /// Trimmed, lowercased, without trailing full stops and exclamation marks (a lone "." stays).
    static func key(_ text: String) -> String {
        var key = text.surveyTrimmed.lowercased()
        while key.count > 1, let last = key.last, last == "." || last == "!" { key.removeLast() }
        return key.surveyTrimmed
    }
}

/// Reading `missing:` and `commentPlaceholders:` from the definition.
enum SurveyListParser {
    /// A scalar or a list of scalars (numbers or text) as text; `nil` when the node is neither.
    static func scalars(_ node: Node) -> [String]? {
        if let text = node.scalar?.string { return text.isEmpty ? [] : [text] }
        guard case .sequence(let sequence) = node else { return nil }
        var texts: [String] = []
        for entry in sequence {
            guard let text = entry.scalar?.string else { return nil }
            texts.append(text)
        }
        return texts
    }

    /// `missing:` as declared, or a configuration error naming the line.
    static func missing(_ node: Node, source: String, scale: SurveyScale, labels: [(text: String, value: Int)])
        throws(AnalyzerError) -> MissingAnswers {
        guard let entries = scalars(node) else {
            throw AnalyzerError("missing: must be a list of answer texts or numbers, e.g. [\"NA\", \"Don't know\", -1]",
                                source: source, line: node.mark?.line ?? 1)
        }
        let missing = MissingAnswers(entries)
        if let conflict = missing.conflict(scale: scale, labels: labels) {
            throw AnalyzerError("missing: lists an answer that counts on the scale: \(conflict); remove it from missing: "
                                + "or from labels:", source: source, line: node.mark?.line ?? 1)
        }
        return missing
    }
}
