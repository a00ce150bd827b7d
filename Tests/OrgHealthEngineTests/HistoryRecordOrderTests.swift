import Foundation
import GRDB
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// `record` writes each table's rows in the order of its key, through SQLite's C interface
/// (`SnapshotRows`, `RowInsert`). What it stores must not depend on that: here the expected
/// rows are picked from the report the way the history always defined them (every reportable
/// figure, the first of a key in report order kept), with nothing of `SnapshotRows`.
@Suite("History: the rows recorded, whatever the report's order")
struct HistoryRecordOrderTests {
    /// Names whose byte order and Swift's `String` order differ, and that share prefixes.
    static let names = ["Zoe", "Zoë", "Zoe Lab", "Ærø", "zeta", "Z", "Øst", "é", "e\u{301}", "Platform", "Ops|Core"]
    static let metricIDs = ["survey.enps", "survey.participation", "survey.dimension.trust.favorability", "org.span"]

    @Test("random reports: the stored rows are exactly the reportable figures, first of each key kept")
    func randomReports() throws {
        var random = HistorySplitMix(seed: 0x5EED_0016)
        for _ in 0..<12 {
            let report = try Self.randomReport(&random)
            let folder = try HistoryFixture.folder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
            let summary = try store.record(report)
            let stored = try Self.storedRows(store)
            let expected = Self.expectedRows(report)
            #expect(stored.metrics == expected.metrics)
            #expect(stored.scores == expected.scores)
            #expect(stored.sources == expected.sources)
            #expect(summary.metrics == expected.metrics.count && summary.dimensionScores == expected.scores.count)
            // Recorded again (the period re-run), the rows are the same and nothing is left over.
            #expect(try store.record(report).replacedEarlier)
            let again = try Self.storedRows(store)
            #expect(again.metrics == expected.metrics && again.scores == expected.scores && again.sources == expected.sources)
        }
    }

    // MARK: - The report

    static func scope(_ random: inout HistorySplitMix) -> Scope {
        let name = names[random.below(names.count)]
        switch random.below(6) {
        case 0: return .org
        case 1: return .department(name)
        case 2: return .team(name)
        case 3: return .manager(name)
        case 4: return .line(name)
        default: return .attribute("location", name)
        }
    }

    static func value(_ random: inout HistorySplitMix) -> Double? {
        switch random.below(12) {
        case 0: return nil
        case 1: return .nan
        case 2: return .infinity
        default: return Double(random.below(1000)) / 7
        }
    }

    static func randomReport(_ random: inout HistorySplitMix) throws -> HealthReport {
        var runs: [AnalyzerRun] = []
        for (analyzer, status) in [("culture-survey", AnalyzerRun.Status.ok), ("org-structure", .ok), ("one-on-ones", .failed)] {
            var metrics: [Metric] = []
            for _ in 0..<(20 + random.below(60)) {
                let id = metricIDs[random.below(metricIDs.count)]
                var metric = Metric(id: id, scope: scope(&random), value: 0, unit: random.below(3) == 0 ? .score : .ratio,
                                    n: random.below(10) == 0 ? -1 : random.below(500))
                metric.value = value(&random)
                if random.below(8) == 0 { metric.value = nil; metric.suppressed = .minGroupSize }
                metrics.append(metric)
            }
            let descriptor = AnalyzerDescriptor(id: analyzer, name: analyzer, version: "1.0.0", summary: "test")
            runs.append(AnalyzerRun(descriptor: descriptor, status: status, result: AnalyzerResult(metrics: metrics)))
        }
        func scores() -> [DimensionScore] {
            (0..<random.below(6)).map { _ in
                let dimensions: [HealthDimension] = [.trust, .growth, "wellness", "Ünicode"]
                var score = DimensionScore(
                    dimension: dimensions[random.below(dimensions.count)], score: value(&random),
                    n: random.below(10) == 0 ? -3 : random.below(400), suppressed: random.below(9) == 0)
                score.sources = (0..<random.below(4)).map { _ in
                    DimensionSource(
                        analyzer: ["culture-survey", "org-structure"][random.below(2)],
                        metric: metricIDs[random.below(metricIDs.count)], weight: random.below(7) == 0 ? .nan : 1,
                        n: random.below(300), score: value(&random))
                }
                return score
            }
        }
        var scopeHealth: [ScopeHealth] = []
        for _ in 0..<random.below(15) {
            let scope = scope(&random)
            scopeHealth.append(ScopeHealth(
                scope: scope, name: scope.name, parent: nil, headcount: 10, healthIndex: nil, dimensions: scores()))
        }
        var report = try HistoryFixture.report("2026-Q3", org: scores(), healthIndex: 70)
        report.scopes = scopeHealth
        report.analyzers = runs
        return report
    }

