import Foundation
import GRDB
import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The recording writes with SQLite's foreign-key checks off (``HistoryStore/writeOwnRows(_:)``):
/// what it writes must still be what the checks would have allowed, and the checks must be on
/// again afterwards.
@Suite("History: the recording's rows name their snapshot; the foreign-key checks come back on")
struct HistoryRecordingKeysTests {
    static func provenance(files: Int) -> SnapshotProvenance {
        SnapshotProvenance(
            organization: "Acme Corp", configFingerprint: "c0ffee",
            inputFiles: (0..<files).map { .init(path: "notes/\($0).md", bytes: $0 * 7, sha256: String(repeating: "ab", count: 32)) },
            tool: "orghealth 0.1.0")
    }

    static func report(_ period: String, value: Double) throws -> HealthReport {
        // 120 metric values (three batches of 50 and a last statement of 20), two scored scopes.
        let metrics = (0..<120).map { HistoryFixture.metric("survey.item.q\($0 % 6)", .team("Team \($0 / 6)"), value, n: 10) }
        var score = DimensionScore(dimension: .trust, score: value * 100, n: 12)
        score.sources = [DimensionSource(analyzer: "culture-survey", metric: "survey.dimension.trust", weight: 1, n: 12, score: value * 100)]
        return try HistoryFixture.report(
            period, metrics: metrics, org: [score], scopes: [.team("Team 1"): [score], .team("Team 2"): [score]], healthIndex: 60)
    }

    @Test("recording and replacing a period leave no row without its snapshot, and the checks on")
    func rowsNameTheirSnapshot() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let store = try HistoryStore(url: file)
        try store.record(try Self.report("2026-Q2", value: 0.5), provenance: Self.provenance(files: 3))
        try store.record(try Self.report("2026-Q3", value: 0.6), provenance: Self.provenance(files: 75))
        // The same period again: the earlier snapshot and every row of it go.
        let summary = try store.record(try Self.report("2026-Q3", value: 0.7), provenance: Self.provenance(files: 51))
        #expect(summary.replacedEarlier)
        #expect(summary.metrics == 120)

        try store.database.read { db in
            #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let snapshots = try Int64.fetchAll(db, sql: "SELECT id FROM snapshot ORDER BY period_start")
            #expect(snapshots.count == 2)
            // Worked out from the reports above: 120 values, 3 scores, 3 measures per snapshot;
            // 3 input files for Q2 and 51 for Q3 (the replaced snapshot's 75 are gone).
            for (table, perSnapshot) in [("metric_value", [120, 120]), ("dimension_score", [3, 3]), ("dimension_source", [3, 3]),
                                         ("input_file", [3, 51])] {
                let counts = try snapshots.map { id in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE snapshot_id = ?", arguments: [id]) ?? -1
                }
                #expect(counts == perSnapshot, "\(table)")
                let orphans = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(table) WHERE snapshot_id NOT IN (SELECT id FROM snapshot)")
                #expect(orphans == 0, "\(table)")
            }
            let files = try Row.fetchAll(
                db, sql: "SELECT path, bytes, sha256 FROM input_file WHERE snapshot_id = ? ORDER BY bytes", arguments: [snapshots[1]])
            #expect(files.map { $0["path"] as String } == (0..<51).map { "notes/\($0).md" })
            #expect(files.map { $0["bytes"] as Int } == (0..<51).map { $0 * 7 })
            #expect(files.allSatisfy { ($0["sha256"] as String) == String(repeating: "ab", count: 32) })
        }
        // The checks are on for the store's next writes: a row naming no snapshot is refused.
        #expect(throws: (any Error).self) {
            try store.database.write { db in
                try db.execute(sql: "INSERT INTO input_file (snapshot_id, path, bytes, sha256) VALUES (999, 'x', 1, 'y')")
            }
        }
        try store.close()
    }
}
