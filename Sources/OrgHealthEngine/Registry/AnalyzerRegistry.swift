import CultureSurveyAnalyzer
import OneOnOneAnalyzer
import OrgHealthKit
import OrgStructureAnalyzer
import ReviewCycleAnalyzer

/// The analyzers a run can use: a value built at start-up and passed in, never a global.
public struct AnalyzerRegistry: Sendable {
    /// An analyzer and where it came from.
    public struct Entry: Sendable {
        /// The analyzer.
        public let analyzer: any Analyzer
        /// `built-in`, or the path of an external executable.
        public let origin: String

        /// Creates an entry.
        public init(analyzer: any Analyzer, origin: String) {
            self.analyzer = analyzer
            self.origin = origin
        }
    }

    /// The analyzers, in report order.
    public private(set) var entries: [Entry]

    /// Creates a registry from entries.
    public init(entries: [Entry] = []) { self.entries = entries }

    /// The built-in analyzers — the one place they are listed.
    public static func builtIn() -> AnalyzerRegistry {
        let analyzers: [any Analyzer] = [
            OrgStructureAnalyzer(),
            OneOnOneAnalyzer(),
            ReviewCycleAnalyzer(),
            CultureSurveyAnalyzer(),
        ]
        return AnalyzerRegistry(entries: analyzers.map { Entry(analyzer: $0, origin: "built-in") })
    }

    /// The registry with one more analyzer. An id already present is an error.
    public func adding(_ analyzer: any Analyzer, origin: String) throws(RegistryError) -> AnalyzerRegistry {
        let id = analyzer.descriptor.id
        if let existing = entries.first(where: { $0.analyzer.descriptor.id == id }) {
            throw RegistryError(message: "two analyzers have the id '\(id)': \(existing.origin) and \(origin); rename one")
        }
        var copy = self
        copy.entries.append(Entry(analyzer: analyzer, origin: origin))
        return copy
    }

    /// The ids of all analyzers.
    public var ids: Set<String> { Set(entries.map { $0.analyzer.descriptor.id }) }
}

/// Two analyzers with one id, or another registry problem.
public struct RegistryError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public let message: String
    public var description: String { message }
}
