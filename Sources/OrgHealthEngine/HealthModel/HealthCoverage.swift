import OrgHealthKit

/// What each dimension score and the health index rest on: the measures behind every score,
/// the dimensions the index covers, and which sources gave data at all.
///
/// Kept apart from `HealthModel`'s arithmetic: the scores are the same with or without it,
/// this only says what they are made of and withholds an index that would mislead.
public struct HealthCoverage: Sendable {
    /// The fewest dimensions with a score for the organization's health index to be shown.
    public var minimumDimensions: Int

    /// Creates the step.
    public init(minimumDimensions: Int = HealthCoverage.defaultMinimumDimensions) {
        self.minimumDimensions = minimumDimensions
    }

    /// The default of `healthIndex.minimumDimensions`: five of the seven built-in dimensions.
    public static let defaultMinimumDimensions = 5

    /// The measures behind every scope's dimension scores, one per analyzer and metric (signals
    /// of one measure for one dimension and scope are merged: weights add up, scores are
    /// weight-averaged, the n is the largest), sorted by analyzer then metric.
    public func sources(runs: [AnalyzerRun]) -> [Scope: [HealthDimension: [DimensionSource]]] {
        let numbered = SourceTable(runs: runs)
        var table: [Scope: [HealthDimension: [DimensionSource]]] = [:]
        table.reserveCapacity(numbered.scopes.count)
        for (number, scope) in numbered.scopes.enumerated() {
            table[scope] = Dictionary(uniqueKeysWithValues: Array(numbered.pairs(ofScope: number)))
        }
        return table
    }

    /// The sources of ``sources(runs:)`` by scope number: the scopes in order of first signal,
    /// their numbers, and each scope's (dimension, sources) pairs — no dictionary per scope
    /// (issue 16: 110,000 scopes at 10^6 people). It depends on the gated runs alone, so the
    /// pipeline builds it while the health model scores (``applying(to:sources:)``).
    public struct SourceTable: Sendable {
        let scopes: [Scope]
        let numbers: [Scope: Int32]
        /// Every scope's (dimension, sources) pairs, scope after scope: one flat array, and
        /// each sources array made at its final size (issue 16: an array per scope, grown one
        /// append at a time, held 54 MB at 10^6 people, at the report's peak).
        let dimensions: [(HealthDimension, [DimensionSource])]
        /// Where each scope's pairs start in `dimensions`, by scope number (one more entry
        /// than scopes: the end).
        let starts: [Int32]

        /// The table of the runs' signals.
        public init(runs: [AnalyzerRun]) {
            (scopes, numbers, dimensions, starts) = Self.numbered(runs: runs)
        }

        /// The (dimension, sources) pairs of the scope numbered `number`.
        func pairs(ofScope number: Int) -> ArraySlice<(HealthDimension, [DimensionSource])> {
            dimensions[Int(starts[number])..<Int(starts[number + 1])]
        }
    }
}

