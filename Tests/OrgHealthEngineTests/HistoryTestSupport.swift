import Foundation
import GRDB
import OrgHealthKit

/// Small hand-built reports and scratch folders for the history and trend tests.
enum HistoryFixture {
    /// A fresh, empty folder under the temporary directory.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("orghealth-history-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A reportable metric.
    static func metric(_ id: String, _ scope: Scope = .org, _ value: Double, unit: MetricUnit = .ratio, n: Int) -> Metric {
        Metric(id: id, scope: scope, value: value, unit: unit, n: n)
    }

    /// A metric the privacy gate withheld: no value, the reason set.
    static func withheld(
        _ id: String, _ scope: Scope, unit: MetricUnit = .ratio, n: Int, reason: SuppressionReason = .minGroupSize
    ) -> Metric {
        var metric = Metric(id: id, scope: scope, value: 0, unit: unit, n: n)
        metric.value = nil
        metric.suppressed = reason
        return metric
    }

    /// A report of `period` with one analyzer (`culture-survey` unless said) holding `metrics`,
    /// the organization's dimension scores `org`, and group scopes with their scores.
    static func report(
        _ period: String, generatedAt: String = "2026-10-01T08:00:00Z", analyzer: String = "culture-survey",
        metrics: [Metric] = [], org: [DimensionScore] = [], scopes: [Scope: [DimensionScore]] = [:],
        healthIndex: Double? = nil
    ) throws -> HealthReport {
        let descriptor = AnalyzerDescriptor(id: analyzer, name: analyzer, version: "1.0.0", summary: "test")
        let scopeHealth = scopes.keys.sorted().map { scope in
            ScopeHealth(
                scope: scope, name: scope.name, parent: nil, headcount: 10, healthIndex: nil,
                dimensions: scopes[scope] ?? [])
        }
        return HealthReport(
            organization: "Acme Corp", period: try ReportingPeriod(parsing: period), generatedAt: generatedAt,
            tool: "orghealth 0.1.0",
            summary: HealthReport.Summary(healthIndex: healthIndex, dimensions: org, headcount: 120),
            scopes: scopeHealth,
            analyzers: [AnalyzerRun(descriptor: descriptor, status: .ok, result: AnalyzerResult(metrics: metrics))],
            crossSourceFindings: [], watchlist: [],
            dataQuality: DataQuality(rosterRows: 120, diagnostics: [], suppressedValues: [:], suppressedScopes: []),
            methodology: Methodology(privacy: PrivacyPolicy(), metrics: [], healthModel: []))
    }

    /// The file's bytes (empty when it does not exist).
    static func bytes(_ url: URL) -> Data { (try? Data(contentsOf: url)) ?? Data() }

    /// Writes what the first release wrote: the v1 layout and one recorded period, 2026-Q2
    /// (health index 70.5, trust 65 over 380), with a value of 0.3 over 100 at org scope for
    /// each of `metrics` (culture-survey's).
    static func writeFirstRelease(at file: URL, metrics: [String] = ["survey.participation"]) throws {
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in
            try db.execute(sql: v1Layout)
            try db.execute(sql: """
                INSERT INTO snapshot VALUES (1, '2026-Q2', '2026-04-01', '2026-06-30', '2026-07-02T08:00:00Z',
                                             'Acme Corp', 'orghealth 0.1.0', 70.5);
                INSERT INTO dimension_score VALUES (1, 'org', 'trust', 65.0, 380);
                """)
            for metric in metrics {
                try db.execute(
                    sql: "INSERT INTO metric_value VALUES (1, 'culture-survey', ?, 'org', 0.3, 'ratio', 100)", arguments: [metric])
            }
        }
        try queue.close()
    }

    /// The v1 layout exactly as the first release shipped it. Frozen here on purpose: if the
    /// code's v1 migration is ever edited, the tests comparing against this copy fail.
    static let v1Layout = """
        CREATE TABLE snapshot (
            id INTEGER PRIMARY KEY,
            period_label TEXT NOT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            organization TEXT NOT NULL,
            tool TEXT NOT NULL,
            health_index REAL,
            UNIQUE (period_start, period_end)
        ) STRICT;
        CREATE INDEX snapshot_by_end ON snapshot(period_end);
        CREATE TABLE metric_value (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
            analyzer TEXT NOT NULL,
            metric TEXT NOT NULL,
            scope TEXT NOT NULL,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, analyzer, metric, scope)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX metric_value_by_metric ON metric_value(metric, scope);
        CREATE TABLE dimension_score (
            snapshot_id INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            dimension TEXT NOT NULL,
            score REAL NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (snapshot_id, scope, dimension)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX dimension_score_by_dimension ON dimension_score(dimension, scope);
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations (identifier) VALUES ('v1');
        """
}
