import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// What a slow analyzer saw: whether it noticed its cancellation, and the options it got.
private final class Sightings: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var options: [String: ConfigValue]?

    func sawCancellation() { lock.withLock { cancelled = true } }
    func received(_ values: [String: ConfigValue]) { lock.withLock { options = values } }
    var noticedCancellation: Bool { lock.withLock { cancelled } }
    var receivedOptions: [String: ConfigValue]? { lock.withLock { options } }
}

/// Built-in-like: reads "records" in a loop that checks for cancellation, as the readers do,
/// for up to 60 s.
private struct CooperativeSlowAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(id: "slow", name: "Slow", version: "1", summary: "s", dimensions: [.trust])
    let sightings: Sightings
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        sightings.received(context.options.values)
        let end = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < end {
            if Task.isCancelled {
                sightings.sawCancellation()
                throw CancellationError()
            }
            usleep(1_000)  // one "record"
        }
        return AnalyzerResult()
    }
}

/// Holds a thread until the test opens it, or at most 120 s, and records which. The test
/// opens it as soon as the run comes back, so a timed-out gate means the run waited for it.
private final class Gate: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var opened = false
    private var expired = false
    func wait() {
        let result = semaphore.wait(timeout: .now() + 120)
        lock.withLock { expired = result == .timedOut }
    }
    var timedOut: Bool { lock.withLock { expired } }
    func open() {
        lock.withLock { opened = true }
        semaphore.signal()
    }
    var isOpen: Bool { lock.withLock { opened } }
}

/// Never checks for cancellation: blocks its thread until the gate opens.
private struct StubbornAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(id: "stubborn", name: "Stubborn", version: "1", summary: "s")
    let gate: Gate
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        gate.wait()
        return AnalyzerResult()
    }
}

private struct QuickAnalyzer: Analyzer {
    let descriptor = AnalyzerDescriptor(id: "quick", name: "Quick", version: "1", summary: "s", dimensions: [.trust])
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        AnalyzerResult(signals: [HealthSignal(dimension: .trust, scope: .org, score: 50, n: 10)])
    }
}

@Suite("Analyzer deadlines (analyzers.<id>.timeoutSeconds)")
struct AnalyzerDeadlineTests {
    @Test("a built-in analyzer past its deadline is cancelled, marked failed, and the others finish")
    func cooperativeCancellation() async throws {
        let sightings = Sightings()
        let gate = Gate()
        defer { gate.open() }
        let analyzers: [any Analyzer] = [CooperativeSlowAnalyzer(sightings: sightings), StubbornAnalyzer(gate: gate), QuickAnalyzer()]
        let registry = AnalyzerRegistry(entries: analyzers.map { AnalyzerRegistry.Entry(analyzer: $0, origin: "built-in") })
        let configuration = Configuration(
            organization: "A", period: try ReportingPeriod(parsing: "2026-Q3"), roster: URL(fileURLWithPath: "/dev/null"),
            analyzerOptions: [
                "slow": AnalyzerOptions(["timeoutSeconds": .number(0.3), "threshold": .number(2)]),
                "stubborn": AnalyzerOptions(["timeoutSeconds": .number(0.5)]),
            ])
        let runs = await AnalyzerRunner(registry: registry, clock: .fixed(secondsSince1970: 0))
            .run(configuration: configuration, roster: Roster(people: []))
        // The run came back while the stubborn analyzer still held its thread: it was not waited
        // for. (Checked by state, not by wall time: in the full parallel suite on two cores the
        // other tests, blocked on their subprocesses, can keep this test's tasks from running
        // for a minute; the slow one's 60 s and the gate's 120 s are what a wait would show.)
        #expect(!gate.isOpen)
        #expect(!gate.timedOut, "the run waited for the stubborn analyzer's thread to be released")
        gate.open()
        #expect(runs.map(\.status) == [.failed, .failed, .ok])
        #expect(runs[0].message == "did not finish within 0.3 s (analyzers.slow.timeoutSeconds) and was cancelled")
        #expect(runs[1].message == "did not finish within 0.5 s (analyzers.stubborn.timeoutSeconds) and was cancelled")
        // The slow one's loop saw the cancellation (give its thread a moment to get there).
        for _ in 0..<100 where !sightings.noticedCancellation { try await Task.sleep(for: .milliseconds(20)) }
        #expect(sightings.noticedCancellation)
        // timeoutSeconds is the host's key: the analyzer never sees it, its own options reach it.
        #expect(sightings.receivedOptions == ["threshold": .number(2)])
    }

    @Test("the report is still written when an analyzer runs past its deadline")
    func reportStillWritten() async throws {
        let sightings = Sightings()
        let registry = AnalyzerRegistry(entries: [
            .init(analyzer: CooperativeSlowAnalyzer(sightings: sightings), origin: "built-in"),
            .init(analyzer: QuickAnalyzer(), origin: "built-in"),
        ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deadline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv")
        try "employee_id,manager_id,team,department\nA1,,Core,Eng\n".write(to: roster, atomically: true, encoding: .utf8)
        let configuration = Configuration(
            organization: "A", period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster,
            analyzerOptions: ["slow": AnalyzerOptions(["timeoutSeconds": .number(0.2)])])
        let report = try await ReportPipeline(registry: registry, clock: .fixed(secondsSince1970: 0)).run(configuration)
        #expect(report.analyzers.map(\.status) == [.failed, .ok])
        #expect(report.analyzers[0].message?.contains("analyzers.slow.timeoutSeconds") == true)
    }

    @Test("timeoutSeconds must be a positive number; the message names the file, line and key")
    func configValidation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deadline-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "employee_id,manager_id,team,department\nA1,,Core,Eng\n".write(
            to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("orghealth.yml")
        // Line 5 holds the bad value.
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\nanalyzers:\n  org-structure: {timeoutSeconds: -3}\n"
            .write(to: config, atomically: true, encoding: .utf8)
        #expect {
            _ = try ConfigurationLoader(knownAnalyzers: ["org-structure"]).load(config)
        } throws: { error in
            let text = "\(error)"
            return text.contains("orghealth.yml:5") && text.contains("analyzers.org-structure.timeoutSeconds")
                && text.contains("must be a positive number of seconds")
        }
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\nanalyzers:\n  org-structure:\n    timeoutSeconds: 45\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let loaded = try ConfigurationLoader(knownAnalyzers: ["org-structure"]).load(config)
        #expect(loaded.analyzerOptions["org-structure"]?.values["timeoutSeconds"] == .number(45))
    }
}
