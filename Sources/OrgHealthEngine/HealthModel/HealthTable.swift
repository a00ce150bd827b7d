import OrgHealthKit

/// Every gated signal, grouped by scope once for both things the report needs from them
/// (issue 16): each scope's dimension scores (``HealthModel``'s weighted means) and the
/// measures behind each score (``HealthCoverage``'s sources).
///
/// One pass numbers each scope; a counting sort then lists each scope's signals, in signal
/// order, as positions in one flat array. A scope's scores are worked out from its own signals
/// when asked, so the table holds 4 bytes a signal and a number per scope. (Two tables of
/// accumulators built side by side, each with its own scope dictionary, were 140 MB at 10^6
/// people, at the report's peak; one table of chained accumulators, 70 MB.)
///
/// The arithmetic is that of the model: a dimension accumulates its visible signals one by one
/// in signal order; a measure (analyzer, dimension, metric) adds up weights, averages scores
/// by weight and keeps the largest n.
struct HealthTable: Sendable {
    /// The scopes in the order of their first signal.
    let scopes: [Scope]
    /// Each scope's number (its place in `scopes`).
    let numbers: [Scope: Int32]
    /// The dimensions of the signals, in the order first seen.
    let dimensions: [HealthDimension]
    /// The runs' analyzer ids and signals (the runs' own arrays, not copies).
    private let runs: [(analyzer: String, signals: [HealthSignal])]
    /// Where each run's signals start in the numbering of all signals, run after run.
    private let runStarts: [Int]
    /// Every signal's number, scope after scope, in signal order within a scope.
    private let order: [Int32]
    /// Where each scope's signals start in `order`, by scope number (one more: the end).
    private let starts: [Int32]

    /// The table of the runs' signals, in run order; a run is named by its analyzer id (two
    /// runs of one id merge their measures).
    init(runs: [(analyzer: String, signals: [HealthSignal])]) {
        var scopes: [Scope] = []
        var numbers: [Scope: Int32] = [:]
        var dimensions: [HealthDimension] = []
        var runStarts: [Int] = []
        var total = 0
        for run in runs {
            runStarts.append(total)
            total += run.signals.count
        }
        precondition(total < Int(Int32.max), "more signals than a table numbers")
        // The scope of every signal, then a counting sort by scope.
        var scopeOfSignal: [Int32] = []
        scopeOfSignal.reserveCapacity(total)
        for run in runs {
            var lastDimension: HealthDimension?
            // Analyzers give a scope's signals together: the same scope as the last is not hashed again.
            var lastScope: (scope: Scope, number: Int32)?
            // Read in place: a copy of each signal retained the strings in it (issue 16).
            run.signals.withUnsafeBufferPointer { signals in
                for index in signals.indices {
                    let dimension = signals[index].dimension
                    if dimension != lastDimension {
                        if !dimensions.contains(dimension) { dimensions.append(dimension) }
                        lastDimension = dimension
                    }
                    if let last = lastScope, last.scope == signals[index].scope {
                        scopeOfSignal.append(last.number)
                    } else if let known = numbers[signals[index].scope] {
                        scopeOfSignal.append(known)
                        lastScope = (signals[index].scope, known)
                    } else {
                        let number = Int32(scopes.count)
                        let scope = signals[index].scope
                        numbers[scope] = number
                        scopes.append(scope)
                        scopeOfSignal.append(number)
                        lastScope = (scope, number)
                    }
                }
            }
        }
        var starts = [Int32](repeating: 0, count: scopes.count + 1)
        for scope in scopeOfSignal { starts[Int(scope) + 1] += 1 }
        for number in scopes.indices { starts[number + 1] += starts[number] }
        var next = starts
        var order = [Int32](repeating: 0, count: total)
        for (signal, scope) in scopeOfSignal.enumerated() {
            order[Int(next[Int(scope)])] = Int32(signal)
            next[Int(scope)] += 1
        }
        self.scopes = scopes
        self.numbers = numbers
        self.dimensions = dimensions
        self.runs = runs
        self.runStarts = runStarts
        self.order = order
        self.starts = starts
    }

    /// The table of the runs' signals.
    init(runs: [AnalyzerRun]) {
        self.init(runs: runs.map { ($0.descriptor.id, $0.result.signals) })
    }

    /// A dimension's visible signals in one scope, summed in signal order.
    private struct DimensionSum {
        let dimension: HealthDimension
        var weighted = 0.0
        var weight = 0.0
        var n = 0
        var hidden = 0
    }

