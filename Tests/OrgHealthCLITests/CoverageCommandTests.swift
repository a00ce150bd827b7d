import Foundation
import OrgHealthKit
import Testing

/// Issue 13, end to end: the demo organization's data reported with a period that excludes
/// every dated source. The Q3 sample's survey closed 2026-08-31, its review cycle is due in Q3
/// and its meetings are in Q2–Q3, so with `--period 2026-Q4` none of them has data; only the
/// roster-based org structure remains (1 of 7 dimensions, execution).
@Suite("CLI: coverage, withheld index and the history guard")
struct CoverageCommandTests {
    @Test func aPeriodThatExcludesEverySourceWithholdsTheIndex() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.sqlite").path
        let q2 = try CLIRunner.run(["sample", "--period", "2026-Q2", "--steady", "--out", folder.appendingPathComponent("q2").path])
        let q3 = try CLIRunner.run(["sample", "--period", "2026-Q3", "--out", folder.appendingPathComponent("q3").path])
        #expect(q2.status == 0 && q3.status == 0)
        let first = try CLIRunner.run([
            "report", "--config", folder.appendingPathComponent("q2/orghealth.yml").path, "--history", history,
            "--output", folder.appendingPathComponent("out-q2").path, "--format", "json",
        ])
        #expect(first.status == 0)

        let out = folder.appendingPathComponent("out-q3")
        let wrong = try CLIRunner.run([
            "report", "--config", folder.appendingPathComponent("q3/orghealth.yml").path, "--history", history,
            "--period", "2026-Q4", "--output", out.path, "--format", "html,json", "--strict",
        ])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("health index withheld: only 1 of 7 dimensions have data"))
        #expect(wrong.stderr.contains(
            "warning: One-on-ones (out of period), Review cycles (out of period), Culture survey (out of period) "
                + "fed 2026-Q2 but give no data now; the health index is withheld"))

        let report = try JSONDecoder().decode(
            HealthReport.self, from: Data(contentsOf: out.appendingPathComponent("health-report.json")))
        #expect(report.summary.healthIndex == nil)
        #expect(report.summary.healthIndexTrend == nil)
        #expect(report.summary.coverage?.dimensionsScored == 1)
        #expect(report.summary.coverage?.withheldReason?.hasPrefix("only 1 of 7 dimensions have data") == true)
        let absent = report.summary.sources.filter { !$0.isPresent }
        #expect(absent.map(\.analyzer) == ["one-on-ones", "review-cycles", "culture-survey"])
        #expect(absent.allSatisfy { $0.absence == .outOfPeriod && $0.fedPreviousPeriod })
        for score in report.summary.dimensions where score.score == nil {
            #expect(score.trend == nil, "\(score.dimension.rawValue)")
        }
        // Execution is left with org structure's span of control, compared like-for-like.
        let execution = try #require(report.summary.dimensions.first { $0.dimension == .execution })
        #expect(execution.sources.map(\.analyzer) == ["org-structure"])
        #expect(execution.trendBasis?.hasPrefix("like-for-like over 1 of") == true)

        let html = try String(contentsOf: out.appendingPathComponent("health-report.html"), encoding: .utf8)
        #expect(html.contains("Data coverage: present: Org structure; absent: One-on-ones (out of period), "
            + "Review cycles (out of period), Culture survey (out of period)."))
        #expect(html.contains("Withheld: only 1 of 7 dimensions have data"))
    }

    @Test func historyGuardAtTheCommandLine() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let history = folder.appendingPathComponent("history.sqlite").path
        let q2 = folder.appendingPathComponent("q2")
        #expect(try CLIRunner.run(["sample", "--period", "2026-Q2", "--steady", "--out", q2.path]).status == 0)
        let config = q2.appendingPathComponent("orghealth.yml").path
        let args = ["report", "--config", config, "--history", history, "--format", "json", "--output", folder.appendingPathComponent("out").path]
        #expect(try CLIRunner.run(args).status == 0)
        // Same inputs again: idempotent, no warning.
        let again = try CLIRunner.run(args)
        #expect(again.status == 0 && !again.stderr.contains("--replace"))
        // Another config for the same period: report written, history untouched, said so.
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try (text + "\n# changed\n").write(toFile: config, atomically: true, encoding: .utf8)
        let changed = try CLIRunner.run(args)
        #expect(changed.status == 0)
        #expect(changed.stderr.contains("2026-Q2 is already in the history, recorded with another config"))
        #expect(try CLIRunner.run(args + ["--replace"]).stderr.contains("--replace") == false)
        // Another organization: refused with exit 2.
        try text.replacingOccurrences(of: "organization: Northwind Labs", with: "organization: Globex")
            .write(toFile: config, atomically: true, encoding: .utf8)
        let other = try CLIRunner.run(args)
        #expect(other.status == 2)
        #expect(other.stderr.contains("this history holds Northwind Labs, but the report is for Globex"))
        #expect(try CLIRunner.run(args + ["--organization-change", "--replace"]).status == 0)
        // `history show` lists the fingerprint and rounds like the report.
        let show = try CLIRunner.run(["history", "show", "2026-Q2", "--history", history])
        #expect(show.stdout.contains("fingerprint: config "))
        #expect(!show.stdout.contains("0000000"))
    }
}
