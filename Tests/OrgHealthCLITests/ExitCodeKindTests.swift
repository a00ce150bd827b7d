import Foundation
import Testing

/// Exit codes by kind of error (docs/OUTPUTS.md, "Exit codes"): configuration 2, data 1 under
/// `--strict`, output 3. Real files, the real `orghealth`.
@Suite("CLI: exit codes by kind — configuration 2, data under --strict 1, output 3")
struct ExitCodeKindTests {
    let folder: URL

    init() throws {
        folder = try CLIRunner.temporaryFolder()
        // The roster shape of docs/INPUTS.md's minimal example: id, manager, team.
        try "employee_id,manager_id,team\nE1,,Core\nE2,E1,Core\nE3,E1,Core\nE4,E1,Core\nE5,E1,Core\n"
            .write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\n"
            .write(to: folder.appendingPathComponent("orghealth.yml"), atomically: true, encoding: .utf8)
    }

    var config: String { folder.appendingPathComponent("orghealth.yml").path }

    @Test("an output folder that cannot be made (its parent is a file) is an output error: 3")
    func outputError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // A regular file where a folder must be: mkdir fails with ENOTDIR, even as root.
        let blocker = folder.appendingPathComponent("blocker")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run([
            "report", "--config", config, "--output", blocker.appendingPathComponent("out").path, "--no-history",
        ])
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("error: the report could not be written"))
        #expect(outcome.stderr.contains("blocker"))
    }

    @Test("--audience managers into a folder that cannot be made is an output error too: 3")
    func managerOutputError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("blocker")
        try "not a folder".write(to: blocker, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run([
            "report", "--config", config, "--output", blocker.appendingPathComponent("out").path, "--no-history",
            "--audience", "managers",
        ])
        #expect(outcome.status == 3, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("error: the manager reports could not be written"))
    }

    @Test("a period the config cannot have is a configuration error: 2, nothing written")
    func configurationError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let outcome = try CLIRunner.run(["report", "--config", config, "--output", out.path, "--period", "2026-Q5"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("error: --period:"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test("rejected roster rows: 0 without --strict, 1 with it, the report written both times")
    func dataError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // E1 twice: the second row is rejected (docs/INPUTS.md), one data error.
        try "employee_id,manager_id,team\nE1,,Core\nE1,,Core\nE2,E1,Core\nE3,E1,Core\nE4,E1,Core\nE5,E1,Core\n"
            .write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let arguments = ["report", "--config", config, "--output", out.path, "--format", "json", "--no-history"]
        let plain = try CLIRunner.run(arguments)
        #expect(plain.status == 0, "\(plain.stderr)")
        try FileManager.default.removeItem(at: out)
        let strict = try CLIRunner.run(arguments + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("strict: 0 analyzers failed, 1 data errors"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("health-report.json").path))
    }
}
