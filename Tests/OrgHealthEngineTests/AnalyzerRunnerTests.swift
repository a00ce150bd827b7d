import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

private struct FixedAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(id: "fixed", name: "Fixed", version: "1", summary: "s", dimensions: [.trust])
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        AnalyzerResult(metrics: [Metric(id: "fixed.rate", scope: .org, value: 0.5, unit: .ratio, n: 10)],
                       signals: [HealthSignal(dimension: .trust, scope: .org, score: 50, n: 10)])
    }
}

private struct ThrowingAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(id: "throws", name: "Throws", version: "1", summary: "s")
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        throw AnalyzerError("reviews.csv has no column 'rating'", source: "reviews.csv", line: 1)
    }
}

private struct InvalidAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(id: "invalid", name: "Invalid", version: "1", summary: "s")
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        AnalyzerResult(signals: [HealthSignal(dimension: .trust, scope: .org, score: 140, n: 10)])
    }
}

private struct NeedsInput: Analyzer {
    let descriptor = AnalyzerDescriptor(id: "needs", name: "Needs", version: "1", summary: "s", inputs: [.init(kind: "kudos")])
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult { AnalyzerResult() }
}

@Suite("Analyzer runner")
struct AnalyzerRunnerTests {
    @Test("an analyzer that throws fails alone; the others' results are intact")
    func isolation() async throws {
        let analyzers: [any Analyzer] = [FixedAnalyzer(), ThrowingAnalyzer(), InvalidAnalyzer(), NeedsInput()]
        let registry = AnalyzerRegistry(entries: analyzers.map { AnalyzerRegistry.Entry(analyzer: $0, origin: "built-in") })
        let configuration = Configuration(
            organization: "A", period: try ReportingPeriod(parsing: "2026-Q3"), roster: URL(fileURLWithPath: "/dev/null"))
        let runs = await AnalyzerRunner(registry: registry, clock: .fixed(secondsSince1970: 0))
            .run(configuration: configuration, roster: Roster(people: []))
        #expect(runs.map(\.descriptor.id) == ["fixed", "throws", "invalid", "needs"])
        #expect(runs.map(\.status) == [AnalyzerRun.Status.ok, .failed, .failed, .skipped])
        #expect(runs[0].result.metrics.first?.value == 0.5)
        #expect(runs[1].message == "reviews.csv:1: reviews.csv has no column 'rating'")
        #expect(runs[2].message?.contains("outside 0–100") == true)
        #expect(runs[3].message?.contains("kudos") == true)
        #expect(runs.allSatisfy { $0.durationMs == nil })
    }

    @Test("two analyzers with one id are refused")
    func duplicateIDs() throws {
        let registry = AnalyzerRegistry(entries: [.init(analyzer: FixedAnalyzer(), origin: "built-in")])
        #expect(throws: RegistryError.self) { try registry.adding(FixedAnalyzer(), origin: "/x/orghealth-analyzer-fixed") }
    }
}
