import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The mixed-basis trend of issue 13: a measure that fed a dimension in Q2 is withheld in Q3.
@Suite("Like-for-like dimension trends")
struct LikeForLikeTrendTests {
    /// Q2 Trust & Safety: action-item follow-through 90 (n 50) and survey trust 60 (n 10),
    /// weights 1 → score (90 + 60) / 2 = 75. Q3: the action-item figure is withheld, survey
    /// trust is 40 (n 10) → score 40.
    /// Raw difference 40 − 75 = −35 compares two mixes; like-for-like over the survey alone it
    /// is 40 − 60 = −20.
    /// The survey's own test: pooled p = (6 + 4) / 20 = 0.5; se = √(0.5 · 0.5 · (1/10 + 1/10))
    /// = 0.2236; z = 0.2 / 0.2236 = 0.894; two-sided p = 2 · (1 − Φ(0.894)) ≈ 0.371 → not
    /// significant.
    @Test func aWithheldMeasureIsLeftOutOfBothPeriods() throws {
        let actionItems = DimensionSource(analyzer: "one-on-ones", metric: "oneonone.actionItemCompletion", weight: 1, n: 50, score: 90)
        let surveyQ2 = DimensionSource(analyzer: "culture-survey", metric: "survey.dimension.trust.favorability", weight: 1, n: 10, score: 60)
        var withheld = actionItems
        withheld.score = nil
        let surveyQ3 = DimensionSource(analyzer: "culture-survey", metric: "survey.dimension.trust.favorability", weight: 1, n: 10, score: 40)

        var score = DimensionScore(dimension: .trust, score: 40, n: 10)
        score.sources = [surveyQ3, withheld]
        let report = try HistoryFixture.report("2026-Q3", org: [score])
        let previous = StoredSnapshot(
            period: StoredPeriod(
                label: "2026-Q2", start: try #require(CalendarDate(iso: "2026-04-01")), end: try #require(CalendarDate(iso: "2026-06-30")),
                recordedAt: "2026-07-01T08:00:00Z", organization: "Acme Corp", tool: "orghealth 0.1.0", healthIndex: 75,
                metricCount: 0, dimensionScoreCount: 1),
            metrics: [], dimensionScores: [StoredDimensionScore(scope: .org, dimension: .trust, score: 75, n: 50)])
        var withSources = previous
        withSources.sources = [DimensionKey(dimension: .trust, scope: .org): [actionItems, surveyQ2]]

        let trends = TrendCalculator().trends(for: report, previous: withSources)
        let trend = try #require(trends.trend(for: .trust, in: .org))
        #expect(abs(trend.change - -20) < 1e-9)
        #expect(abs(trend.previous - 60) < 1e-9)
        #expect(trend.significant == false)
        let basis = try #require(trends.dimensionBasis[DimensionKey(dimension: .trust, scope: .org)])
        #expect(basis.hasPrefix("like-for-like over 1 of 2 measures"))
        #expect(basis.contains("one-on-ones:oneonone.actionItemCompletion"))

        let applied = trends.applying(to: report)
        #expect(applied.summary.dimensions[0].trend.map { abs($0 - -20) < 1e-9 } == true)
        #expect(applied.summary.dimensions[0].trendBasis == basis)
    }

    /// Q2 fed only by one-on-ones, Q3 only by the survey: nothing to compare.
    @Test func noCommonMeasureIsNotComparable() throws {
        let q2 = DimensionSource(analyzer: "one-on-ones", metric: "oneonone.coverage", weight: 1, n: 40, score: 80)
        let q3 = DimensionSource(analyzer: "culture-survey", metric: "survey.dimension.execution.favorability", weight: 1, n: 40, score: 50)
        let result = TrendCalculator().likeForLike(
            current: StoredDimensionScore(scope: .org, dimension: .execution, score: 50, n: 40), currentSources: [q3],
            previous: StoredDimensionScore(scope: .org, dimension: .execution, score: 80, n: 40), previousSources: [q2])
        #expect(result.trend == nil)
        #expect(result.basis?.hasPrefix("not comparable") == true)
    }

    /// The same two measures in both periods: the plain difference, and significance from the
    /// measures. Q2 (80 n 100, 50 n 100) = 65; Q3 (60 n 100, 50 n 100) = 55 → −10.
    /// First measure: 0.6 vs 0.8, pooled 0.7, se = √(0.21 · 0.02) = 0.0648, z = 3.09, p ≈ 0.002
    /// → significant, same direction as −10; the second did not move → the change is significant.
    @Test func sameMeasuresGiveThePlainDifference() throws {
        func source(_ metric: String, _ score: Double) -> DimensionSource {
            DimensionSource(analyzer: "a", metric: metric, weight: 1, n: 100, score: score)
        }
        let result = TrendCalculator().likeForLike(
            current: StoredDimensionScore(scope: .org, dimension: .growth, score: 55, n: 100),
            currentSources: [source("x", 60), source("y", 50)],
            previous: StoredDimensionScore(scope: .org, dimension: .growth, score: 65, n: 100),
            previousSources: [source("x", 80), source("y", 50)])
        let trend = try #require(result.trend)
        #expect(abs(trend.change - -10) < 1e-9)
        #expect(trend.significant == true)
        #expect(result.basis == nil)
    }
}
