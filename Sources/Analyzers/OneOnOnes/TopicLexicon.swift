import OrgHealthKit

/// A set of topics, one bit per topic of a ``TopicLexicon`` (at most 64 topics).
struct TopicSet: Hashable, Sendable {
    /// The bits, topic `i` at bit `i`.
    var bits: UInt64 = 0

    /// Whether the topic at `index` is in the set.
    func contains(_ index: Int) -> Bool { bits & (1 << UInt64(index)) != 0 }

    /// Adds every topic of `other`.
    mutating func formUnion(_ other: TopicSet) { bits |= other.bits }
}

/// The keywords that mark a note as touching a topic (career, feedback, well-being,
/// priorities, or a topic the config adds).
///
/// Keywords are matched case-insensitively at the start of a word, so `goal` matches
/// "Goals" and `well-being` matches "Well-being" and "well being"; punctuation is ignored.
struct TopicLexicon: Sendable {
    /// A keyword, normalized: where its bytes are in ``keywordBytes``, and the topic it marks.
    private struct Keyword: Sendable {
        let start: Int
        let length: Int
        let topic: Int
    }

    /// The topics' names, in metric order: the four built-ins first, then added ones by name.
    let names: [String]
    /// Every keyword's normalized bytes, one after another.
    private let keywordBytes: [UInt8]
    /// The keywords, grouped by their first byte (in byte order).
    private let keywords: [Keyword]
    /// Where the keywords starting with byte `b` are: `keywords[bucketStarts[b]..<bucketStarts[b + 1]]`.
    /// Flat arrays rather than an array per byte: the scan of every note's words then touches
    /// no reference-counted storage.
    private let bucketStarts: [Int]
    /// The second bytes the keywords of each first byte go on with: 256 bits per first byte,
    /// bit `c` of `secondBytes[b * 4 + c / 64]` (every bit when one of them is a single byte).
    /// A word whose first two bytes start no keyword is passed over without comparing any.
    private let secondBytes: [UInt64]

    /// The most topics a config may define.
    static let maximumTopics = 32

    /// The built-in topics, in order.
    static let builtInNames = ["career", "feedback", "wellbeing", "priorities"]

    /// The default keywords of the built-in topics.
    static let defaults: [String: [String]] = [
        "career": [
            "career", "promotion", "promote", "growth", "next level", "development plan", "learning goal",
            "mentor", "stretch assignment", "staff track", "skills", "aspiration",
        ],
        "feedback": [
            "feedback", "praise", "kudos", "recognition", "appreciation", "coaching", "constructive",
            "performance review",
        ],
        "wellbeing": [
            "wellbeing", "well-being", "workload", "stress", "burnout", "burn out", "vacation", "time off",
            "pto", "overtime", "exhausted", "tired", "mental health", "work-life", "work life", "sick leave",
        ],
        "priorities": [
            "priority", "priorities", "prioritize", "prioritise", "goal", "okr", "roadmap", "objective",
            "milestone", "deadline",
        ],
    ]

    /// Builds the lexicon from the defaults, with `overrides` replacing a topic's keywords
    /// (or adding a topic).
    init(overrides: [String: [String]] = [:]) {
        var keywords = Self.defaults
        for (topic, words) in overrides { keywords[topic] = words }
        let added = keywords.keys.filter { !Self.builtInNames.contains($0) }.sorted()
        names = Self.builtInNames + added
        var buckets = [[(bytes: [UInt8], topic: Int)]](repeating: [], count: 256)
        for (index, name) in names.enumerated() {
            for word in keywords[name] ?? [] {
                let normalized = NormalizedWords(word)
                guard !normalized.isEmpty else { continue }
                let bytes = Array(normalized.bytes.dropFirst().dropLast())
                buckets[Int(bytes[0])].append((bytes, index))
            }
        }
        var allBytes: [UInt8] = []
        var flat: [Keyword] = []
        var starts: [Int] = []
        var seconds = [UInt64](repeating: 0, count: 256 * 4)
        for (first, bucket) in buckets.enumerated() {
            starts.append(flat.count)
            for keyword in bucket {
                flat.append(Keyword(start: allBytes.count, length: keyword.bytes.count, topic: keyword.topic))
                allBytes += keyword.bytes
                if keyword.bytes.count == 1 {
                    for part in 0..<4 { seconds[first * 4 + part] = .max }
                } else {
                    let second = Int(keyword.bytes[1])
                    seconds[first * 4 + second / 64] |= 1 << UInt64(second % 64)
                }
            }
        }
        starts.append(flat.count)
        keywordBytes = allBytes
        self.keywords = flat
        bucketStarts = starts
        secondBytes = seconds
    }

    /// The topics touched by a text.
    func topics(in text: some StringProtocol) -> TopicSet {
        topics(in: NormalizedWords(text))
    }

    /// The topics touched by UTF-8 text.
    func topics(in text: ArraySlice<UInt8>) -> TopicSet {
        topics(in: NormalizedWords(utf8: text))
    }

    /// The topics touched by normalized text.
    func topics(in words: NormalizedWords) -> TopicSet { topics(inNormalized: words.bytes) }

    /// The topics touched by text normalized as ``NormalizedWords`` does (a space at each end).
    func topics(inNormalized words: [UInt8]) -> TopicSet {
        var found: UInt64 = 0
        words.withUnsafeBufferPointer { text in
            keywordBytes.withUnsafeBufferPointer { keywordBytes in
                keywords.withUnsafeBufferPointer { keywords in
                    bucketStarts.withUnsafeBufferPointer { bucketStarts in
                        secondBytes.withUnsafeBufferPointer { secondBytes in
                            let count = text.count
                            var index = 1
                            while index < count {
                                let first = Int(text[index])
                                let second = index + 1 < count ? Int(text[index + 1]) : 0x20
                                if secondBytes[first * 4 + second / 64] & (1 << UInt64(second % 64)) != 0 {
                                    for keyword in keywords[bucketStarts[first]..<bucketStarts[first + 1]]
                                    where found & (1 << UInt64(keyword.topic)) == 0 {
                                        let length = keyword.length
                                        guard index + length <= count else { continue }
                                        var matched = 1
                                        while matched < length, text[index + matched] == keywordBytes[keyword.start + matched] {
                                            matched += 1
                                        }
                                        if matched == length { found |= 1 << UInt64(keyword.topic) }
                                    }
                                }
                                index = Self.nextSpace(in: text, from: index) + 1
                            }
                        }
                    }
                }
            }
        }
        return TopicSet(bits: found)
    }

    /// The index of the first space at or after `start` (`text.count` when there is none),
    /// looked for eight bytes at a time: a word is a few bytes long, so one load of eight
    /// usually holds its end (a byte-by-byte loop was the scan's largest cost).
    static func nextSpace(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = text.baseAddress else { return text.count }
        var index = start
        while index + 8 <= text.count {
            // The bytes equal to a space become zero; the lowest byte whose top bit survives
            // the subtraction below is the first of them (a borrow can only mark later bytes).
            let chunk = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ 0x2020_2020_2020_2020
            let zeros = (chunk &- 0x0101_0101_0101_0101) & ~chunk & 0x8080_8080_8080_8080
            if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < text.count, text[index] != 0x20 { index += 1 }
        return index
    }
}
