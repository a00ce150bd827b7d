import Foundation
import Testing

@Suite("CLI: bad input gets a one-line error, exit code 2, and no files touched")
final class ExitCodeTests: Sendable {
    let folder: URL
    let output: URL

    init() throws {
        folder = try CLIRunner.temporaryFolder()
        output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try "earlier report".write(to: output.appendingPathComponent("health-report.html"), atomically: true, encoding: .utf8)
    }

    /// Each test's folder goes with it.
    deinit { try? FileManager.default.removeItem(at: folder) }

    func config(_ text: String) throws -> String {
        let url = folder.appendingPathComponent("orghealth.yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func earlierReportUntouched() throws {
        let listing = try FileManager.default.contentsOfDirectory(atPath: output.path)
        #expect(listing == ["health-report.html"])
        #expect(try String(contentsOf: output.appendingPathComponent("health-report.html"), encoding: .utf8) == "earlier report")
    }

    @Test("a missing roster")
    func missingRoster() throws {
        let path = try config("organization: A\nperiod: 2026-Q3\nroster: nowhere.csv\n")
        let outcome = try CLIRunner.run(["report", "--config", path, "--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("orghealth.yml:3"))
        #expect(outcome.stderr.contains("nowhere.csv"))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        try earlierReportUntouched()
    }

    @Test("a roster that is not UTF-8")
    func latin1Roster() throws {
        try Data(Array("employee_id,manager_id,team\nE1,,Caf".utf8) + [0xE9, 0x0A])
            .write(to: folder.appendingPathComponent("roster.csv"))
        let path = try config("organization: A\nperiod: 2026-Q3\nroster: roster.csv\n")
        let outcome = try CLIRunner.run(["report", "--config", path, "--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("roster.csv:2"))
        #expect(outcome.stderr.contains("UTF-8"))
        try earlierReportUntouched()
    }

    @Test("a config with an unknown key")
    func unknownKey() throws {
        try "employee_id,manager_id,team\nE1,,Core\n".write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let path = try config("organization: A\nperiod: 2026-Q3\nroster: roster.csv\nprivacy:\n  minimumGroup: 4\n")
        let outcome = try CLIRunner.run(["report", "--config", path, "--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("orghealth.yml:5"))
        #expect(outcome.stderr.contains("privacy.minimumGroup"))
        try earlierReportUntouched()
    }

    @Test("an unknown format is a usage error listing the choices")
    func badFormat() throws {
        // pdf became a format with issue 15; docx is not one.
        let outcome = try CLIRunner.run(["report", "--format", "docx"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("html"))
        #expect(outcome.stderr.contains("csv"))
        #expect(outcome.stderr.contains("pdf"))
    }

    @Test("validate prints file:line problems and exits 1 when one is an error")
    func validate() throws {
        try "employee_id,manager_id,team\nE1,,Core\nE1,,Core\nE2,E9,Core\n"
            .write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let path = try config("organization: A\nperiod: 2026-Q3\nroster: roster.csv\n")
        let outcome = try CLIRunner.run(["validate", "--config", path])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("roster.csv:3: error:"))
        #expect(outcome.stdout.contains("roster.csv:4: warning:"))
    }
}
