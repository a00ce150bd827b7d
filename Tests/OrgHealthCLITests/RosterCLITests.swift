import Foundation
import Testing

/// The roster through the real `orghealth` executable: an ambiguous date format stops the run
/// with exit code 2; `validate` prints the roster summary.
@Suite("CLI: rosters as HRIS systems export them")
final class RosterCLITests: Sendable {
    let folder: URL

    init() throws {
        folder = try CLIRunner.temporaryFolder()
        // Month-first two-digit-year dates, every day ≤ 12 (as in issue 11's US HRIS export).
        try """
        employee_id,manager_id,team,hire_date,end_date
        E1,,Ops,01/03/05,
        E2,E1,Ops,02/01/10,07/05/11
        E3,E1,Ops,08/01/11,
        E4,E1,Ops,03/12/09,12/10/11
        """.write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
    }

    /// Each test's folder goes with it.
    deinit { try? FileManager.default.removeItem(at: folder) }

    func config(_ roster: String) throws -> String {
        let url = folder.appendingPathComponent("orghealth.yml")
        try "organization: A\nperiod: {start: 2011-07-01, end: 2011-09-30}\nroster: \(roster)\n"
            .write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("an ambiguous date format: exit 2, naming the file, dateFormat and a value; nothing written")
    func ambiguous() throws {
        let output = folder.appendingPathComponent("out")
        let outcome = try CLIRunner.run(["report", "--config", try config("roster.csv"), "--output", output.path])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("roster.csv:2"))
        #expect(outcome.stderr.contains("dateFormat"))
        #expect(outcome.stderr.contains("'01/03/05'"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("health-report.html").path))
    }

    @Test("validate prints the roster summary with the declared format")
    func summary() throws {
        let outcome = try CLIRunner.run(["validate", "--config", try config("{file: roster.csv, dateFormat: MM/dd/yy}")])
        // Period 2011-Q3, month first: E1 E2 E4 employed at the start (E3 is hired 2011-08-01);
        // E1 E3 E4 at the end (E2 left 2011-07-05); one hire (E3), one leaver (E2).
        #expect(outcome.stdout.contains("people read: 4 (4 rows)"))
        #expect(outcome.stdout.contains("employed: 3 at the period's start, 3 at its end"))
        #expect(outcome.stdout.contains("hires in the period: 1; leavers in the period: 1"))
        #expect(outcome.stdout.contains("managers: 3 linked, 0 unlinked (by id)"))
        #expect(outcome.stdout.contains("date format: MM/dd/yy"))
        #expect(outcome.status == 0)
    }
}
