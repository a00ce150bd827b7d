import OrgHealthKit

/// The analyzer's options (`analyzers.review-cycles` in the config), with their defaults,
/// and the `columns.review-cycles` re-mapping the engine passes as the option `columns`.
struct ReviewCycleOptions: Sendable {
    /// The rating scale.
    let scale: RatingScale
    /// The export's own relationship and status labels.
    let vocabulary: ReviewVocabulary
    /// Canonical column name → the export's header.
    let columns: [String: String]
    /// A comment with at least this many words has substance (default 25).
    let substantialCommentWords: Int
    /// A team's completion below this is a finding (default 0.8).
    let lowCompletionBelow: Double
    /// A team's on-time rate below this is a finding (default 0.8).
    let lowOnTimeBelow: Double
    /// A mean self–manager gap of at least this many scale points, either way, is a finding
    /// (default 1).
    let largeGapAtLeast: Double
    /// An upward score below this (on the rating scale) is a finding (default: the scale's midpoint).
    let lowUpwardScoreBelow: Double
    /// The |z| at which a manager's ratings are a calibration candidate (default 2).
    let leniencyZ: Double

    /// The option keys the analyzer reads (`columns` is added by the engine).
    static let keys: Set<String> = [
        "scale", "relationships", "statuses", "substantialCommentWords", "lowCompletionBelow", "lowOnTimeBelow",
        "largeGapAtLeast", "lowUpwardScoreBelow", "leniencyZ", "columns",
    ]

    init(_ options: AnalyzerOptions) throws(AnalyzerError) {
        // A misspelt option would otherwise fall back to its default without a word.
        if let unknown = options.values.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            let known = Self.keys.subtracting(["columns"]).sorted().joined(separator: ", ")
            throw AnalyzerError("analyzers.review-cycles.\(unknown) is not an option of this analyzer; the options are \(known)")
        }
        scale = try RatingScale(options: options)
        vocabulary = try ReviewVocabulary(options: options)
        columns = try options.columnMapping(for: "review-cycles")
        do {
            substantialCommentWords = try options.int("substantialCommentWords", default: 25)
            lowCompletionBelow = try options.double("lowCompletionBelow", default: 0.8)
            lowOnTimeBelow = try options.double("lowOnTimeBelow", default: 0.8)
            largeGapAtLeast = try options.double("largeGapAtLeast", default: 1)
            lowUpwardScoreBelow = try options.double("lowUpwardScoreBelow", default: scale.midpoint)
            leniencyZ = try options.double("leniencyZ", default: 2)
        } catch {
            throw AnalyzerError("analyzers.review-cycles: \(error.message)")
        }
        guard substantialCommentWords >= 1 else {
            throw AnalyzerError("analyzers.review-cycles: substantialCommentWords must be at least 1")
        }
        guard (0...1).contains(lowCompletionBelow), (0...1).contains(lowOnTimeBelow) else {
            throw AnalyzerError("analyzers.review-cycles: lowCompletionBelow and lowOnTimeBelow are shares from 0 to 1")
        }
        guard largeGapAtLeast > 0, leniencyZ > 0 else {
            throw AnalyzerError("analyzers.review-cycles: largeGapAtLeast and leniencyZ must be above 0")
        }
    }
}
