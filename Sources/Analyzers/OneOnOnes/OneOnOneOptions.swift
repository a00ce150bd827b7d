import OrgHealthKit

/// The analyzer's options (`analyzers.one-on-ones` in the config), checked once per run.
///
/// - `expectedCadenceDays` (default 14): the cadence a pair should keep; teams meeting much
///   less often get a finding.
/// - `maxGapDays` (default 30): a stretch without a held meeting longer than this is a long gap.
/// - `topics`: topic → list of keywords; replaces the default keywords of that topic, or adds
///   a topic (reported as `oneonone.topic.<name>`).
/// - `columns` (set by the host from `columns.one-on-ones`): canonical field → the export's name.
struct OneOnOneOptions: Sendable {
    let expectedCadenceDays: Int
    let maxGapDays: Int
    let lexicon: TopicLexicon
    let fields: NoteFieldNames

    private static let prefix = "analyzers.one-on-ones"

    init(options: AnalyzerOptions) throws(AnalyzerError) {
        expectedCadenceDays = try Self.positive(options, "expectedCadenceDays", default: 14)
        maxGapDays = try Self.positive(options, "maxGapDays", default: 30)
        let topics: AnalyzerOptions
        do { topics = try options.section("topics") } catch {
            throw AnalyzerError("\(Self.prefix).topics must be a mapping of topic name to a list of keywords")
        }
        var overrides: [String: [String]] = [:]
        for name in topics.values.keys.sorted() {
            guard Self.isTopicName(name) else {
                throw AnalyzerError("\(Self.prefix).topics.\(name): a topic name uses lower-case letters, digits and '-' only")
            }
            let words: [String]
            do { words = try topics.strings(name, default: []) } catch {
                throw AnalyzerError("\(Self.prefix).topics.\(name) must be a list of keywords")
            }
            guard words.contains(where: { !NormalizedWords($0).isEmpty }) else {
                throw AnalyzerError("\(Self.prefix).topics.\(name) needs at least one keyword with letters or digits")
            }
            overrides[name] = words
        }
        let lexicon = TopicLexicon(overrides: overrides)
        guard lexicon.names.count <= TopicLexicon.maximumTopics else {
            throw AnalyzerError("\(Self.prefix).topics: at most \(TopicLexicon.maximumTopics) topics are supported")
        }
        self.lexicon = lexicon
        var renamed: [String: String] = [:]
        for (canonical, name) in try options.columnMapping(for: "one-on-ones") { renamed[canonical.lowercased()] = name }
        fields = NoteFieldNames(renamed: renamed)
    }

    private static func positive(_ options: AnalyzerOptions, _ key: String, default fallback: Int) throws(AnalyzerError) -> Int {
        let value: Int
        do { value = try options.int(key, default: fallback) } catch {
            throw AnalyzerError("\(prefix).\(key) must be a whole number of days")
        }
        guard (1...3660).contains(value) else { throw AnalyzerError("\(prefix).\(key) must be between 1 and 3660 days") }
        return value
    }

    private static func isTopicName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// The names of the fields notes use (front matter keys, JSON Lines keys), lower-cased, after
/// the config's re-mapping (`columns.one-on-ones: {manager: host}`).
struct NoteFieldNames: Sendable {
    let date: String
    let manager: String
    let report: String
    let status: String
    let notes: String
    let agenda: String
    let actionItems: String
    let text: String
    let done: String

    init(renamed: [String: String] = [:]) {
        func name(_ canonical: String) -> String { (renamed[canonical] ?? canonical).lowercased() }
        date = name("date")
        manager = name("manager")
        report = name("report")
        status = name("status")
        notes = name("notes")
        agenda = name("agenda")
        actionItems = name("action_items")
        text = name("text")
        done = name("done")
    }
}
