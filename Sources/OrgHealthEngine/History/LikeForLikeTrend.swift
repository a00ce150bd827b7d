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
        let now = Dictionary(
            currentSources.compactMap { source in source.score.map { (source.measure, (source, $0)) } },
            uniquingKeysWith: { first, _ in first })
        let before = Dictionary(
            previousSources.compactMap { source in source.score.map { (source.measure, (source, $0)) } },
            uniquingKeysWith: { first, _ in first })
        let common = Set(now.keys).intersection(before.keys).sorted()
        guard !common.isEmpty else {
            return LikeForLikeTrend(
                trend: nil,
                basis: "not comparable: no measure is reportable in both periods (then "
                    + before.keys.sorted().joined(separator: ", ") + "; now " + now.keys.sorted().joined(separator: ", ") + ")")
        }
        var weight = 0.0, nowSum = 0.0, beforeSum = 0.0
        var previousN = 0
        for measure in common {
            guard let (source, score) = now[measure], let (earlier, earlierScore) = before[measure] else { continue }
            weight += source.weight
            nowSum += source.weight * score
            beforeSum += source.weight * earlierScore
            previousN = max(previousN, earlier.n)
        }
        guard weight > 0 else { return LikeForLikeTrend(trend: nil, basis: "not comparable: the common measures weigh 0") }
        let change = nowSum / weight - beforeSum / weight

        var tested = false, agreeing = false, opposing = false
        var smallestP: Double?
        for measure in common {
            guard let (source, score) = now[measure], let (earlier, earlierScore) = before[measure],
                  let test = ProportionTest(p1: score / 100, n1: source.n, p2: earlierScore / 100, n2: earlier.n)
            else { continue }
            tested = true
            guard test.isSignificant(at: significanceLevel) else { continue }
            let direction = score - earlierScore
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

        let sameMix = Set(now.keys) == Set(before.keys)
            && common.allSatisfy { now[$0]?.0.weight == before[$0]?.0.weight }
        guard !sameMix else { return LikeForLikeTrend(trend: trend, basis: nil) }
        let left = Set(now.keys).union(before.keys).subtracting(common).sorted()
        return LikeForLikeTrend(
            trend: trend,
            basis: "like-for-like over \(common.count) of \(Set(now.keys).union(before.keys).count) measures ("
                + common.joined(separator: ", ") + "); left out: " + left.joined(separator: ", "))
    }
}
