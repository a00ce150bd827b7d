import Foundation

/// Everything an analyzer is given for one run: the organization, the period, the roster,
/// its input files, its options and the privacy policy.
public struct AnalysisContext: Sendable {
    /// The organization's name.
    public let organization: String
    /// The reporting period.
    public let period: ReportingPeriod
    /// The people, their managers, teams and departments.
    public let roster: Roster
    /// The input files of the kinds the analyzer declared, by kind (or kind and role).
    public let inputs: [InputKind: [URL]]
    /// The analyzer's section of the config (`analyzers.<id>`).
    public let options: AnalyzerOptions
    /// The privacy rules in force; the engine applies them again to every result.
    public let privacy: PrivacyPolicy
    /// Where to report progress of long work.
    public let progress: ProgressReporter
    /// How each input file is read (the config's per-source `delimiter`, `encoding`, `sheet`),
    /// by file; files not listed use the defaults. See ``tabularOptions(for:)``.
    public let tabular: [URL: TabularOptions]
    /// What the run is for. Under ``AnalysisPurpose/validation`` only the result's diagnostics
    /// are kept, so an analyzer may return them without building its figures, findings and
    /// sections.
    public let purpose: AnalysisPurpose

    /// Creates a context.
    public init(
        organization: String, period: ReportingPeriod, roster: Roster, inputs: [InputKind: [URL]] = [:],
        options: AnalyzerOptions = AnalyzerOptions(), privacy: PrivacyPolicy = PrivacyPolicy(),
        progress: ProgressReporter = .silent, tabular: [URL: TabularOptions] = [:], purpose: AnalysisPurpose = .report
    ) {
        self.tabular = tabular
        self.purpose = purpose
        self.organization = organization
        self.period = period
        self.roster = roster
        self.inputs = inputs
        self.options = options
        self.privacy = privacy
        self.progress = progress
    }

    /// The files of a kind, including those of its roles (`culture-survey.responses` for
    /// `culture-survey`), in a stable order.
    public func files(of kind: InputKind) -> [URL] {
        inputs.filter { kind.covers($0.key) }.sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// The options the config gives for reading `url`: its own entry, or that of the folder
    /// it was found in (a source may name a folder of exports); defaults when there is none.
    public func tabularOptions(for url: URL) -> TabularOptions {
        if let options = tabular[url] { return options }
        guard !tabular.isEmpty else { return TabularOptions() }
        var path = url.standardizedFileURL.path
        while !path.isEmpty {
            for (key, options) in tabular where key.standardizedFileURL.path == path { return options }
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path { break }
            path = parent
        }
        return TabularOptions()
    }

    /// Opens an input file for reading records, with its per-source options: the one reader
    /// every tabular input goes through (delimiter detection, encodings, workbooks).
    ///
    /// ```swift
    /// for url in context.files(of: "recognition") {
    ///     var reader = try context.openTable(url)
    ///     …
    /// }
    /// ```
    public func openTable(_ url: URL) throws(CSVError) -> CSVReader {
        try TabularFile.open(url, options: tabularOptions(for: url))
    }
}

/// What an analyzer's run is for.
public enum AnalysisPurpose: String, Sendable, Hashable {
    /// A report: every figure, finding, section and diagnostic.
    case report
    /// `orghealth validate`: only the diagnostics are kept. Every input must still be read
    /// as a report reads it, so the diagnostics are the report's; the figures may be skipped.
    case validation
}

/// Reports the progress of long work (shown on a terminal, silent otherwise).
public struct ProgressReporter: Sendable {
    private let sink: @Sendable (String, Double?) -> Void

    /// Creates a reporter that hands each update to `sink` (a message and a fraction 0–1, if known).
    public init(_ sink: @escaping @Sendable (String, Double?) -> Void) { self.sink = sink }

    /// Reports a step, optionally with the fraction done.
    public func report(_ message: String, fraction: Double? = nil) { sink(message, fraction) }

    /// A reporter that drops every update.
    public static let silent = ProgressReporter { _, _ in }
}

/// The privacy rules of a run (config `privacy:`).
public struct PrivacyPolicy: Codable, Sendable, Hashable {
    /// The smallest group whose figures may be shown (default 5, never below 3).
    public var minGroupSize: Int
    /// How survey comments may appear.
    public var comments: CommentPolicy
    /// The smallest group whose comments may be shown verbatim under `comments: include`.
    public var minCommentGroupSize: Int

    /// The floor no configuration can go below.
    public static let minimumAllowedGroupSize = 3

    /// Creates a policy. `minGroupSize` is raised to 3 if lower.
    public init(minGroupSize: Int = 5, comments: CommentPolicy = .themes, minCommentGroupSize: Int = 10) {
        self.minGroupSize = max(minGroupSize, Self.minimumAllowedGroupSize)
        self.comments = comments
        self.minCommentGroupSize = minCommentGroupSize
    }

    private enum CodingKeys: String, CodingKey { case minGroupSize, comments, minCommentGroupSize }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            minGroupSize: try container.decodeIfPresent(Int.self, forKey: .minGroupSize) ?? 5,
            comments: try container.decodeIfPresent(CommentPolicy.self, forKey: .comments) ?? .themes,
            minCommentGroupSize: try container.decodeIfPresent(Int.self, forKey: .minCommentGroupSize) ?? 10)
    }
}

/// How free-text survey comments may appear in a report.
public enum CommentPolicy: String, Codable, Sendable, CaseIterable {
    /// Never, not even as themes.
    case exclude
    /// Only as theme counts.
    case themes
    /// Verbatim, for groups with at least `minCommentGroupSize` comments.
    case include
}
