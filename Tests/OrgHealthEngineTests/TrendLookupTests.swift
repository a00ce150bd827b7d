import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// The trends found by key lookup over the report's laid-out rows (`SnapshotRows`) against a
/// reference written here from the rules in docs/HISTORY.md, on random reports and previous
/// snapshots: repeated keys (the first counts), changed units, figures withheld now, figures
/// gone, names Swift holds equal in two spellings, previous figures in any order.
@Suite("History: trends by key lookup, against a reference")
struct TrendLookupTests {
    @Test("random reports and snapshots: the same trends and the same gaps, in the same order")
    func randomPairs() throws {
        var random = HistorySplitMix(seed: 0x7E4D_2026)
        for _ in 0..<40 {
            let report = try HistoryRecordOrderTests.randomReport(&random)
            let previous = try Self.randomPrevious(for: report, &random)
            let set = TrendCalculator().trends(for: report, previous: previous)
            let expected = Self.reference(report, previous)
            #expect(set.metrics.mapValues(\.change) == expected.metrics)
            #expect(Set(set.dimensions.keys) == expected.dimensions)
            #expect(set.gaps.newOrWithheldBefore == expected.newOrWithheldBefore)
            #expect(set.gaps.withheldNow == expected.withheldNow)
            #expect(set.gaps.gone == expected.gone)
            #expect(set.gaps.unitChanged == expected.unitChanged)
        }
    }

    /// A previous snapshot sharing some keys with `report`, with repeats and strays, shuffled.
    static func randomPrevious(for report: HealthReport, _ random: inout HistorySplitMix) throws -> StoredSnapshot {
        var metrics: [StoredMetric] = []
        for run in report.analyzers {
            for metric in run.result.metrics where random.below(3) > 0 {
                metrics.append(StoredMetric(
                    analyzer: run.descriptor.id, metric: metric.id, scope: metric.scope, value: Double(random.below(100)) / 100,
                    unit: random.below(6) == 0 ? .days : metric.unit, n: random.below(300)))
            }
        }
        for _ in 0..<random.below(8) {
            metrics.append(StoredMetric(
                analyzer: "culture-survey", metric: "survey.gone", scope: HistoryRecordOrderTests.scope(&random), value: 0.5,
                unit: .ratio, n: 40))
        }
        // Repeated keys with other values (a hand-made or foreign snapshot): the first one counts.
        for _ in 0..<random.below(4) {
            guard var repeated = metrics.randomElement(using: &random) else { break }
            repeated.value += 0.25
            metrics.append(repeated)
        }
        var scores: [StoredDimensionScore] = []
        let owners = [(Scope.org, report.summary.dimensions)] + report.scopes.map { ($0.scope, $0.dimensions) }
        for (scope, dimensions) in owners {
            for score in dimensions where random.below(3) > 0 {
                scores.append(StoredDimensionScore(scope: scope, dimension: score.dimension, score: 50, n: 30))
            }
        }
        scores.append(StoredDimensionScore(scope: .team("Gone"), dimension: .trust, score: 40, n: 20))
        metrics.shuffle(using: &random)
        scores.shuffle(using: &random)
        let quarter = try ReportingPeriod(parsing: "2026-Q2")
        let period = StoredPeriod(
            label: "2026-Q2", start: quarter.start, end: quarter.end,
            recordedAt: "2026-07-01T08:00:00Z", organization: "Acme Corp", tool: "orghealth 0.1.0", healthIndex: 60,
            metricCount: metrics.count, dimensionScoreCount: scores.count)
        return StoredSnapshot(period: period, metrics: metrics, dimensionScores: scores)
    }

    struct Expected {
        var metrics: [MetricKey: Double] = [:]
        var dimensions: Set<DimensionKey> = []
        var newOrWithheldBefore: [String] = [], withheldNow: [String] = [], gone: [String] = [], unitChanged: [String] = []
    }

    /// The rules, one figure at a time: this period's reportable figures in report order (the
    /// first of a key), each matched with the first stored figure of its key; stored figures
    /// without a match named in key order, as withheld now or gone.
    static func reference(_ report: HealthReport, _ previous: StoredSnapshot) -> Expected {
        var expected = Expected()
        var matchedMetrics: [MetricKey] = [], seen: [MetricKey] = []
        for run in report.analyzers where run.status == .ok {
            for metric in run.result.metrics where metric.suppressed == nil {
                guard let value = metric.value, value.isFinite, metric.n >= 0 else { continue }
                let key = MetricKey(analyzer: run.descriptor.id, metric: metric.id, scope: metric.scope)
                guard !seen.contains(key) else { continue }
                seen.append(key)
                guard let earlier = previous.metrics.first(where: { $0.key == key }) else {
                    expected.newOrWithheldBefore.append("\(metric.id) (\(metric.scope.id))")
                    continue
                }
                matchedMetrics.append(key)
                if earlier.unit != metric.unit {
                    expected.unitChanged.append("\(metric.id) (\(metric.scope.id))")
                } else {
                    expected.metrics[key] = value - earlier.value
                }
            }
        }
        var matchedScores: [DimensionKey] = [], seenScores: [DimensionKey] = []
        let owners = [(Scope.org, report.summary.dimensions)] + report.scopes.map { ($0.scope, $0.dimensions) }
        for (scope, dimensions) in owners {
            for score in dimensions where !score.suppressed {
                guard let value = score.score, value.isFinite, score.n >= 0 else { continue }
                let key = DimensionKey(dimension: score.dimension, scope: scope)
                guard !seenScores.contains(key) else { continue }
                seenScores.append(key)
                guard previous.dimensionScores.contains(where: { $0.key == key }) else {
                    expected.newOrWithheldBefore.append("dimension \(key.dimension.rawValue) (\(scope.id))")
                    continue
                }
                matchedScores.append(key)
                // No measures stored: compared as a plain share, always a trend.
                expected.dimensions.insert(key)
            }
        }
        let withheld = report.analyzers.filter { $0.status == .ok }.flatMap { run in
            run.result.metrics.filter { $0.value == nil || $0.isSuppressed }
                .map { MetricKey(analyzer: run.descriptor.id, metric: $0.id, scope: $0.scope) }
        }
        for stored in previous.metrics.sorted(by: { $0.key < $1.key }) where !matchedMetrics.contains(stored.key) {
            let text = "\(stored.metric) (\(stored.scope.id))"
            if withheld.contains(stored.key) { expected.withheldNow.append(text) } else { expected.gone.append(text) }
        }
        let present = owners.flatMap { scope, dimensions in dimensions.map { DimensionKey(dimension: $0.dimension, scope: scope) } }
        for stored in previous.dimensionScores.sorted(by: { $0.key < $1.key }) where !matchedScores.contains(stored.key) {
            let text = "dimension \(stored.dimension.rawValue) (\(stored.scope.id))"
            if present.contains(stored.key) { expected.withheldNow.append(text) } else { expected.gone.append(text) }
        }
        return expected
    }
}

extension HistorySplitMix: RandomNumberGenerator {}
