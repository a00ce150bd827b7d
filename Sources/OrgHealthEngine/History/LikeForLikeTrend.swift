import OrgHealthKit

/// A dimension score's change over the measures present, and reportable, in both periods.
///
/// A dimension score is the weighted mean of its measures (analyzer + metric). When a measure
/// feeds it in one period and not the other (withheld, no data, analyzer not run), the raw
/// difference of the two scores compares two different mixes, and can be large and "significant"
/// while no measure moved much. So:
/// - the change is the difference of the two periods' weighted means over the common measures,
///   both with this period's weights;
/// - with no common measure the trend is "not comparable" and has no value;
/// - significance comes from the measures' own two-proportion tests (score ÷ 100 over its n):
///   the change is significant when at least one common measure changed significantly in the
///   same direction as the dimension and none changed significantly the other way.
public struct LikeForLikeTrend: Sendable, Hashable {
    /// The trend, or `nil` when the periods share no measure.
    public var trend: Trend?
    /// Words on the basis, when it is not simply the same measures on both sides.
    public var basis: String?
}

extension TrendCalculator {
    /// The like-for-like change of one dimension score. `previousSources` empty means the
    /// earlier snapshot predates stored measures (history layout v1): the plain difference of
    /// the scores is then all there is, tested as before.
    public func likeForLike(
        current: StoredDimensionScore, currentSources: [DimensionSource], previous: StoredDimensionScore,
        previousSources: [DimensionSource]
    ) -> LikeForLikeTrend {
        guard !previousSources.isEmpty, !currentSources.isEmpty else {
            let plain = trend(
                current: current.score, n: current.n, previous: previous.score, previousN: previous.n,
                asProportion: true, scale: 100)
            return LikeForLikeTrend(trend: plain, basis: previousSources.isEmpty ? nil : "measures unknown")
        }
        // Each side's reportable measures, the first of each name kept; lists of a few, so
        // searched, not hashed (at 10^6 people, 0.6 million scores are compared).
        let now = Self.firstOfEachMeasure(currentSources), before = Self.firstOfEachMeasure(previousSources)
        var common: [(now: Measured, before: Measured)] = []
        for entry in now {
            if let earlier = before.first(where: { $0.measure == entry.measure }) { common.append((entry, earlier)) }
        }
        common.sort { $0.now.measure < $1.now.measure }
        guard !common.isEmpty else {
            return LikeForLikeTrend(
                trend: nil,
                basis: "not comparable: no measure is reportable in both periods (then "
                    + before.map(\.measure).sorted().joined(separator: ", ") + "; now "
                    + now.map(\.measure).sorted().joined(separator: ", ") + ")")
        }
        var weight = 0.0, nowSum = 0.0, beforeSum = 0.0
        var previousN = 0
        for (entry, earlier) in common {
            weight += entry.source.weight
            nowSum += entry.source.weight * entry.score
            beforeSum += entry.source.weight * earlier.score
            previousN = max(previousN, earlier.source.n)
        }
        guard weight > 0 else { return LikeForLikeTrend(trend: nil, basis: "not comparable: the common measures weigh 0") }
        let change = nowSum / weight - beforeSum / weight

        var tested = false, agreeing = false, opposing = false
        var smallestP: Double?
        for (entry, earlier) in common {
            guard let test = ProportionTest(p1: entry.score / 100, n1: entry.source.n, p2: earlier.score / 100, n2: earlier.source.n)
            else { continue }
            tested = true
            guard test.isSignificant(at: significanceLevel) else { continue }
            let direction = entry.score - earlier.score
            if direction * change > 0 {
                agreeing = true
                smallestP = min(smallestP ?? 1, test.pValue)
            } else if direction * change < 0 {
                opposing = true
            }
        }
        let significant: Bool? = tested ? (agreeing && !opposing) : nil
        let trend = Trend(
            change: change, significant: significant, pValue: significant == true ? smallestP : nil,
            previous: beforeSum / weight, previousN: previousN)

        // The same measures on both sides (each list's names are distinct), with the same weights.
        let sameMix = common.count == now.count && common.count == before.count
            && common.allSatisfy { $0.now.source.weight == $0.before.source.weight }
        guard !sameMix else { return LikeForLikeTrend(trend: trend, basis: nil) }
        let left = (now.filter { entry in !common.contains { $0.now.measure == entry.measure } }
            + before.filter { entry in !common.contains { $0.before.measure == entry.measure } }).map(\.measure).sorted()
        return LikeForLikeTrend(
            trend: trend,
            basis: "like-for-like over \(common.count) of \(now.count + before.count - common.count) measures ("
                + common.map(\.now.measure).joined(separator: ", ") + "); left out: " + left.joined(separator: ", "))
    }

    /// A measure with a score in one period.
    private struct Measured {
        var measure: String
        var source: DimensionSource
        var score: Double
    }

    /// The measures of `sources` that have a score, the first of each name kept, in order.
    private static func firstOfEachMeasure(_ sources: [DimensionSource]) -> [Measured] {
        var kept: [Measured] = []
        kept.reserveCapacity(sources.count)
        for source in sources {
            guard let score = source.score else { continue }
            let measure = source.measure
            if !kept.contains(where: { $0.measure == measure }) {
                kept.append(Measured(measure: measure, source: source, score: score))
            }
        }
        return kept
    }
}
