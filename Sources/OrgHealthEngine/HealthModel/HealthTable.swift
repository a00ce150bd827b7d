import OrgHealthKit

/// Every gated signal, merged once for both things the report needs from them (issue 16):
/// each scope's dimension scores (``HealthModel``'s weighted means) and the measures behind
/// each score (``HealthCoverage``'s sources). One pass numbers each scope once; a scope's few
/// dimensions and measures are chains in flat arrays, walked instead of hashed. Two tables
/// built side by side, each with its own scope dictionary and an array per scope, were 140 MB
/// at 10^6 people, at the report's peak.
///
/// The arithmetic is that of the two it replaces: a dimension accumulates its signals one by
/// one in signal order; a measure (analyzer, dimension, metric) adds up weights, averages
/// scores by weight and keeps the largest n.
struct HealthTable: Sendable {
    /// The scopes in the order of their first signal.
    let scopes: [Scope]
    /// Each scope's number (its place in `scopes`).
    let numbers: [Scope: Int32]
    private let measures: [Measure]
    private let entries: [Entry]
    private let firstEntry: [Int32]
    private let slots: [Slot]
    private let firstSlot: [Int32]
    /// The dimensions of the signals, by number, in the order first seen.
    let dimensions: [HealthDimension]

    /// A measure: the signals of one analyzer for one dimension with one basis metric ("" for none).
    private struct Measure {
        let analyzer: String
        let dimension: Int32
        let metric: String
    }

    /// One measure in one scope.
    private struct Entry {
        let measure: Int32
        /// The scope's next entry, or −1: a scope's entries are a chain from `firstEntry`.
        var next: Int32 = -1
        var weighted = 0.0
        var scoredWeight = 0.0
        var weight = 0.0
        var n = 0
    }

    /// One dimension in one scope: its visible signals, summed.
    private struct Slot {
        let dimension: Int32
        /// The scope's next slot, or −1.
        var next: Int32 = -1
        var weighted = 0.0
        var weight = 0.0
        var n = 0
        var hidden = 0
    }

    /// The table of the runs' signals, in run order; a run is named by its analyzer id (two
    /// runs of one id merge their measures).
    init(runs: [(analyzer: String, signals: [HealthSignal])]) {
        var scopes: [Scope] = []
        var numbers: [Scope: Int32] = [:]
        var measures: [Measure] = []
        var entries: [Entry] = []
        var firstEntry: [Int32] = []
        var slots: [Slot] = []
        var firstSlot: [Int32] = []
        var dimensions: [HealthDimension] = []
        var dimensionNumbers: [HealthDimension: Int32] = [:]
        let signalCount = runs.reduce(0) { $0 + $1.signals.count }
        // At most one entry and one slot per signal: sized once, so that neither is copied
        // into a doubled array at the report's peak.
        entries.reserveCapacity(signalCount)
        slots.reserveCapacity(signalCount)
        // By analyzer id, then dimension and metric.
        var measureNumbersByAnalyzer: [String: [Int32: [String: Int32]]] = [:]
        for run in runs {
            var measureNumbers = measureNumbersByAnalyzer.removeValue(forKey: run.analyzer) ?? [:]
            defer { measureNumbersByAnalyzer[run.analyzer] = measureNumbers }
            // Signals come in runs of one dimension and metric: looked up only when they change.
            var last: (dimension: HealthDimension, basis: String?, number: Int32, measure: Int32)?
            for signal in run.signals {
                let dimension: Int32, measure: Int32
                if let last, last.dimension == signal.dimension, last.basis == signal.basis {
                    (dimension, measure) = (last.number, last.measure)
                } else {
                    if let known = dimensionNumbers[signal.dimension] {
                        dimension = known
                    } else {
                        dimension = Int32(dimensions.count)
                        dimensionNumbers[signal.dimension] = dimension
                        dimensions.append(signal.dimension)
                    }
                    let metric = signal.basis ?? ""
                    if let known = measureNumbers[dimension]?[metric] {
                        measure = known
                    } else {
                        measure = Int32(measures.count)
                        measures.append(Measure(analyzer: run.analyzer, dimension: dimension, metric: metric))
                        measureNumbers[dimension, default: [:]][metric] = measure
                    }
                    last = (signal.dimension, signal.basis, dimension, measure)
                }
                let scope: Int
                if let known = numbers[signal.scope] {
                    scope = Int(known)
                } else {
                    scope = scopes.count
                    numbers[signal.scope] = Int32(scope)
                    scopes.append(signal.scope)
                    firstEntry.append(-1)
                    firstSlot.append(-1)
                }

                var index = Int(firstEntry[scope]), previous = -1
                while index >= 0, entries[index].measure != measure {
                    previous = index
                    index = Int(entries[index].next)
                }
                if index < 0 {
                    index = entries.count
                    entries.append(Entry(measure: measure))
                    if previous < 0 { firstEntry[scope] = Int32(index) } else { entries[previous].next = Int32(index) }
                }
                entries[index].weight += signal.weight
                entries[index].n = max(entries[index].n, signal.n)
                if let score = signal.score {
                    entries[index].weighted += score * signal.weight
                    entries[index].scoredWeight += signal.weight
                }

                var slot = Int(firstSlot[scope])
                previous = -1
                while slot >= 0, slots[slot].dimension != dimension {
                    previous = slot
                    slot = Int(slots[slot].next)
                }
                if slot < 0 {
                    slot = slots.count
                    slots.append(Slot(dimension: dimension))
                    if previous < 0 { firstSlot[scope] = Int32(slot) } else { slots[previous].next = Int32(slot) }
                }
                if let score = signal.score {
                    slots[slot].weighted += score * signal.weight
                    slots[slot].weight += signal.weight
                    slots[slot].n = max(slots[slot].n, signal.n)
                } else {
                    slots[slot].hidden += 1
                }
            }
        }
        self.scopes = scopes
        self.numbers = numbers
        self.measures = measures
        self.entries = entries
        self.firstEntry = firstEntry
        self.slots = slots
        self.firstSlot = firstSlot
        self.dimensions = dimensions
    }

