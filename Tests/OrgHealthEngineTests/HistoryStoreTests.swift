import Foundation
import GRDB
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

@Suite("History: store")
struct HistoryStoreTests {
    @Test("a recorded period reads back with its figures, in order")
    func recordAndRead() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nested/history.sqlite")
        let store = try HistoryStore(url: file)
        let report = try HistoryFixture.report(
            "2026-Q3",
            metrics: [
                HistoryFixture.metric("survey.participation", .team("Platform"), 0.83, n: 12),
                HistoryFixture.metric("survey.participation", .org, 0.8123456789012345, n: 497),
                HistoryFixture.metric("survey.enps", .org, -12.5, unit: .score, n: 480),
            ],
            org: [DimensionScore(dimension: .trust, score: 68.2, n: 412)],
            scopes: [.team("Platform"): [DimensionScore(dimension: .trust, score: 61, n: 12)]],
            healthIndex: 71.8)
        let summary = try store.record(report)
        #expect(summary == HistoryStore.RecordSummary(metrics: 3, dimensionScores: 2, replacedEarlier: false))

        let periods = try store.periods()
        #expect(periods.count == 1)
        let period = try #require(periods.first)
        #expect(period.label == "2026-Q3" && period.start.description == "2026-07-01" && period.end.description == "2026-09-30")
        #expect(period.recordedAt == "2026-10-01T08:00:00Z" && period.organization == "Acme Corp")
        #expect(period.healthIndex == 71.8 && period.metricCount == 3 && period.dimensionScoreCount == 2)

