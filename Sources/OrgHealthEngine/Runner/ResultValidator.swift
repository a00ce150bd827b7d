import OrgHealthKit

/// Checks an analyzer's result before it enters the report: scores within 0–100, finite
/// values, non-negative n, unique finding ids, sane sizes. Built-in and external results
/// are held to the same rules.
public struct ResultValidator: Sendable {
    /// The most items of each kind one result may carry.
    public var maxItems: Int

    /// Creates a validator.
    public init(maxItems: Int = 2_000_000) { self.maxItems = maxItems }

    /// Throws an ``AnalyzerError`` describing the first problem found.
    public func validate(_ result: AnalyzerResult) throws(AnalyzerError) {
        for (name, count) in [
            ("metrics", result.metrics.count), ("signals", result.signals.count), ("findings", result.findings.count),
            ("sections", result.sections.count), ("diagnostics", result.diagnostics.count),
        ] where count > maxItems {
            throw AnalyzerError("invalid result: \(count) \(name) (the limit is \(maxItems))")
        }
        // Checked in place, each figure's numbers first: a copy of each of millions of figures
        // retained the strings in it (issue 16); the figure is read whole only to report it.
        if let index = result.metrics.withUnsafeBufferPointer({ metrics in
            metrics.indices.first { index in
                metrics[index].n < 0 || metrics[index].value.map { !$0.isFinite } == true || metrics[index].id.isEmpty
            }
        }) {
            let metric = result.metrics[index]
            guard metric.n >= 0 else { throw AnalyzerError("invalid result: metric \(metric.id) has a negative n") }
            if let value = metric.value, !value.isFinite {
                throw AnalyzerError("invalid result: metric \(metric.id) at \(metric.scope) is not a finite number")
            }
            throw AnalyzerError("invalid result: a metric has an empty id")
        }
        if let index = MetricKeys.firstRepeated(in: result.metrics) {
            let metric = result.metrics[index]
            throw AnalyzerError("invalid result: metric \(metric.id) appears twice for \(metric.scope)")
        }
        if let index = result.signals.withUnsafeBufferPointer({ signals in
            signals.indices.first { index in
                signals[index].score.map { !(0...100).contains($0) } == true || !signals[index].weight.isFinite
                    || signals[index].weight <= 0 || signals[index].n < 0
            }
        }) {
            let signal = result.signals[index]
            if let score = signal.score, !(0...100).contains(score) {
                throw AnalyzerError(
                    "invalid result: signal \(signal.dimension) at \(signal.scope) has score \(score), outside 0–100")
            }
            guard signal.weight.isFinite, signal.weight > 0 else {
                throw AnalyzerError("invalid result: signal \(signal.dimension) at \(signal.scope) needs a positive weight")
            }
            guard signal.n >= 0 else { throw AnalyzerError("invalid result: signal \(signal.dimension) has a negative n") }
        }
        var findingIDs: Set<String> = []
        for finding in result.findings where !findingIDs.insert(finding.id).inserted {
            throw AnalyzerError("invalid result: finding id '\(finding.id)' is not unique")
        }
    }
}