    /// The table of the runs' signals.
    init(runs: [AnalyzerRun]) {
        self.init(runs: runs.map { ($0.descriptor.id, $0.result.signals) })
    }

    /// The dimension scores of the scope numbered `number`, sorted by dimension; with
    /// `sources`, each lists the measures behind it, sorted by analyzer, then metric.
    func scores(ofScope number: Int, sources: Bool) -> [DimensionScore] {
        var count = 0
        var slot = Int(firstSlot[number])
        while slot >= 0 {
            count += 1
            slot = Int(slots[slot].next)
        }
        // Made at its final size: the scores are the report's, 700,000 of them at 10^6 people.
        var scores: [DimensionScore] = []
        scores.reserveCapacity(count)
        slot = Int(firstSlot[number])
        while slot >= 0 {
            let accumulator = slots[slot]
            slot = Int(accumulator.next)
            let dimension = dimensions[Int(accumulator.dimension)]
            var score = accumulator.weight > 0
                ? DimensionScore(dimension: dimension, score: accumulator.weighted / accumulator.weight, n: accumulator.n)
                : DimensionScore(dimension: dimension, score: nil, n: 0, suppressed: accumulator.hidden > 0)
            if sources { score.sources = self.sources(ofScope: number, dimension: accumulator.dimension) }
            scores.append(score)
        }
        if scores.count > 1 { scores.sort { $0.dimension < $1.dimension } }
        return scores
    }

    /// ``scores(ofScope:sources:)`` by scope; none for a scope without signals.
    func scores(of scope: Scope, sources: Bool) -> [DimensionScore] {
        numbers[scope].map { scores(ofScope: Int($0), sources: sources) } ?? []
    }

    /// The measures behind one dimension of one scope, made at their final size.
    private func sources(ofScope number: Int, dimension: Int32) -> [DimensionSource] {
        var count = 0
        var index = Int(firstEntry[number])
        while index >= 0 {
            if measures[Int(entries[index].measure)].dimension == dimension { count += 1 }
            index = Int(entries[index].next)
        }
        var sources: [DimensionSource] = []
        sources.reserveCapacity(count)
        index = Int(firstEntry[number])
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
        return sources
    }

    /// Every scope's sources by dimension (``HealthCoverage/sources(runs:)``).
    func sourcesByScope() -> [Scope: [HealthDimension: [DimensionSource]]] {
        var table: [Scope: [HealthDimension: [DimensionSource]]] = [:]
        table.reserveCapacity(scopes.count)
        for (number, scope) in scopes.enumerated() {
            var byDimension: [HealthDimension: [DimensionSource]] = [:]
            var slot = Int(firstSlot[number])
            while slot >= 0 {
                let dimension = slots[slot].dimension
                byDimension[dimensions[Int(dimension)]] = sources(ofScope: number, dimension: dimension)
                slot = Int(slots[slot].next)
            }
            table[scope] = byDimension
        }
        return table
    }
}