extension HealthCoverage.SourceTable {
    private static func numbered(runs: [AnalyzerRun]) -> (
        scopes: [Scope], numbers: [Scope: Int32], dimensions: [(HealthDimension, [DimensionSource])], starts: [Int32]
    ) {
        // Merged on integers (issue 16): a scope is numbered once, a measure (analyzer,
        // dimension, metric) once per run of equal signals, and the two numbers are the key.
        struct Measure {
            let analyzer: String
            let dimension: HealthDimension
            let metric: String
        }
        struct Entry {
            let scope: Int32
            let measure: Int32
            /// The scope's next entry, or −1: a scope's entries are a chain from `firstEntry`.
            var next: Int32 = -1
            var weighted = 0.0
            var scoredWeight = 0.0
            var weight = 0.0
            var n = 0
        }
        var scopeNumbers: [Scope: Int32] = [:]
        var scopes: [Scope] = []
        var measures: [Measure] = []
        var entries: [Entry] = []
        // Per scope number: its first entry, or −1. A scope has a handful of measures, so its
        // chain is walked instead of hashing (scope, measure) into a dictionary (10^6 people:
        // 34 MB for 900,000 keys, at the report's peak).
        var firstEntry: [Int32] = []
        // By analyzer id (two runs of one id merge, as the measures are named by it), then dimension and metric.
        var measureNumbersByAnalyzer: [String: [HealthDimension: [String: Int32]]] = [:]
        // Sized once: grown one doubling at a time, the tables were rehashed ~20 times at 10^6 people.
        let signalCount = runs.reduce(0) { $0 + $1.result.signals.count }
        entries.reserveCapacity(signalCount)
        for run in runs {
            // Signals come in runs of one dimension and metric; the measure is looked up only when they change.
            var measureNumbers = measureNumbersByAnalyzer.removeValue(forKey: run.descriptor.id) ?? [:]
            defer { measureNumbersByAnalyzer[run.descriptor.id] = measureNumbers }
            var last: (dimension: HealthDimension, basis: String?, measure: Int32)?
            for signal in run.result.signals {
                let measure: Int32
                if let last, last.dimension == signal.dimension, last.basis == signal.basis {
                    measure = last.measure
                } else {
                    let metric = signal.basis ?? ""
                    if let known = measureNumbers[signal.dimension]?[metric] {
                        measure = known
                    } else {
                        measure = Int32(measures.count)
                        measures.append(Measure(analyzer: run.descriptor.id, dimension: signal.dimension, metric: metric))
                        measureNumbers[signal.dimension, default: [:]][metric] = measure
                    }
                    last = (signal.dimension, signal.basis, measure)
                }
                let scope: Int32
                if let known = scopeNumbers[signal.scope] {
                    scope = known
                } else {
                    scope = Int32(scopes.count)
                    scopeNumbers[signal.scope] = scope
                    scopes.append(signal.scope)
                    firstEntry.append(-1)
                }
                var index = Int(firstEntry[Int(scope)]), last = -1
                while index >= 0, entries[index].measure != measure {
                    last = index
                    index = Int(entries[index].next)
                }
                if index < 0 {
                    index = entries.count
                    entries.append(Entry(scope: scope, measure: measure))
                    if last < 0 { firstEntry[Int(scope)] = Int32(index) } else { entries[last].next = Int32(index) }
                }
                entries[index].weight += signal.weight
                entries[index].n = max(entries[index].n, signal.n)
                if let score = signal.score {
                    entries[index].weighted += score * signal.weight
                    entries[index].scoredWeight += signal.weight
                }
            }
        }
        // Scope by scope, along its chain (its entries in the order first seen): its dimensions
        // in the order first seen, each with its sources sorted by analyzer, then metric.
        var dimensions: [(HealthDimension, [DimensionSource])] = []
        dimensions.reserveCapacity(entries.count)
        var starts: [Int32] = []
        starts.reserveCapacity(scopes.count + 1)
        var counts: [(dimension: HealthDimension, count: Int)] = []
        for first in firstEntry {
            starts.append(Int32(dimensions.count))
            counts.removeAll(keepingCapacity: true)
            var index = Int(first)
            while index >= 0 {
                let dimension = measures[Int(entries[index].measure)].dimension
                // A scope has a handful of dimensions: a look along its list, not a dictionary.
                if let slot = counts.firstIndex(where: { $0.dimension == dimension }) {
                    counts[slot].count += 1
                } else {
                    counts.append((dimension, 1))
                }
                index = Int(entries[index].next)
            }
            for (dimension, count) in counts {
                var sources: [DimensionSource] = []
                sources.reserveCapacity(count)
                var index = Int(first)
                while index >= 0 {
                    let entry = entries[index]
                    index = Int(entry.next)
                    let measure = measures[Int(entry.measure)]
                    guard measure.dimension == dimension else { continue }
                    let score = entry.scoredWeight > 0 ? entry.weighted / entry.scoredWeight : nil
                    sources.append(DimensionSource(
                        analyzer: measure.analyzer, metric: measure.metric, weight: entry.weight, n: entry.n, score: score))
                }
                if count > 1 { sources.sort { ($0.analyzer, $0.metric) < ($1.analyzer, $1.metric) } }
                dimensions.append((dimension, sources))
            }
        }
        starts.append(Int32(dimensions.count))
        return (scopes, scopeNumbers, dimensions, starts)
    }
}

extension HealthCoverage {

    /// The sources of one dimension in a scope's list from ``SourceTable``.
    private static func sources(
        of dimension: HealthDimension, in entries: ArraySlice<(HealthDimension, [DimensionSource])>
    ) -> [DimensionSource] {
        entries.first { $0.0 == dimension }?.1 ?? []
    }

    /// The report with every dimension score's sources filled in, the organization's health
    /// index withheld when too few dimensions have a score, its coverage, and the coverage of
    /// every source.
    public func applying(to report: consuming HealthReport) -> HealthReport {
        let table = SourceTable(runs: report.analyzers)
        return applying(to: report, sources: table)
    }

