/// A module that turns one kind of organizational data into metrics, health signals,
/// findings and report sections.
///
/// Built-in analyzers and custom ones conform to the same protocol. An analyzer must be
/// safe to run concurrently with others, must not write anywhere, and must never put note or
/// comment text in its result. Throwing marks the analyzer `failed` in the report; the other
/// analyzers go on.
///
/// ```swift
/// struct KudosAnalyzer: Analyzer {
///     let descriptor = AnalyzerDescriptor(
///         id: "kudos", name: "Recognition", version: "1.0.0",
///         summary: "Who recognises whom, and how often.",
///         inputs: [.init(kind: "kudos")], dimensions: [.feedback])
///
///     func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
///         // read context.files(of: "kudos"), compute, return metrics and signals
///     }
/// }
/// ```
public protocol Analyzer: Sendable {
    /// What the analyzer is, reads and contributes — listable without running it.
    var descriptor: AnalyzerDescriptor { get }
    /// Analyzes the inputs in the context for its reporting period.
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult
    /// Small inputs with the figures expected from them (``AnalyzerExample``); none by default.
    /// Every built-in analyzer has some, run by one generic test.
    var examples: [AnalyzerExample] { get }
}

/// An error an analyzer throws when it cannot produce a result at all, e.g. a required
/// column is missing. The message names the file, the line and what to do.
public struct AnalyzerError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong and what to do.
    public let message: String
    /// The file concerned, if any.
    public let source: String?
    /// The line concerned, if any.
    public let line: Int?

    /// Creates an error.
    public init(_ message: String, source: String? = nil, line: Int? = nil) {
        self.message = message
        self.source = source
        self.line = line
    }

    public var description: String {
        guard let source else { return message }
        return "\(source)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
