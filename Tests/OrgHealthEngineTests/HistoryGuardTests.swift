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

    /// FIPS 180-2 appendix B: SHA-256 of "abc" and of the two-block message; and of the empty message.
    @Test func sha256MatchesTheStandard() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// FIPS 180-2 appendix B.3: a million "a"s, here fed in pieces of 1 to 200 bytes (so that
    /// pieces end inside blocks, on their edges and across several), and whole.
    @Test func sha256OfAMillionAsInPieces() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message) == expected)
        var hasher = SHA256()
        var offset = 0, piece = 1
        while offset < message.count {
            let end = min(offset + piece, message.count)
            hasher.update(message[offset..<end])
            offset = end
            piece = piece % 200 + 1
        }
        #expect(hasher.hexDigest() == expected)
    }
}
