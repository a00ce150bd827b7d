import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, rows 4–5 for notes: a FIFO, or a link to /dev/zero, among the notes or given as
/// the notes input, is never opened for reading; the rest of the notes are read.
@Suite("Notes: only regular files")
struct SpecialFileTests {
    static let roster = "employee_id,manager_id,team\nM,,Core\nR,M,Core\n"
    static let note = "---\ndate: 2026-07-14\nmanager: M\nreport: R\n---\n- feedback on the demo\n"

    @Test("a FIFO and a link to /dev/zero inside the notes folder are passed over; the good note is read")
    func insideFolder() async throws {
        let folder = try NotesFolder(["good.md": Self.note])
        try #require(mkfifo(folder.url.appendingPathComponent("pipe.md").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("zero.md").path, withDestinationPath: "/dev/zero")
        // No time bound here: an async test's time includes waiting for the shared pool. A FIFO
        // opened the blocking way would hang this test for ever, which the runner reports.
        let result = try await Fixture.analyze(folder, roster: Self.roster, minGroupSize: 3)
        #expect(Fixture.value(result, "oneonone.meetingsPerPair") == 1)
    }

    @Test("a FIFO or /dev/zero given as the notes input itself is skipped with a message naming it")
    func givenDirectly() async throws {
        let folder = try NotesFolder()
        let fifo = folder.url.appendingPathComponent("notes.jsonl")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        for input in [fifo, URL(fileURLWithPath: "/dev/zero")] {
            let context = AnalysisContext(
                organization: "Fixture", period: Fixture.period, roster: try Fixture.roster(Self.roster),
                inputs: ["one-on-ones": [input]], privacy: PrivacyPolicy(minGroupSize: 3))
            let result = try await OneOnOneAnalyzer().analyze(context)
            let note = result.diagnostics.first { $0.source == input.lastPathComponent }
            #expect(note?.message.contains("not a regular file") == true, "\(input.path): \(result.diagnostics)")
        }
    }
}