    /// ``applying(to:)`` with the sources table already built from the report's runs.
    public func applying(to report: consuming HealthReport, sources table: SourceTable) -> HealthReport {
        // Consumed: the caller's report is moved in, so filling in the sources writes into its
        // arrays instead of copying every scope (issue 16: 110,000 scopes at 10^6 people).
        var report = report
        // A scope is looked up once, its dimensions along its short list.
        func entries(_ scope: Scope) -> ArraySlice<(HealthDimension, [DimensionSource])> {
            table.numbers[scope].map { table.pairs(ofScope: Int($0)) } ?? []
        }
        let organization = entries(.org)
        for index in report.summary.dimensions.indices {
            report.summary.dimensions[index].sources = Self.sources(of: report.summary.dimensions[index].dimension, in: organization)
        }
        for scopeIndex in report.scopes.indices {
            let scopeEntries = entries(report.scopes[scopeIndex].scope)
            for index in report.scopes[scopeIndex].dimensions.indices {
                let dimension = report.scopes[scopeIndex].dimensions[index].dimension
                report.scopes[scopeIndex].dimensions[index].sources = Self.sources(of: dimension, in: scopeEntries)
            }
        }

        let scored = report.summary.dimensions.filter { $0.score != nil }
        let feeding = Set(scored.flatMap { $0.sources.filter { $0.score != nil }.map(\.analyzer) }).sorted()
        var coverage = HealthIndexCoverage(
            dimensionsScored: scored.count, dimensionsTotal: report.summary.dimensions.count,
            minimumDimensions: minimumDimensions, sources: feeding)
        if scored.count < minimumDimensions {
            coverage.withheldReason = "only \(scored.count) of \(report.summary.dimensions.count) dimensions have data; "
                + "the index needs at least \(minimumDimensions) (healthIndex.minimumDimensions)"
            report.summary.healthIndex = nil
        }
        report.summary.coverage = coverage
        report.summary.sources = report.analyzers.map(Self.coverage(of:))
        return report
    }

    /// Whether an analyzer's source gave data, and if not, why.
    static func coverage(of run: AnalyzerRun) -> SourceCoverage {
        let descriptor = run.descriptor
        switch run.status {
        case .failed:
            return SourceCoverage(analyzer: descriptor.id, name: descriptor.name, absence: .failed, detail: run.message)
        case .skipped:
            return SourceCoverage(analyzer: descriptor.id, name: descriptor.name, absence: .noFiles, detail: run.message)
        case .ok:
            let hasData = run.result.signals.contains { $0.score != nil || $0.suppressed != nil }
                || run.result.metrics.contains { $0.value != nil || $0.isSuppressed }
            guard !hasData else { return SourceCoverage(analyzer: descriptor.id, name: descriptor.name, absence: nil) }
            let note = run.result.diagnostics.first { $0.message.contains("period") }?.message
            return SourceCoverage(
                analyzer: descriptor.id, name: descriptor.name, absence: .outOfPeriod,
                detail: note ?? "no record fell inside the period")
        }
    }
}

extension HealthCoverage {
    /// The coverage and trend rules, in words, for the methodology section.
    public static func methodology(minimumDimensions: Int) -> [String] {
        [
            "Every dimension score lists its sources: the measures (analyzer and metric) that fed it, with their n. "
                + "Dimension scores are 0–100 health scores; survey favorability is a different figure, the % of favorable answers.",
            "The health index is withheld when fewer than \(minimumDimensions) dimensions have data, or when a source that "
                + "fed the previous period gives no data now: a mean over fewer measures would move only because data went missing.",
            "A dimension's trend compares like with like: only measures reportable in both periods count, with this period's "
                + "weights. When the two periods share no measure, the trend is \"not comparable\" and not shown.",
            "Is a change real? For a share (a % favorable, a coverage rate) the two-proportion z-test asks how likely a "
                + "difference this large would be if nothing had changed and only the people answering differed. When that "
                + "chance is under 5% (p < 0.05) the change is called significant; otherwise it may be noise.",
            "A dimension's change is significant when at least one of its like-for-like measures changed significantly in "
                + "the same direction and none changed significantly the other way. The health index's change is never tested, "
                + "and it is shown only when the same dimensions are scored in both periods.",
        ]
    }
}
