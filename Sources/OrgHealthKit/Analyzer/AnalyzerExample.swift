import Foundation

/// A small input with the figures an analyzer must compute from it: documentation and test at
/// once, in the spirit of SwiftLint's rule examples. Every built-in analyzer carries some
/// (``Analyzer/examples``); one generic test runs them all, and the external-analyzer parity
/// test runs them through the protocol too.
///
/// ```swift
/// AnalyzerExample(
///     "one manager, two reports",
///     roster: """
///     employee_id,manager_id,team,department,hire_date,end_date
///     M1,,Core,Eng,2020-01-01,
///     A1,M1,Core,Eng,2020-01-01,
///     """,
///     expected: [
///         // 2 people employed on 2026-09-30
///         .init(OrgStructureMetric.headcount, .org, 2, n: 2),
///     ])
/// ```
///
/// The expected values are worked out by hand (say how in a comment beside them), never copied
/// from the analyzer's output.
public struct AnalyzerExample: Sendable {
    /// What the example shows, in a few words.
    public var name: String
    /// The reporting period, as given in a config (`2026-Q3`).
    public var period: String
    /// The roster as CSV text.
    public var roster: String
    /// The input files, written into a temporary folder before the analyzer runs.
    public var files: [File]
    /// The analyzer's options (`analyzers.<id>`).
    public var options: AnalyzerOptions
    /// The privacy policy's minimum group size (the analyzer's own findings and sections use it).
    public var minGroupSize: Int
    /// The figures the analyzer must report; other metrics it reports are not checked here.
    public var expected: [ExpectedFigure]

    /// Creates an example.
    public init(
        _ name: String, period: String = "2026-Q3", roster: String, files: [File] = [],
        options: AnalyzerOptions = AnalyzerOptions(), minGroupSize: Int = 5, expected: [ExpectedFigure]
    ) {
        self.name = name
        self.period = period
        self.roster = roster
        self.files = files
        self.options = options
        self.minGroupSize = minGroupSize
        self.expected = expected
    }

    /// One input file of an example.
    public struct File: Sendable {
        /// The input kind it is given as (`review-cycles`, `culture-survey.definition`).
        public var kind: InputKind
        /// Its file name, which may say its format (`notes.jsonl`, `2026-07-02.md`).
        public var name: String
        /// Its text.
        public var contents: String

        /// Creates a file.
        public init(_ kind: InputKind, _ name: String, _ contents: String) {
            self.kind = kind
            self.name = name
            self.contents = contents
        }
    }

    /// A figure the analyzer must report: a metric of a scope, with its value and n.
    public struct ExpectedFigure: Sendable, CustomStringConvertible {
        /// The metric.
        public var metric: MetricID
        /// The scope.
        public var scope: Scope
        /// The value, compared to within 1e-9.
        public var value: Double
        /// The n, when the example pins it.
        public var n: Int?

        /// Creates an expected figure.
        public init(_ metric: MetricID, _ scope: Scope, _ value: Double, n: Int? = nil) {
            self.metric = metric
            self.scope = scope
            self.value = value
            self.n = n
        }

        public var description: String { "\(metric) at \(scope.id) = \(value)\(n.map { " (n = \($0))" } ?? "")" }
    }
}

extension AnalyzerExample {
    /// Writes the example's files into a fresh temporary folder, reads its roster, and gives
    /// `body` the context an analyzer would get; the folder is removed afterwards.
    public func withContext<T>(_ body: (AnalysisContext) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("orghealth-example-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Removing a scratch folder that the run no longer needs; a leftover one is harmless
        // and must not hide the example's own result or error.
        defer { try? FileManager.default.removeItem(at: folder) }
        var inputs: [InputKind: [URL]] = [:]
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
            inputs[file.kind, default: []].append(url)
        }
        let period = try ReportingPeriod(parsing: self.period)
        let roster = try RosterReader(period: period).read(csv: roster).roster
        let context = AnalysisContext(
            organization: "Example Co", period: period, roster: roster, inputs: inputs, options: options,
            privacy: PrivacyPolicy(minGroupSize: minGroupSize))
        return try await body(context)
    }

    /// Runs `analyzer` on the example.
    public func run(_ analyzer: any Analyzer) async throws -> AnalyzerResult {
        try await withContext { context in try await analyzer.analyze(context) }
    }

    /// What in `result` differs from the expected figures, one line each; empty when all match.
    public func mismatches(in result: AnalyzerResult) -> [String] {
        expected.compactMap { figure in
            let found = result.metrics.filter { $0.id == figure.metric.rawValue && $0.scope == figure.scope }
            guard let metric = found.first else { return "\(name): no \(figure.metric) at \(figure.scope.id); expected \(figure)" }
            if found.count > 1 { return "\(name): \(found.count) metrics \(figure.metric) at \(figure.scope.id)" }
            guard let value = metric.value, abs(value - figure.value) <= 1e-9 * max(1, abs(figure.value)) else {
                return "\(name): \(figure.metric) at \(figure.scope.id) is \(metric.value.map { "\($0)" } ?? "withheld"); expected \(figure.value)"
            }
            if let n = figure.n, metric.n != n {
                return "\(name): \(figure.metric) at \(figure.scope.id) has n = \(metric.n); expected n = \(n)"
            }
            return nil
        }
    }
}

extension Analyzer {
    /// No examples: the default for analyzers that declare none (external ones among them).
    public var examples: [AnalyzerExample] { [] }
}
