import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The guarded history of issue 13: another organization is refused, a snapshot from other
/// inputs is replaced only with `--replace`, the same inputs stay idempotent, the file is 0600.
@Suite("History guard")
struct HistoryGuardTests {
    static func provenance(_ organization: String = "Acme Corp", rosterHash: String = "aa") -> SnapshotProvenance {
        SnapshotProvenance(
            organization: organization, configFingerprint: "c0ffee",
            inputFiles: [.init(path: "roster.csv", bytes: 10, sha256: rosterHash)], tool: "orghealth 0.1.0")
    }

    static func step(_ file: URL, provenance: SnapshotProvenance, replace: Bool = false, rename: Bool = false) -> ReportHistory {
        var step = ReportHistory(file: file)
        step.provenance = provenance
        step.allowsReplace = replace
        step.allowsOrganizationChange = rename
        return step
    }

    @Test func anotherOrganizationIsRefused() throws {
        let file = try HistoryFixture.folder().appendingPathComponent("history.sqlite")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let q2 = try HistoryFixture.report("2026-Q2", org: [DimensionScore(dimension: .trust, score: 70, n: 20)], healthIndex: 70)
        #expect(Self.step(file, provenance: Self.provenance()).apply(to: q2).recorded != nil)

        var other = try HistoryFixture.report("2026-Q3", org: [DimensionScore(dimension: .trust, score: 50, n: 20)], healthIndex: 50)
        other.organization = "Globex"
        let refused = Self.step(file, provenance: Self.provenance("Globex")).apply(to: other)
        #expect(refused.refusal == .otherOrganization(history: "Acme Corp", report: "Globex", path: file.path))
        #expect(refused.recorded == nil)
        #expect(refused.report.summary.dimensions[0].trend == nil)
        #expect(try HistoryStore(url: file, access: .readOnly).periods().map(\.label) == ["2026-Q2"])

        let renamed = Self.step(file, provenance: Self.provenance("Globex"), rename: true).apply(to: other)
        #expect(renamed.refusal == nil)
        #expect(renamed.recorded != nil)
    }

    @Test func replacingWithOtherInputsNeedsReplace() throws {
        let file = try HistoryFixture.folder().appendingPathComponent("history.sqlite")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let first = try HistoryFixture.report("2026-Q2", org: [DimensionScore(dimension: .trust, score: 70, n: 20)], healthIndex: 70)
        _ = Self.step(file, provenance: Self.provenance()).apply(to: first)

        let rerun = try HistoryFixture.report("2026-Q2", org: [DimensionScore(dimension: .trust, score: 40, n: 20)], healthIndex: 40)
        let blocked = Self.step(file, provenance: Self.provenance(rosterHash: "bb")).apply(to: rerun)
        #expect(blocked.recorded == nil)
        #expect(blocked.notRecordedReason?.contains("--replace") == true)
        #expect(try HistoryStore(url: file, access: .readOnly).periods().first?.healthIndex == 70)

        let replaced = Self.step(file, provenance: Self.provenance(rosterHash: "bb"), replace: true).apply(to: rerun)
        #expect(replaced.recorded?.replacedEarlier == true)
        let store = try HistoryStore(url: file, access: .readOnly)
        #expect(try store.periods().first?.healthIndex == 40)
        #expect(try store.provenance(of: rerun.period)?.inputFiles.first?.sha256 == "bb")
    }

    @Test func identicalInputsStayIdempotent() throws {
        let file = try HistoryFixture.folder().appendingPathComponent("history.sqlite")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let report = try HistoryFixture.report("2026-Q2", org: [DimensionScore(dimension: .trust, score: 70, n: 20)], healthIndex: 70)
        _ = Self.step(file, provenance: Self.provenance()).apply(to: report)
        let before = try HistoryStore(url: file, access: .readOnly).snapshot(of: report.period)
        let again = Self.step(file, provenance: Self.provenance()).apply(to: report)
        #expect(again.notRecordedReason == nil)
        #expect(again.recorded?.replacedEarlier == true)
        #expect(try HistoryStore(url: file, access: .readOnly).snapshot(of: report.period) == before)
    }

    @Test func theFileIsCreatedOwnerOnly() throws {
        let file = try HistoryFixture.folder().appendingPathComponent("history.sqlite")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let report = try HistoryFixture.report("2026-Q2")
        _ = Self.step(file, provenance: Self.provenance()).apply(to: report)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
        #expect(mode & 0o777 == 0o600)
    }
}
