import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// `TrendCalculator.likeForLike` searches short lists; here it is held, on random measure
/// lists, to the rule written plainly with dictionaries and sets (as it was first written):
/// the same trend to the bit, the same significance and the same words.
@Suite("Like-for-like dimension trends, against the plain rule")
struct LikeForLikeReferenceTests {
    @Test("random measure lists: repeats, withheld scores, zero and unequal weights, names that sort apart")
    func randomLists() {
        var random = HistorySplitMix(seed: 0x11FE_2026)
        let measures = [
            ("culture-survey", "survey.dimension.trust"), ("culture-survey", "survey.q1"), ("one-on-ones", "oneonone.coverage"),
            ("org-structure", ""), ("org-structure", "org.span"), ("review-cycles", "review.completion"),
        ]
        func sources() -> [DimensionSource] {
            (0..<random.below(6)).map { _ in
                let (analyzer, metric) = measures[random.below(measures.count)]
                return DimensionSource(
                    analyzer: analyzer, metric: metric, weight: [0, 0.5, 1, 2][random.below(4)], n: random.below(400),
                    score: random.below(6) == 0 ? nil : Double(random.below(101)))
            }
        }
        let calculator = TrendCalculator()
        for _ in 0..<3_000 {
            let current = StoredDimensionScore(scope: .org, dimension: .trust, score: Double(random.below(101)), n: random.below(300))
            let previous = StoredDimensionScore(scope: .org, dimension: .trust, score: Double(random.below(101)), n: random.below(300))
            let now = sources(), before = sources()
            let got = calculator.likeForLike(current: current, currentSources: now, previous: previous, previousSources: before)
            let expected = Self.reference(calculator, current: current, currentSources: now, previous: previous, previousSources: before)
            #expect(got == expected)
        }
    }

    /// The rule, written with dictionaries and sets.
    static func reference(
        _ calculator: TrendCalculator, current: StoredDimensionScore, currentSources: [DimensionSource],
        previous: StoredDimensionScore, previousSources: [DimensionSource]
    ) -> LikeForLikeTrend {
        guard !previousSources.isEmpty, !currentSources.isEmpty else {
            let plain = calculator.trend(
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
        var weight = 0.0, nowSum = 0.0, beforeSum = 0.0, previousN = 0
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
            guard test.isSignificant(at: calculator.significanceLevel) else { continue }
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
        let sameMix = Set(now.keys) == Set(before.keys) && common.allSatisfy { now[$0]?.0.weight == before[$0]?.0.weight }
        guard !sameMix else { return LikeForLikeTrend(trend: trend, basis: nil) }
        let left = Set(now.keys).union(before.keys).subtracting(common).sorted()
        return LikeForLikeTrend(
            trend: trend,
            basis: "like-for-like over \(common.count) of \(Set(now.keys).union(before.keys).count) measures ("
                + common.joined(separator: ", ") + "); left out: " + left.joined(separator: ", "))
    }
}
