import Foundation
import OrgHealthKit

/// Runs every enabled analyzer concurrently, each isolated: one that throws or returns an
/// invalid result becomes `failed` with its message, and the others go on.
public struct AnalyzerRunner: Sendable {
    /// The analyzers.
    public let registry: AnalyzerRegistry
    /// The clock (durations are measured only when it says so).
    public let clock: ReportClock

    /// Creates a runner.
    public init(registry: AnalyzerRegistry, clock: ReportClock) {
        self.registry = registry
        self.clock = clock
    }

    /// Runs the analyzers for a configuration and roster; results come back in registry order.
    public func run(
        configuration: Configuration, roster: Roster, progress: ProgressReporter = .silent
    ) async -> [AnalyzerRun] {
        await run(configuration: configuration, roster: roster, progress: progress) { _ in () }.map(\.run)
    }

    /// Runs the analyzers, and `afterEach` on each run in the task that ran it, as soon as it
    /// ends — the report pipeline gates a result there (issue 16), so the gate of a quick
    /// analyzer's figures overlaps a slow analyzer's reading instead of waiting for it. The
    /// run is the task's own value, so `afterEach` changes it in place. Results come back in
    /// registry order. `purpose` is each analyzer's ``AnalysisContext/purpose``.
    public func run<Extra: Sendable>(
        configuration: Configuration, roster: Roster, progress: ProgressReporter = .silent, purpose: AnalysisPurpose = .report,
        afterEach: @escaping @Sendable (inout AnalyzerRun) -> Extra
    ) async -> [(run: AnalyzerRun, extra: Extra)] {
        await withTaskGroup(of: (Int, AnalyzerRun, Extra).self) { group in
            for (index, entry) in registry.entries.enumerated() {
                group.addTask {
                    var run = await runOne(entry, configuration: configuration, roster: roster, progress: progress, purpose: purpose)
                    let extra = afterEach(&run)
                    return (index, run, extra)
                }
            }
            var runs: [(Int, AnalyzerRun, Extra)] = []
            for await run in group { runs.append(run) }
            return runs.sorted { $0.0 < $1.0 }.map { (run: $0.1, extra: $0.2) }
        }
    }

    private func runOne(
        _ entry: AnalyzerRegistry.Entry, configuration: Configuration, roster: Roster, progress: ProgressReporter,
        purpose: AnalysisPurpose
    ) async -> AnalyzerRun {
        let descriptor = entry.analyzer.descriptor
        if configuration.disabledAnalyzers.contains(descriptor.id) {
            return AnalyzerRun(descriptor: descriptor, status: .skipped, message: "disabled in the config", origin: entry.origin)
        }
        var inputs: [InputKind: [URL]] = [:]
        for requirement in descriptor.inputs {
            let matching = configuration.sources.filter { requirement.kind.covers($0.key) }
            if matching.isEmpty && requirement.required {
                return AnalyzerRun(
                    descriptor: descriptor, status: .skipped,
                    message: "no '\(requirement.kind)' input is configured (add it under sources: in the config)",
                    origin: entry.origin)
            }
            inputs.merge(matching) { first, _ in first }
        }
        if let problem = configuration.limits.problem(in: inputs.sorted { $0.key < $1.key }.flatMap(\.value)) {
            return AnalyzerRun(descriptor: descriptor, status: .failed, message: problem, origin: entry.origin)
        }
        let deadline = AnalyzerDeadline.take(from: configuration.analyzerOptions[descriptor.id] ?? AnalyzerOptions())
        var options = deadline.options
        if let columns = columnOptions(for: descriptor, configuration: configuration) {
            options.values["columns"] = columns
        }
        let context = AnalysisContext(
            organization: configuration.organization, period: configuration.period, roster: roster, inputs: inputs,
            options: options, privacy: configuration.privacy,
            progress: ProgressReporter { message, fraction in progress.report("\(descriptor.id): \(message)", fraction: fraction) },
            tabular: configuration.sourceOptions, purpose: purpose)
        let started = ContinuousClock.now
        func elapsed() -> Int? {
            guard clock.measuresDurations else { return nil }
            let duration = ContinuousClock.now - started
            return Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
        }
        let analyzer: any Analyzer
        let seconds: Double
        if let external = entry.analyzer as? ExternalAnalyzer {
            // The process is killed at its own timeout, with its own message; the runner's
            // deadline is only a backstop a little later.
            var limits = external.limits
            if let configured = deadline.seconds { limits = limits.withTimeout(seconds: configured, analyzer: descriptor.id) }
            analyzer = ExternalAnalyzer(executable: external.executable, descriptor: external.descriptor, limits: limits)
            seconds = limits.timeoutSeconds + 5
        } else {
            analyzer = entry.analyzer
            seconds = deadline.seconds ?? AnalyzerDeadline.builtInDefaultSeconds
        }
        do {
            let result = try await AnalyzerDeadline.run(seconds: seconds) { try await analyzer.analyze(context) }
            context.progress.report("analyzed; checking its \(result.metrics.count) figures")
            try ResultValidator().validate(result)
            context.progress.report("done")
            return AnalyzerRun(descriptor: descriptor, status: .ok, origin: entry.origin, durationMs: elapsed(), result: result)
        } catch is AnalyzerDeadline.Passed {
            return AnalyzerRun(
                descriptor: descriptor, status: .failed, message: AnalyzerDeadline.message(id: descriptor.id, seconds: seconds),
                origin: entry.origin, durationMs: elapsed())
        } catch {
            return AnalyzerRun(
                descriptor: descriptor, status: .failed, message: String(describing: error), origin: entry.origin,
                durationMs: elapsed())
        }
    }

    /// The config's `columns:` entries for the analyzer's input kinds, passed as the option
    /// `columns` (canonical name → export header).
    private func columnOptions(for descriptor: AnalyzerDescriptor, configuration: Configuration) -> ConfigValue? {
        var merged: [String: ConfigValue] = [:]
        for requirement in descriptor.inputs {
            for (kind, mapping) in configuration.columns where requirement.kind.covers(InputKind(rawValue: kind)) {
                for (canonical, header) in mapping { merged[canonical] = .string(header) }
            }
        }
        return merged.isEmpty ? nil : .object(merged)
    }
}
