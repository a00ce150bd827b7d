import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

@Suite("Trend: calculator")
struct TrendCalculatorTests {
    /// A stored previous period with the given figures.
    private func previous(
        metrics: [StoredMetric], scores: [StoredDimensionScore] = [], healthIndex: Double? = nil
    ) throws -> StoredSnapshot {
        let period = StoredPeriod(
            label: "2026-Q2", start: try #require(CalendarDate(iso: "2026-04-01")),
            end: try #require(CalendarDate(iso: "2026-06-30")), recordedAt: "2026-07-01T08:00:00Z",
            organization: "Acme Corp", tool: "orghealth 0.1.0", healthIndex: healthIndex,
            metricCount: metrics.count, dimensionScoreCount: scores.count)
        return StoredSnapshot(period: period, metrics: metrics, dimensionScores: scores)
    }

    private func stored(_ metric: String, _ scope: Scope = .org, _ value: Double, unit: MetricUnit = .ratio, n: Int)
        -> StoredMetric
    {
        StoredMetric(analyzer: "culture-survey", metric: metric, scope: scope, value: value, unit: unit, n: n)
    }

    @Test("ratio metrics get a change and a z-test; other units a change only")
    func ratioAndOtherUnits() throws {
        let report = try HistoryFixture.report("2026-Q3", metrics: [
            HistoryFixture.metric("survey.participation", .org, 0.45, n: 100),
            HistoryFixture.metric("survey.enps", .org, 12, unit: .score, n: 100),
        ])
        let before = try previous(metrics: [
            stored("survey.participation", .org, 0.30, n: 100),
            stored("survey.enps", .org, 20, unit: .score, n: 90),
        ])
        let trends = TrendCalculator().trends(for: report, previous: before)
        let participation = try #require(trends.metrics[MetricKey(
            analyzer: "culture-survey", metric: "survey.participation", scope: .org)])
        #expect(abs(participation.change - 0.15) < 1e-12)
        #expect(participation.significant == true)  // 45/100 vs 30/100: p ≈ 0.0285
        #expect(participation.previous == 0.30 && participation.previousN == 100)
        let enps = try #require(trends.trend(
            for: HistoryFixture.metric("survey.enps", .org, 12, unit: .score, n: 100), analyzer: "culture-survey"))
        #expect(enps.change == -8)
        #expect(enps.significant == nil && enps.pValue == nil)
        #expect(trends.gaps.count == 0)
        #expect(trends.previousPeriod?.label == "2026-Q2")
    }

    @Test("trends only where both periods have a reportable value; the rest is counted with a reason")
    func onlyBothSidesReportable() throws {
        let legal = Scope.team("Legal")
        let report = try HistoryFixture.report("2026-Q3", metrics: [
            HistoryFixture.metric("survey.participation", .org, 0.8, n: 200),
            // new this period
            HistoryFixture.metric("survey.engagement", .org, 0.7, n: 180),
            // reportable now, withheld last period (so never stored)
            HistoryFixture.metric("survey.participation", .team("Platform"), 0.9, n: 12),
            // withheld now, reportable last period
            HistoryFixture.withheld("survey.participation", legal, n: 3),
        ])
        let before = try previous(metrics: [
            stored("survey.participation", .org, 0.75, n: 190),
            stored("survey.participation", legal, 0.6, n: 6),
            // renamed or removed since
            stored("survey.favorability", .org, 0.66, n: 190),
        ])
        let trends = TrendCalculator().trends(for: report, previous: before)
        #expect(trends.metrics.keys.map(\.metric) == ["survey.participation"])
        #expect(trends.metrics.keys.first?.scope == .org)
        #expect(trends.gaps.newOrWithheldBefore.sorted() == [
            "survey.engagement (org)", "survey.participation (team:Platform)",
        ])
        #expect(trends.gaps.withheldNow == ["survey.participation (team:Legal)"])
        #expect(trends.gaps.gone == ["survey.favorability (org)"])
        let messages = trends.diagnostics.map(\.message)
        #expect(messages.count == 4)
        #expect(messages[0].contains("compare with 2026-Q2") && messages[0].contains("1 metric values"))
        #expect(messages.contains { $0.hasPrefix("2 figures have no value in 2026-Q2") })
        #expect(messages.contains { $0.hasPrefix("1 figures had a value in 2026-Q2 but have none in this period") })
        #expect(messages.contains { $0.hasPrefix("1 figures of 2026-Q2 are not in this report") })
        #expect(trends.diagnostics.allSatisfy { $0.source == "history" })
    }

    @Test("dimension scores: tested as shares; renamed, new and scoreless dimensions have none")
    func dimensions() throws {
        let report = try HistoryFixture.report(
            "2026-Q3",
            org: [
                DimensionScore(dimension: .trust, score: 72, n: 400),
                DimensionScore(dimension: .growth, score: 61, n: 400),
                DimensionScore(dimension: "inclusion", score: 70, n: 300),
            ],
            scopes: [.team("Legal"): [DimensionScore(dimension: .trust, score: nil, n: 3, suppressed: true)]],
            healthIndex: 68)
        let before = try previous(
            metrics: [],
            scores: [
                StoredDimensionScore(scope: .org, dimension: .trust, score: 65, n: 380),
                StoredDimensionScore(scope: .org, dimension: "wellness", score: 50, n: 380),
                StoredDimensionScore(scope: .team("Legal"), dimension: .trust, score: 55, n: 6),
            ],
            healthIndex: 64.5)
        let trends = TrendCalculator().trends(for: report, previous: before)
        let trust = try #require(trends.trend(for: .trust, in: .org))
        #expect(abs(trust.change - 7) < 1e-12 && trust.significant == true)
        #expect(trends.trend(for: .growth, in: .org) == nil)
        #expect(trends.trend(for: .trust, in: .team("Legal")) == nil)
        #expect(trends.gaps.newOrWithheldBefore.sorted() == [
            "dimension growth (org)", "dimension inclusion (org)",
        ])
        #expect(trends.gaps.withheldNow == ["dimension trust (team:Legal)"])
        #expect(trends.gaps.gone == ["dimension wellness (org)"])
        // Q2 scored trust and wellness, Q3 trust, growth and inclusion: the two indexes are
        // means over different dimensions, so the index has no trend (issue 13).
        #expect(trends.healthIndex == nil)
        #expect(trends.healthIndexBasis?.hasPrefix("not comparable: 2026-Q2 scored 2 dimensions, this period 3") == true)

        let applied = trends.applying(to: report)
        #expect(applied.summary.dimensions.map(\.trend) == [7, nil, nil])
        #expect(applied.scopes.first?.dimensions.first?.trend == nil)
    }

    @Test("a unit that changed is not compared; a metric with n = 0 gets a change but no test")
    func unitChangeAndNoN() throws {
        let report = try HistoryFixture.report("2026-Q3", metrics: [
            HistoryFixture.metric("oneonone.coverage", .org, 0.8, n: 50),
            HistoryFixture.metric("oneonone.longGapRate", .org, 0.2, n: 0),
        ])
        let before = try previous(metrics: [
            stored("oneonone.coverage", .org, 75, unit: .score, n: 50),
            stored("oneonone.longGapRate", .org, 0.1, n: 40),
        ])
        let trends = TrendCalculator().trends(for: report, previous: before)
        #expect(trends.gaps.unitChanged == ["oneonone.coverage (org)"])
        let gap = try #require(trends.metrics[MetricKey(
            analyzer: "culture-survey", metric: "oneonone.longGapRate", scope: .org)])
        #expect(abs(gap.change - 0.1) < 1e-12 && gap.significant == nil)
        #expect(trends.diagnostics.contains { $0.severity == .warning && $0.message.contains("changed unit") })
    }

    @Test("no previous period: no trends and one note saying so")
    func noPrevious() throws {
        let report = try HistoryFixture.report("2026-Q3", metrics: [HistoryFixture.metric("survey.participation", .org, 0.8, n: 10)])
        let trends = TrendCalculator().trends(for: report, previous: nil)
        #expect(trends.metrics.isEmpty && trends.dimensions.isEmpty && trends.previousPeriod == nil)
        #expect(trends.diagnostics.map(\.message) == ["no earlier period in history; this report shows no trends"])
    }

    @Test("long gap lists are cut to a sample")
    func sample() {
        #expect(TrendSet.sample(["a", "b"]) == "a, b")
        #expect(TrendSet.sample(["a", "b", "c", "d", "e", "f", "g"]) == "a, b, c, d, e and 2 more")
    }
}
