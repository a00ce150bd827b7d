/// Sorts free-text comments into themes with a keyword lexicon: a comment touches a theme
/// when one of its words starts with one of the theme's keywords (ASCII case ignored), so
/// `burn` matches "burnout" and "burning". Only counts leave this type — never text.
struct CommentThemes: Sendable {
    /// The theme ids, in report order.
    let themes: [String]
    /// Keyword bytes and theme index, bucketed by the keyword's first byte.
    private let buckets: [[(keyword: [UInt8], theme: Int)]]

    /// The default lexicon: common themes of engagement-survey comments.
    static let defaultLexicon: [(theme: String, keywords: [String])] = [
        ("workload", ["workload", "overtime", "overwork", "burn", "exhaust", "overwhelm", "stress", "unsustainab",
                      "understaff", "pace"]),
        ("manager", ["manager", "boss", "supervisor", "1:1", "one-on-one", "cancelled", "canceled"]),
        ("leadership", ["leadership", "executive", "senior", "decision", "management"]),
        ("career", ["career", "promot", "grow", "learn", "develop", "training", "mentor"]),
        ("pay", ["pay", "salary", "salaries", "compensation", "bonus", "equity", "wage"]),
        ("tools", ["tool", "vpn", "laptop", "software", "equipment", "hardware", "infrastructure"]),
        ("communication", ["communicat", "transparen", "inform", "meeting", "clarity"]),
        ("recognition", ["recogni", "appreciat", "thank", "praise"]),
        ("priorities", ["priorit", "goal", "strategy", "direction", "roadmap", "focus"]),
        ("safety", ["blame", "safe", "fear", "trust", "respect", "speak"]),
        ("flexibility", ["remote", "hybrid", "office", "flexib", "schedule", "vacation"]),
    ]

    /// Creates the matcher. At most 64 themes are used.
    init(lexicon: [(theme: String, keywords: [String])] = CommentThemes.defaultLexicon) {
        let used = Array(lexicon.prefix(64))
        themes = used.map(\.theme)
        var buckets = Array(repeating: [(keyword: [UInt8], theme: Int)](), count: 256)
        for (theme, entry) in used.enumerated() {
            for keyword in entry.keywords {
                let bytes = Array(keyword.utf8).map(Self.lowercased)
                guard let first = bytes.first else { continue }
                buckets[Int(first)].append((bytes, theme))
            }
        }
        self.buckets = buckets
    }

    /// The themes the comment touches, as a bit set (bit i = theme i).
    func match(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var found: UInt64 = 0
        var index = 0
        let count = text.count
        while index < count {
            while index < count, !Self.isWordByte(text[index]) { index += 1 }
            let start = index
            while index < count, Self.isWordByte(text[index]) { index += 1 }
            guard index > start else { continue }
            for entry in buckets[Int(Self.lowercased(text[start]))] where entry.keyword.count <= index - start {
                var equal = true
                for offset in 1..<max(1, entry.keyword.count) where Self.lowercased(text[start + offset]) != entry.keyword[offset] {
                    equal = false
                    break
                }
                if equal { found |= 1 << UInt64(entry.theme) }
            }
        }
        return found
    }

    /// Letters, digits, `:` and `-` inside words (so "1:1" and "one-on-one" are words), and
    /// every byte of a non-ASCII character.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x3A) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x2D
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
