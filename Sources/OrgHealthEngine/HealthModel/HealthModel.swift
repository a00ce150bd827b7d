import OrgHealthKit

/// Turns the gated signals of every analyzer into dimension scores per scope, the health
/// index, and the watchlist.
///
/// A scope's dimension score is the weighted mean of its visible signals for that dimension;
/// its n is the largest n among them. A scope's health index is the mean of its available
/// dimension scores. Withheld signals never contribute.
public struct HealthModel: Sendable {
    /// The score under which a dimension is "at risk".
    public static let atRiskBelow = 60.0

    /// Creates the model.
    public init() {}

    /// The dimension scores of every scope that has signals (from a ``HealthTable``: each
    /// scope numbered once, its signals listed by scope and summed in signal order).
    public func dimensionScores<Signals: Sequence<HealthSignal>>(signals: Signals) -> [Scope: [DimensionScore]] {
        let table = HealthTable(runs: [("", Array(signals))])
        var scores: [Scope: [DimensionScore]] = [:]
        scores.reserveCapacity(table.scopes.count)
        for (number, scope) in table.scopes.enumerated() {
            scores[scope] = table.scores(ofScope: number, sources: false)
        }
        return scores
    }

    /// The mean of the available scores, or `nil` when none is available.
    public func healthIndex(_ scores: [DimensionScore]) -> Double? {
        let values = scores.compactMap(\.score)
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// Teams (and departments) with a health index or a dimension at risk, worst first.
    public func watchlist(_ scopes: some Sequence<ScopeHealth>) -> [WatchlistEntry] {
        // Lazily: a filtered copy of 100,000 scopes is 10 MB at the report's peak (issue 16).
        Self.worstFirst(Array(scopes.lazy.compactMap(Self.entry)))
    }

    /// ``watchlist(_:)`` of an array of scopes, half of them on each core (10^6 people: the
    /// reasons of 78,000 entries written on one core were 0.3 s, issue 16).
    public func watchlist(_ scopes: [ScopeHealth]) -> [WatchlistEntry] {
        let middle = scopes.count / 2
        let (first, second) = Concurrently.both(
            { scopes[..<middle].compactMap(Self.entry) }, { scopes[middle...].compactMap(Self.entry) })
        return Self.worstFirst(first + second)
    }

    /// The watchlist entry of a team or department at risk; `nil` for any other scope.
    private static func entry(_ scope: ScopeHealth) -> WatchlistEntry? {
        guard scope.scope.kind == .team || scope.scope.kind == .department else { return nil }
        let weak = scope.dimensions.filter { ($0.score ?? 100) < atRiskBelow }
            .sorted { ($0.score ?? 0) < ($1.score ?? 0) }
        let indexAtRisk = (scope.healthIndex ?? 100) < atRiskBelow
        guard indexAtRisk || !weak.isEmpty else { return nil }
        var reasons: [String] = []
        if let index = scope.healthIndex, indexAtRisk { reasons.append("health index \(Int(index.rounded())) is at risk") }
        if !weak.isEmpty {
            reasons.append(weak.map { "\($0.dimension.displayName) \(Int(($0.score ?? 0).rounded()))" }
                .joined(separator: ", ") + " below \(Int(atRiskBelow))")
        }
        return WatchlistEntry(
            scope: scope.scope, healthIndex: scope.healthIndex, weakDimensions: weak.map(\.dimension),
            reason: reasons.joined(separator: "; "))
    }

    /// Entries worst first: lowest health index, then more weak dimensions, then scope.
    private static func worstFirst(_ entries: [WatchlistEntry]) -> [WatchlistEntry] {
        // Positions are sorted, not entries (issue 16: moving 78,000 entries, each with its
        // strings and arrays, was most of the sort at 10^6 people); the order is the same.
        let index = entries.map { $0.healthIndex ?? 100 }, weakCount = entries.map(\.weakDimensions.count)
        return entries.indices.sorted { left, right in
            let l = index[left], r = index[right]
            if weakCount[left] != weakCount[right], l == r { return weakCount[left] > weakCount[right] }
            return l != r ? l < r : entries[left].scope < entries[right].scope
        }.map { entries[$0] }
    }

    /// How the model works, in words, for the methodology section.
    public static let description: [String] = [
        "Each analyzer turns its metrics into signals: a 0–100 score for one dimension and one scope, with a weight and the n it rests on.",
        "A scope's dimension score is the weighted mean of its visible signals for that dimension; its n is the largest n among those signals.",
        "A scope's health index is the mean of its available dimension scores; a dimension with no visible signal does not count.",
        "Bands: 75 and above is healthy, 60 to 74 is watch, below 60 is at risk.",
        "The watchlist lists teams and departments whose health index or any dimension score is below 60, worst first.",
        "Findings are ranked critical, warning, info, strength; cross-source findings rank first within their severity.",
    ]
}