        let snapshot = try #require(try store.snapshot(matching: "2026-q3"))
        #expect(snapshot.metrics.map(\.metric) == ["survey.enps", "survey.participation", "survey.participation"])
        #expect(snapshot.metrics.map(\.scope) == [.org, .org, .team("Platform")])
        // Unrounded: the stored Double is the reported Double.
        #expect(snapshot.metrics[1].value == 0.8123456789012345)
        #expect(snapshot.metrics[1].unit == .ratio && snapshot.metrics[1].n == 497)
        #expect(snapshot.dimensionScores == [
            StoredDimensionScore(scope: .org, dimension: .trust, score: 68.2, n: 412),
            StoredDimensionScore(scope: .team("Platform"), dimension: .trust, score: 61, n: 12),
        ])
        #expect(try store.snapshot(matching: "2026-07-01..2026-09-30") == snapshot)
        #expect(try store.snapshot(matching: "2026-Q2") == nil)
    }

    @Test("re-running a period replaces its snapshot: one snapshot, the second run's values")
    func idempotentRerun() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
        let first = try HistoryFixture.report(
            "2026-Q3", generatedAt: "2026-10-01T08:00:00Z",
            metrics: [
                HistoryFixture.metric("survey.participation", .org, 0.7, n: 400),
                HistoryFixture.metric("survey.engagement", .org, 0.6, n: 400),
            ],
            org: [DimensionScore(dimension: .trust, score: 60, n: 400)])
        let second = try HistoryFixture.report(
            "2026-Q3", generatedAt: "2026-10-02T09:30:00Z",
            metrics: [HistoryFixture.metric("survey.participation", .org, 0.8, n: 410)],
            org: [DimensionScore(dimension: .growth, score: 55, n: 410)])
        try store.record(first)
        #expect(try store.record(second).replacedEarlier)
        try store.record(second)

        let periods = try store.periods()
        #expect(periods.count == 1)
        #expect(periods.first?.recordedAt == "2026-10-02T09:30:00Z")
        let snapshot = try #require(try store.snapshot(matching: "2026-Q3"))
        #expect(snapshot.metrics == [StoredMetric(
            analyzer: "culture-survey", metric: "survey.participation", scope: .org, value: 0.8, unit: .ratio, n: 410)])
        #expect(snapshot.dimensionScores.map(\.dimension) == [.growth])
        // No orphan rows of the first run are left behind.
        let counts = try store.database.read { db in
            [try Int.fetchOne(db, sql: "SELECT count(*) FROM snapshot"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM metric_value"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM dimension_score")]
        }
        #expect(counts == [1, 1, 1])
    }

    @Test("withheld values are never stored: no row for a suppressed metric or dimension score")
    func suppressedNeverStored() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let store = try HistoryStore(url: file)
        // A gate bug that withheld a metric but left its value must not leak either.
        var leaky = HistoryFixture.metric("survey.participation", .team("Sales"), 0.4, n: 2)
        leaky.suppressed = .secondary
        let report = try HistoryFixture.report(
            "2026-Q3",
            metrics: [
                HistoryFixture.metric("survey.participation", .org, 0.8, n: 400),
                HistoryFixture.withheld("survey.participation", .team("Legal"), n: 3),
                leaky,
            ],
            org: [DimensionScore(dimension: .trust, score: 70, n: 400)],
            scopes: [
                .team("Legal"): [DimensionScore(dimension: .trust, score: nil, n: 3, suppressed: true)],
                .team("Sales"): [DimensionScore(dimension: .trust, score: 40, n: 2, suppressed: true)],
            ])
        try store.record(report)
        try store.close()

        // Look with a separate, plain connection: only the org figures are there.
        let raw = try DatabaseQueue(path: file.path)
        let rows = try raw.read { db in
            (try String.fetchAll(db, sql: "SELECT scope FROM metric_value"),
             try String.fetchAll(db, sql: "SELECT scope FROM dimension_score"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM metric_value WHERE scope IN ('team:Legal', 'team:Sales')"))
        }
        #expect(rows.0 == ["org"])
        #expect(rows.1 == ["org"])
        #expect(rows.2 == 0)
    }

    @Test("the previous period is the latest one ending before this one starts")
    func previousPeriod() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
        for period in ["2026-Q1", "2025-Q4", "2026-Q2", "2026-Q3"] {
            try store.record(try HistoryFixture.report(period, metrics: [HistoryFixture.metric("m", .org, 0.5, n: 10)]))
        }
        let q3 = try ReportingPeriod(parsing: "2026-Q3")
        #expect(try store.previous(before: q3)?.period.label == "2026-Q2")
        #expect(try store.previous(before: try ReportingPeriod(parsing: "2026-Q2"))?.period.label == "2026-Q1")
        #expect(try store.previous(before: try ReportingPeriod(parsing: "2025-Q4")) == nil)
        #expect(try store.periods().map(\.label) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])
        // A month ending on the same day as a quarter: a quarter compares with the quarter,
        // a month with the month.
        try store.record(try HistoryFixture.report("2026-06"))
        #expect(try store.previous(before: q3)?.period.label == "2026-Q2")
        #expect(try store.previous(before: try ReportingPeriod(parsing: "2026-07"))?.period.label == "2026-06")
    }

    @Test("series for sparklines: the last periods up to the given one, oldest first")
    func series() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
        let values: [(String, Double)] = [("2025-Q4", 0.5), ("2026-Q1", 0.55), ("2026-Q2", 0.6), ("2026-Q3", 0.65)]
        for (period, value) in values {
            try store.record(try HistoryFixture.report(
                period, metrics: [HistoryFixture.metric("survey.participation", .org, value, n: 100)],
                org: [DimensionScore(dimension: .trust, score: value * 100, n: 100)], healthIndex: value * 100))
        }
        let key = MetricKey(analyzer: "culture-survey", metric: "survey.participation", scope: .org)
        let upToQ2 = try store.series(of: key, through: try ReportingPeriod(parsing: "2026-Q2"), limit: 2)
        #expect(upToQ2.map(\.label) == ["2026-Q1", "2026-Q2"])
        #expect(upToQ2.map(\.value) == [0.55, 0.6])
        #expect(try store.series(of: key).count == 4)
        let trust = try store.series(of: DimensionKey(dimension: .trust, scope: .org), limit: 3)
        #expect(trust.map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3"])
        #expect(try store.healthIndexSeries(limit: 8).map(\.label) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])
        #expect(try store.series(of: DimensionKey(dimension: .trust, scope: .team("X"))).isEmpty)
    }

    @Test("forget removes one period and all its rows")
    func forget() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
        for period in ["2026-Q2", "2026-Q3"] {
            try store.record(try HistoryFixture.report(
                period, metrics: [HistoryFixture.metric("m", .org, 0.5, n: 10)],
                org: [DimensionScore(dimension: .trust, score: 50, n: 10)]))
        }
        #expect(try store.forget(try ReportingPeriod(parsing: "2026-Q2")))
        #expect(try !store.forget(try ReportingPeriod(parsing: "2026-Q2")))
        #expect(try store.periods().map(\.label) == ["2026-Q3"])
        let orphans = try store.database.read { db in
            try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM metric_value WHERE snapshot_id NOT IN (SELECT id FROM snapshot))
                     + (SELECT count(*) FROM dimension_score WHERE snapshot_id NOT IN (SELECT id FROM snapshot))
                """)
        }
        #expect(orphans == 0)
    }

    @Test("a read-only store reads, refuses to write, and never creates a file")
    func readOnly() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        #expect(throws: HistoryError.missing(path: file.path)) { try HistoryStore(url: file, access: .readOnly) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
        try HistoryStore(url: file).record(try HistoryFixture.report("2026-Q3"))
        let reader = try HistoryStore(url: file, access: .readOnly)
        #expect(try reader.periods().count == 1)
        #expect(throws: HistoryError.self) { try reader.record(try HistoryFixture.report("2026-Q4")) }
    }
}