    // MARK: - The rows, expected and stored

    struct Rows: Equatable {
        var metrics: [[String]] = []
        var scores: [[String]] = []
        var sources: [[String]] = []
    }

    /// The reportable figures of `report`, the first of each key in report order, as text rows
    /// sorted as SQLite sorts them.
    static func expectedRows(_ report: HealthReport) -> Rows {
        var metrics: [String: [String]] = [:], scores: [String: [String]] = [:], sources: [String: [String]] = [:]
        // A name that Swift holds equal to one seen before keeps the earlier spelling.
        var spellings: [String: String] = [:]
        func spelled(_ text: String) -> String {
            if let earlier = spellings[text] { return earlier }
            spellings[text] = text
            return text
        }
        for run in report.analyzers where run.status == .ok {
            for metric in run.result.metrics where metric.suppressed == nil {
                guard let value = metric.value, value.isFinite, metric.n >= 0 else { continue }
                let key = [spelled(run.descriptor.id), spelled(metric.id), spelled(metric.scope.id)]
                if metrics[key.joined(separator: "\u{0}")] == nil {
                    metrics[key.joined(separator: "\u{0}")] = key + ["\(value)", metric.unit.rawValue, "\(metric.n)"]
                }
            }
        }
        let owners = [(Scope.org, report.summary.dimensions)] + report.scopes.map { ($0.scope, $0.dimensions) }
        for (scope, dimensionScores) in owners {
            for score in dimensionScores where !score.suppressed {
                guard let value = score.score else { continue }
                if value.isFinite, score.n >= 0 { _ = spelled(scope.id) }
                let key = [spelled(scope.id), spelled(score.dimension.rawValue)]
                if value.isFinite, score.n >= 0, scores[key.joined(separator: "\u{0}")] == nil {
                    scores[key.joined(separator: "\u{0}")] = key + ["\(value)", "\(score.n)"]
                }
                for source in score.sources {
                    guard let sourceScore = source.score, sourceScore.isFinite, source.weight.isFinite else { continue }
                    let sourceKey = [spelled(scope.id), spelled(score.dimension.rawValue), spelled(source.analyzer),
                                     spelled(source.metric)]
                    if sources[sourceKey.joined(separator: "\u{0}")] == nil {
                        sources[sourceKey.joined(separator: "\u{0}")] =
                            sourceKey + ["\(sourceScore)", "\(source.weight)", "\(source.n)"]
                    }
                }
            }
        }
        func bytewise(_ rows: [String: [String]]) -> [[String]] {
            rows.values.sorted { $0.map { Array($0.utf8) }.lexicographicallyPrecedes($1.map { Array($0.utf8) }) {
                $0.lexicographicallyPrecedes($1)
            } }
        }
        return Rows(metrics: bytewise(metrics), scores: bytewise(scores), sources: bytewise(sources))
    }

    /// The rows the store holds, in SQLite's key order.
    static func storedRows(_ store: HistoryStore) throws -> Rows {
        try store.database.read { db in
            func texts(_ sql: String, _ columns: Int) throws -> [[String]] {
                try Row.fetchAll(db, sql: sql).map { row in
                    (0..<columns).map { index in
                        let value = row[index] as DatabaseValue
                        if let double = Double.fromDatabaseValue(value), case .double = value.storage { return "\(double)" }
                        return String.fromDatabaseValue(value) ?? Int.fromDatabaseValue(value).map { "\($0)" } ?? "?"
                    }
                }
            }
            return Rows(
                metrics: try texts(
                    "SELECT analyzer, metric, scope, value, unit, n FROM metric_value ORDER BY analyzer, metric, scope", 6),
                scores: try texts("SELECT scope, dimension, score, n FROM dimension_score ORDER BY scope, dimension", 4),
                sources: try texts("""
                    SELECT scope, dimension, analyzer, metric, score, weight, n FROM dimension_source
                    ORDER BY scope, dimension, analyzer, metric
                    """, 7))
        }
    }
}

/// SplitMix64: a small seeded generator, so a failing case can be replayed.
struct HistorySplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
