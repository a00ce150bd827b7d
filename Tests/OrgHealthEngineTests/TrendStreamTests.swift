import Foundation
import GRDB
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// The report step compares with the previous period as it reads it from the history file
/// (`HistoryStore.trends(of:rows:against:calculator:)`), on a connection of its own, never
/// holding it whole. These tests hold that stream to the whole stored snapshot and to the
/// reference written from the rules (`TrendLookupTests.reference`).
@Suite("History: the previous period compared as it is read")
struct TrendStreamTests {
    @Test("random quarters recorded and compared: the stream equals the whole snapshot and the rules")
    func randomQuarters() throws {
        var random = HistorySplitMix(seed: 0x57E4_2026)
        for round in 0..<30 {
            let folder = try HistoryFixture.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
            var before = try HistoryRecordOrderTests.randomReport(&random)
            before.period = try ReportingPeriod(parsing: "2026-Q2")
            // Some quarters without stored measures: the analyzers that fed it are its metrics'.
            if round % 5 == 0 {
                before.summary.dimensions = before.summary.dimensions.map { var score = $0; score.sources = []; return score }
                before.scopes = before.scopes.map { var scope = $0; scope.dimensions = scope.dimensions.map { var score = $0; score.sources = []; return score }; return scope }
            }
            try store.record(before)
            let now = try HistoryRecordOrderTests.randomReport(&random)

            let previous = try #require(try store.previousPeriod(before: now.period))
            let snapshot = try #require(try store.previous(before: now.period))
            #expect(previous.period == snapshot.period)
            var fed = Set(snapshot.sources.values.flatMap { $0.map(\.analyzer) })
            if fed.isEmpty { fed = Set(snapshot.metrics.map(\.analyzer)) }
            #expect(previous.fed == fed)

            let streamed = try store.trends(
                of: now, rows: SnapshotRows(report: now), against: previous, calculator: TrendCalculator())
            let whole = TrendCalculator().trends(for: now, previous: snapshot)
            #expect(streamed == whole, "round \(round)")

            let expected = TrendLookupTests.reference(now, snapshot)
            #expect(streamed.metrics.mapValues(\.change) == expected.metrics)
            // The reference matches scores by key; a matched score whose periods share no
            // reportable measure has no trend, and says so (`LikeForLikeTrend`).
            for key in expected.dimensions where streamed.dimensions[key] == nil {
                #expect(streamed.dimensionBasis[key]?.hasPrefix("not comparable") == true, "\(key)")
            }
            #expect(Set(streamed.dimensions.keys).isSubset(of: expected.dimensions))
            #expect(streamed.gaps.newOrWithheldBefore == expected.newOrWithheldBefore)
            #expect(streamed.gaps.withheldNow == expected.withheldNow)
            #expect(streamed.gaps.gone == expected.gone)
            #expect(streamed.gaps.unitChanged == expected.unitChanged)
            try store.close()
        }
    }

    @Test("a dimension's trend takes the measures stored under its own key, not a neighbour's")
    func measuresFollowTheirScore() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
        func score(_ dimension: HealthDimension, _ measures: [(String, Double)]) -> DimensionScore {
            var score = DimensionScore(dimension: dimension, score: measures.map(\.1).reduce(0, +) / Double(measures.count), n: 200)
            score.sources = measures.map { DimensionSource(analyzer: "culture-survey", metric: $0.0, weight: 1, n: 200, score: $0.1) }
            return score
        }
        // Q2: team A's trust rests on two measures, team B's growth on one, and no score of
        // team "A " (a name that sorts between them) has measures stored.
        try store.record(try HistoryFixture.report(
            "2026-Q2",
            scopes: [
                .team("A"): [score(.trust, [("survey.q1", 50), ("survey.q2", 70)])],
                .team("A "): [DimensionScore(dimension: .trust, score: 40, n: 200)],
                .team("B"): [score(.growth, [("survey.q3", 30)])],
            ]))
        // Q3: team A's trust rests on q1 only; like for like, it moved from 50 to 60 (+10),
        // not from the Q2 score of 60 (0). Team B's growth: same measure, 30 → 45.
        let now = try HistoryFixture.report(
            "2026-Q3",
            scopes: [.team("A"): [score(.trust, [("survey.q1", 60)])], .team("B"): [score(.growth, [("survey.q3", 45)])]])
        let previous = try #require(try store.previousPeriod(before: now.period))
        let trends = try store.trends(of: now, rows: SnapshotRows(report: now), against: previous, calculator: TrendCalculator())
        #expect(trends.trend(for: .trust, in: .team("A"))?.change == 10)
        #expect(trends.dimensionBasis[DimensionKey(dimension: .trust, scope: .team("A"))]?.hasPrefix("like-for-like over 1 of 2") == true)
        #expect(trends.trend(for: .growth, in: .team("B"))?.change == 15)
        #expect(trends.dimensionBasis[DimensionKey(dimension: .growth, scope: .team("B"))] == nil)
        #expect(trends.gaps.gone == ["dimension trust (team:A )"])
    }

    @Test("a stored row that does not parse: the report has no trends, says why, and is still recorded")
    func unreadableRow() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let step = ReportHistory(file: file)
        func quarter(_ period: String) throws -> HealthReport {
            try HistoryFixture.report(
                period, metrics: [HistoryFixture.metric("survey.participation", .team("Ops"), 0.4, n: 100)],
                org: [DimensionScore(dimension: .trust, score: 60, n: 400)], healthIndex: 60)
        }
        _ = step.apply(to: try quarter("2026-Q2"))
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in try db.execute(sql: "UPDATE metric_value SET scope = 'nowhere' WHERE scope = 'team:Ops'") }
        try queue.close()

        let outcome = step.apply(to: try quarter("2026-Q3"))
        #expect(outcome.trends.metrics.isEmpty && outcome.trends.dimensions.isEmpty)
        #expect(outcome.report.summary.dimensions.first?.trend == nil)
        let warning = try #require(outcome.diagnostics.first { $0.severity == .warning })
        #expect(warning.message.contains("nowhere") && warning.message.hasSuffix("this report has no trends"))
        #expect(!outcome.diagnostics.contains { $0.message.hasPrefix("trends compare with") })
        #expect(outcome.recorded?.metrics == 1)
    }
}
