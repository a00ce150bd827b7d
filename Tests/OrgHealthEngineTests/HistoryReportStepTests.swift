import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

@Suite("History: the report step")
struct HistoryReportStepTests {
    private func quarter(_ period: String, participation: Double, trust: Double) throws -> HealthReport {
        try HistoryFixture.report(
            period, metrics: [HistoryFixture.metric("survey.participation", .org, participation, n: 100)],
            org: [DimensionScore(dimension: .trust, score: trust, n: 400)], healthIndex: trust)
    }

    @Test("two quarters in a row: the second gets trends, sparklines and a note")
    func trendsAcrossRuns() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let step = ReportHistory(file: folder.appendingPathComponent("history.sqlite"))

        let first = step.apply(to: try quarter("2026-Q2", participation: 0.30, trust: 65))
        #expect(first.recorded?.metrics == 1)
        #expect(first.report.summary.dimensions.first?.trend == nil)
        #expect(first.diagnostics.map(\.message) == ["no earlier period in history; this report shows no trends"])

        let second = step.apply(to: try quarter("2026-Q3", participation: 0.45, trust: 72))
        #expect(second.trends.previousPeriod?.label == "2026-Q2")
        #expect(second.report.summary.dimensions.first?.trend == 7)
        #expect(second.trends.trend(for: .trust, in: .org)?.significant == true)
        #expect(second.dimensionSeries[.trust]?.map(\.value) == [65, 72])
        #expect(second.healthIndexSeries.map(\.label) == ["2026-Q2", "2026-Q3"])
        #expect(second.report.dataQuality.diagnostics.contains { $0.source == "history" && $0.message.contains("2026-Q2") })

        // Re-running Q3 compares with Q2 again, not with itself.
        let rerun = step.apply(to: try quarter("2026-Q3", participation: 0.5, trust: 70))
        #expect(rerun.trends.previousPeriod?.label == "2026-Q2")
        #expect(rerun.recorded?.replacedEarlier == true)
    }

    @Test("a damaged history file: the report is still produced, without trends, with a warning; the file is untouched")
    func corruptFile() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history.sqlite")
        let garbage = Data(repeating: 0x42, count: 3000)
        try garbage.write(to: file)
        let report = try quarter("2026-Q3", participation: 0.45, trust: 72)
        let outcome = ReportHistory(file: file).apply(to: report)
        #expect(outcome.recorded == nil)
        #expect(outcome.trends.metrics.isEmpty)
        #expect(outcome.report.summary == report.summary)
        let warning = try #require(outcome.report.dataQuality.diagnostics.last)
        #expect(warning.severity == .warning && warning.source == "history")
        #expect(warning.message.contains("damaged") && warning.message.contains("no trends"))
        #expect(HistoryFixture.bytes(file) == garbage)
    }

    @Test("history off: the report is unchanged")
    func off() throws {
        let report = try quarter("2026-Q3", participation: 0.45, trust: 72)
        let outcome = ReportHistory(file: nil).apply(to: report)
        #expect(outcome.report == report && outcome.recorded == nil && outcome.diagnostics.isEmpty)
    }

    @Test("the run's fingerprint is waited for only when its period is already stored")
    func fingerprintAskedOnlyForAStoredPeriod() throws {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try HistoryStore(url: folder.appendingPathComponent("history.sqlite"))
        let step = ReportHistory(file: store.url)
        let q3 = try quarter("2026-Q3", participation: 0.45, trust: 72)
        var asked = 0
        let provenance = SnapshotProvenance(organization: "Acme Corp", configFingerprint: "c", inputFiles: [], tool: "t")
        #expect(step.replacementBlock(for: q3, provenance: { asked += 1; return provenance }, in: store) == nil)
        #expect(asked == 0)
        try store.record(q3, provenance: SnapshotProvenance(organization: "Acme Corp", configFingerprint: "other", inputFiles: [], tool: "t"))
        let block = try #require(step.replacementBlock(for: q3, provenance: { asked += 1; return provenance }, in: store))
        #expect(asked == 1 && block.contains("recorded with another config"))
    }
}