    /// A measure's signals in one scope, merged.
    private struct MeasureSum {
        let analyzer: String
        let dimension: HealthDimension
        let metric: String
        var weighted = 0.0
        var scoredWeight = 0.0
        var weight = 0.0
        var n = 0
    }

    /// The dimension scores of the scope numbered `number`, sorted by dimension; with
    /// `sources`, each lists the measures behind it, sorted by analyzer, then metric.
    func scores(ofScope number: Int, sources: Bool) -> [DimensionScore] {
        var sums: [DimensionSum] = []
        var measures: [MeasureSum] = []
        var run = 0
        var position = Int(starts[number])
        let end = Int(starts[number + 1])
        while position < end {
            // Positions rise within a scope, so the run only moves forward; the run's signals are
            // read in place (a copy of each retained the strings in it, issue 16).
            let global = Int(order[position])
            while run + 1 < runStarts.count, runStarts[run + 1] <= global { run += 1 }
            let runStart = runStarts[run], runEnd = run + 1 < runStarts.count ? runStarts[run + 1] : Int.max
            let analyzer = runs[run].analyzer
            runs[run].signals.withUnsafeBufferPointer { signals in
                while position < end, Int(order[position]) < runEnd {
                    let index = Int(order[position]) - runStart
                    position += 1
                    let dimension = signals[index].dimension, weight = signals[index].weight, n = signals[index].n
                    let score = signals[index].score
                    // A scope has a handful of dimensions and measures: a look along its lists.
                    let slot: Int
                    if let known = sums.firstIndex(where: { $0.dimension == dimension }) {
                        slot = known
                    } else {
                        slot = sums.count
                        sums.append(DimensionSum(dimension: dimension))
                    }
                    if let score {
                        sums[slot].weighted += score * weight
                        sums[slot].weight += weight
                        sums[slot].n = max(sums[slot].n, n)
                    } else {
                        sums[slot].hidden += 1
                    }
                    guard sources else { continue }
                    let metric = signals[index].basis ?? ""
                    let entry: Int
                    if let known = measures.firstIndex(where: {
                        $0.dimension == dimension && $0.metric == metric && $0.analyzer == analyzer
                    }) {
                        entry = known
                    } else {
                        entry = measures.count
                        measures.append(MeasureSum(analyzer: analyzer, dimension: dimension, metric: metric))
                    }
                    measures[entry].weight += weight
                    measures[entry].n = max(measures[entry].n, n)
                    if let score {
                        measures[entry].weighted += score * weight
                        measures[entry].scoredWeight += weight
                    }
                }
            }
        }
        // Made at their final sizes: these arrays are the report's, 700,000 scores and 900,000
        // sources at 10^6 people.
        var scores: [DimensionScore] = []
        scores.reserveCapacity(sums.count)
        for sum in sums {
            var score = sum.weight > 0
                ? DimensionScore(dimension: sum.dimension, score: sum.weighted / sum.weight, n: sum.n)
                : DimensionScore(dimension: sum.dimension, score: nil, n: 0, suppressed: sum.hidden > 0)
            if sources {
                var list: [DimensionSource] = []
                list.reserveCapacity(measures.count { $0.dimension == sum.dimension })
                for measure in measures where measure.dimension == sum.dimension {
                    let average = measure.scoredWeight > 0 ? measure.weighted / measure.scoredWeight : nil
                    list.append(DimensionSource(
                        analyzer: measure.analyzer, metric: measure.metric, weight: measure.weight, n: measure.n,
                        score: average))
                }
                if list.count > 1 { list.sort { ($0.analyzer, $0.metric) < ($1.analyzer, $1.metric) } }
                score.sources = list
            }
            scores.append(score)
        }
        if scores.count > 1 { scores.sort { $0.dimension < $1.dimension } }
        return scores
    }

    /// ``scores(ofScope:sources:)`` by scope; none for a scope without signals.
    func scores(of scope: Scope, sources: Bool) -> [DimensionScore] {
        numbers[scope].map { scores(ofScope: Int($0), sources: sources) } ?? []
    }

    /// Every scope's sources by dimension (``HealthCoverage/sources(runs:)``).
    func sourcesByScope() -> [Scope: [HealthDimension: [DimensionSource]]] {
        var table: [Scope: [HealthDimension: [DimensionSource]]] = [:]
        table.reserveCapacity(scopes.count)
        for (number, scope) in scopes.enumerated() {
            table[scope] = Dictionary(
                uniqueKeysWithValues: scores(ofScope: number, sources: true).map { ($0.dimension, $0.sources) })
        }
        return table
    }
}
