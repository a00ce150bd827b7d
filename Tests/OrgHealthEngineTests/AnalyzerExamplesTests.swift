import OrgHealthEngine
import OrgHealthKit
import Testing

/// Every registered analyzer's examples (``Analyzer/examples``), run by one generic test in
/// the spirit of SwiftLint's `verifyRule`: a new built-in analyzer without examples, or whose
/// figures differ from the ones worked out by hand in its examples, fails here.
@Suite("Analyzer examples")
struct AnalyzerExamplesTests {
    static let registry = AnalyzerRegistry.builtIn()
    static let ids = registry.entries.map(\.analyzer.descriptor.id)

    static func analyzer(_ id: String) -> (any Analyzer)? {
        registry.entries.first { $0.analyzer.descriptor.id == id }?.analyzer
    }

    @Test("all four built-in analyzers are covered")
    func coverage() {
        // The four built-ins of docs/ARCHITECTURE.md, each with at least one example.
        // (A superset: a built-in added by docs/ADDING-AN-ANALYZER.md needs no edit here.)
        #expect(Set(Self.ids).isSuperset(of: ["org-structure", "one-on-ones", "review-cycles", "culture-survey"]))
        for entry in Self.registry.entries {
            #expect(!entry.analyzer.examples.isEmpty, "\(entry.analyzer.descriptor.id) has no examples")
        }
    }

    @Test("each example gives the figures worked out by hand", arguments: ids)
    func examples(id: String) async throws {
        let analyzer = try #require(Self.analyzer(id))
        for example in analyzer.examples {
            let result = try await example.run(analyzer)
            #expect(example.mismatches(in: result) == [], "\(id): \(example.name)")
            #expect(result.diagnostics.filter { $0.severity == .error } == [], "\(id): \(example.name)")
        }
    }

    @Test("every metric an example emits or expects is in its analyzer's catalogue", arguments: ids)
    func emittedMetricsAreDeclared(id: String) async throws {
        let analyzer = try #require(Self.analyzer(id))
        let descriptor = analyzer.descriptor
        for example in analyzer.examples {
            let result = try await example.run(analyzer)
            let undeclared = Set(result.metrics.map(\.id)).filter { !descriptor.declaresMetric($0) }
            #expect(undeclared.isEmpty, "\(id) emits metrics it does not declare: \(undeclared.sorted())")
            let expectedUndeclared = example.expected.map(\.metric.rawValue).filter { !descriptor.declaresMetric($0) }
            #expect(expectedUndeclared.isEmpty, "\(id): \(example.name) expects undeclared \(expectedUndeclared)")
        }
    }

    @Test("a figure that differs from the example is reported, naming metric and scope")
    func mismatchIsReported() {
        let example = AnalyzerExample(
            "by hand", roster: "employee_id\nE1\n",
            expected: [.init(MetricID(rawValue: "fixture.rate"), .org, 0.5, n: 4),
                       .init(MetricID(rawValue: "fixture.count"), .team("Core"), 3)])
        let result = AnalyzerResult(metrics: [Metric(id: "fixture.rate", scope: .org, value: 0.25, unit: .ratio, n: 4)])
        #expect(example.mismatches(in: result) == [
            "by hand: fixture.rate at org is 0.25; expected 0.5",
            "by hand: no fixture.count at team:Core; expected fixture.count at team:Core = 3.0",
        ])
    }
}
