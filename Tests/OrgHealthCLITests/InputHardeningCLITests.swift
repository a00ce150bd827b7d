import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, rows 5 and 11, as users meet them: the real `orghealth` executable.
@Suite("CLI: hostile input paths")
struct InputHardeningCLITests {
    @Test("a roster that is a FIFO: one-line error and exit 2, not a hang")
    func fifoRoster() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #require(mkfifo(folder.appendingPathComponent("roster.csv").path, 0o600) == 0)
        let config = folder.appendingPathComponent("orghealth.yml")
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\n".write(to: config, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["report", "--config", config.path, "--output", folder.appendingPathComponent("out").path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("roster.csv: cannot open the file (it is a FIFO (named pipe), not a regular file"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test("an output folder inside the notes folder is refused before anything is read or written")
    func outputInsideNotes() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try "employee_id,manager_id,team\nM,,Core\n".write(
            to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("orghealth.yml")
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\nsources:\n  one-on-ones: notes/\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let inside = notes.appendingPathComponent("Reports")
        let refused = try CLIRunner.run(["report", "--config", config.path, "--output", inside.path, "--no-history"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is inside the one-on-ones input folder"))
        #expect(!FileManager.default.fileExists(atPath: inside.path))
        // Beside the notes folder is fine.
        let beside = try CLIRunner.run(
            ["report", "--config", config.path, "--output", folder.appendingPathComponent("Reports").path, "--no-history"])
        #expect(beside.status == 0, "\(beside.stderr)")
    }
}
