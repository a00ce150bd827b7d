import Foundation
import GRDB
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// The report step checks the whole history file's integrity beside its work, and waits for the
/// verdict before the recording commits and before anything it read is used. A file whose
/// schema is intact but whose table pages are damaged (only the integrity check finds that)
/// must end exactly as a file refused when it opened: no trends, nothing recorded, one warning,
/// the file unchanged, nothing left beside it.
@Suite("History: the integrity check beside the report step")
struct HistoryIntegrityAlongsideTests {
    /// A history of `quarters` stored periods of 400 metric values each.
    private func history(in folder: URL, quarters: [String]) throws -> URL {
        let file = folder.appendingPathComponent("history.sqlite")
        let store = try HistoryStore(url: file)
        for period in quarters {
            let metrics = (0..<400).map { HistoryFixture.metric("m\($0)", .team("Team \($0)"), 0.5, n: 10) }
            try store.record(try HistoryFixture.report(
                period, metrics: metrics, org: [DimensionScore(dimension: .trust, score: 60, n: 400)], healthIndex: 60))
        }
        try store.close()
        return file
    }

    private func quarter(_ period: String) throws -> HealthReport {
        let metrics = (0..<400).map { HistoryFixture.metric("m\($0)", .team("Team \($0)"), 0.7, n: 10) }
        return try HistoryFixture.report(
            period, metrics: metrics, org: [DimensionScore(dimension: .trust, score: 70, n: 400)], healthIndex: 70)
    }

    /// The first leaf page of `metric_value` (the oldest period's rows), by SQLite's `dbstat`.
    private func firstMetricLeaf(of file: URL) throws -> Int {
        let queue = try DatabaseQueue(path: file.path, configuration: {
            var configuration = Configuration()
            configuration.readonly = true
            return configuration
        }())
        defer { try? queue.close() }
        return try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT pageno FROM dbstat WHERE name = 'metric_value' AND path = '/000/'")
        } ?? 0
    }

    @Test("damaged table pages behind an intact schema: no trends, not recorded, one warning, the file as it was",
          arguments: ["the oldest period's rows, which the step neither reads nor writes", "the last two pages"])
    func damagedPagesFoundAlongside(where damage: String) throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try history(in: folder, quarters: ["2026-Q1", "2026-Q2"])
        var bytes = HistoryFixture.bytes(file)
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        try #require(bytes.count >= 8 * pageSize)
        // Page 1, the schema, is never touched.
        let damaged: Range<Int>
        if damage.hasPrefix("the oldest") {
            // The step's reads (the latest period) and its rows (appended after the latest
            // period's) miss this page: only the integrity check finds it, and the recording
            // must then not commit.
            let page = try firstMetricLeaf(of: file)
            try #require(page > 1)
            damaged = ((page - 1) * pageSize)..<(page * pageSize)
        } else {
            damaged = (bytes.count - 2 * pageSize)..<bytes.count
        }
        for index in damaged { bytes[index] = 0xA5 }
        try bytes.write(to: file)
        // The premise: the schema check passes (the integrity check is left for later), and
        // the integrity check itself finds the damage.
        #expect(try HistoryFileCheck.inspect(path: file.path, integrityLater: true))
        #expect(HistoryFileCheck.integrityProblem(path: file.path) != nil)

        let report = try quarter("2026-Q3")
        let outcome = ReportHistory(file: file).apply(to: report)
        #expect(outcome.recorded == nil)
        #expect(outcome.trends.previousPeriod == nil && outcome.trends.placedMetrics.isEmpty && outcome.trends.dimensions.isEmpty)
        #expect(outcome.dimensionSeries.isEmpty && outcome.healthIndexSeries.isEmpty)
        #expect(outcome.refusal == nil && outcome.notRecordedReason == nil)
        #expect(outcome.diagnostics.count == 1)
        let warning = try #require(outcome.diagnostics.first)
        #expect(warning.severity == .warning && warning.source == "history")
        #expect(warning.message.contains("damaged") && warning.message.hasSuffix("this report has no trends and was not recorded"))
        #expect(outcome.report.summary == report.summary)
        #expect(outcome.report.dataQuality.diagnostics.last == warning)
        #expect(HistoryFixture.bytes(file) == bytes)
        #expect(["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: file.path + $0) }.isEmpty)
    }

    @Test("a sound file: the check passes beside the step, which compares and records as before")
    func soundFileRecorded() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try history(in: folder, quarters: ["2026-Q1", "2026-Q2"])
        #expect(try HistoryFileCheck.inspect(path: file.path, integrityLater: true))
        let outcome = ReportHistory(file: file).apply(to: try quarter("2026-Q3"))
        #expect(outcome.recorded?.metrics == 400)
        #expect(outcome.trends.previousPeriod?.label == "2026-Q2")
        // 0.5 then 0.7 for each of the 400 team values; 60 then 70 for trust.
        #expect(outcome.trends.placedMetrics.count == 400)
        #expect(outcome.trends.placedMetrics.allSatisfy { abs($0.trend.change - 0.2) < 1e-12 })
        #expect(outcome.trends.trend(for: .trust, in: .org)?.change == 10)
        #expect(outcome.healthIndexSeries.map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3"])
        let store = try HistoryStore(url: file, access: .readOnly)
        #expect(try store.periods().map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3"])
        try store.close()
        #expect(["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: file.path + $0) }.isEmpty)
    }

    @Test("a file that needs a migration is checked whole before it opens: damaged, it is refused there")
    func migrationChecksFirst() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        // The first release's layout (v1 only), with enough rows for several pages.
        try HistoryFixture.writeFirstRelease(at: file, metrics: (0..<400).map { "survey.item.q\($0).favorability" })
        // Sound: it is checked whole at once (a migration will commit as the store opens).
        #expect(try HistoryFileCheck.inspect(path: file.path, integrityLater: true) == false)
        var bytes = HistoryFixture.bytes(file)
        let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
        try #require(bytes.count >= 6 * pageSize)
        for index in (bytes.count - 2 * pageSize)..<bytes.count { bytes[index] = 0xA5 }
        try bytes.write(to: file)
        #expect {
            _ = try HistoryStore(url: file, access: .readWrite, checkingIntegrityAlongside: true)
        } throws: { error in
            guard let error = error as? HistoryError, case .corrupt = error else { return false }
            return true
        }
        #expect(HistoryFixture.bytes(file) == bytes)
        let outcome = ReportHistory(file: file).apply(to: try quarter("2026-Q3"))
        #expect(outcome.recorded == nil && outcome.diagnostics.count == 1)
        #expect(HistoryFixture.bytes(file) == bytes)
    }
}

