import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthSampleData
import Testing

/// `validate` runs the analyzers as a report does, but neither gates, scores nor assembles
/// (issue 16: 10^6 people, 4.4 → 2.3 s). Its problems must still be exactly those a full run
/// reports: the data-quality section's own diagnostics (config, roster) and each analyzer's,
/// with a failed analyzer as an error.
@Suite("validate: a full run's problems, without the full run")
struct ReportValidationTests {
    /// The problems as `validate` derived them while it ran the whole report (before issue 16):
    /// the report's data-quality diagnostics not from an analyzer, then each analyzer's.
    static func problemsOfFullRun(_ setup: AnalyzerSetup) async throws -> [Diagnostic] {
        let report = try await ReportPipeline(registry: setup.registry, clock: .fixed(secondsSince1970: 0)).run(setup.configuration)
        var problems = report.dataQuality.diagnostics.filter { !($0.source.map(setup.registry.ids.contains) ?? false) }
        for run in report.analyzers {
            problems += run.result.diagnostics
            if run.status == .failed {
                problems.append(Diagnostic(severity: .error, source: run.descriptor.id, message: run.message ?? "failed"))
            }
        }
        return problems
    }

    /// The sample organization (its roster plants a repeated id, an unknown manager and a
    /// non-ISO date; its notes folder holds malformed files), changed by `change`.
    static func validated(_ change: (URL) throws -> Void) async throws -> (validate: [Diagnostic], fullRun: [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleOrganization(employees: 120, period: try ReportingPeriod(parsing: "2026-Q3")).write(to: folder)
        try change(folder)
        let run = ReportRun(configFile: folder.appendingPathComponent("orghealth.yml"), writer: nil)
        let setup = try await run.setUp()
        return (try await run.validate(setup).problems, try await problemsOfFullRun(setup))
    }

    @Test("the sample organization: every roster, note, review and survey problem, in the same order")
    func sample() async throws {
        let problems = try await Self.validated { _ in }
        #expect(problems.validate == problems.fullRun)
        // Each kind of input contributes: the config (sources no analyzer reads), the roster's
        // planted repeat, a malformed note, the reviews and the survey export.
        for (source, severity) in [
            ("orghealth.yml", DiagnosticSeverity.warning), ("roster.csv", .error), ("broken-front-matter.md", .error),
            ("reviews.csv", .info), ("responses.csv", .info),
        ] {
            #expect(problems.validate.contains { $0.source == source && $0.severity == severity }, "\(source)")
        }
    }

    @Test("a survey export that is not UTF-8: the analyzer fails, and that failure is one of the errors")
    func failedAnalyzer() async throws {
        let problems = try await Self.validated { folder in
            try Data([0x6A, 0x75, 0x6E, 0x6B, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("survey/responses.csv"))
        }
        #expect(problems.validate == problems.fullRun)
        #expect(problems.validate.contains {
            $0.source == "culture-survey" && $0.severity == .error && $0.message.contains("not UTF-8")
        })
    }

    @Test("an analyzer disabled in the config")
    func disabledAnalyzer() async throws {
        let problems = try await Self.validated { folder in
            let config = folder.appendingPathComponent("orghealth.yml")
            let text = try String(contentsOf: config, encoding: .utf8)
            try text.replacingOccurrences(of: "analyzers:\n", with: "analyzers:\n  review-cycles: {enabled: false}\n")
                .write(to: config, atomically: true, encoding: .utf8)
        }
        #expect(problems.validate == problems.fullRun)
        #expect(!problems.validate.contains { $0.source == "reviews.csv" })
        #expect(problems.validate.contains { $0.source == "roster.csv" })
    }

    @Test("told the run is a validation, each built-in analyzer gives the same diagnostics and builds no figures")
    func builtInsSkipTheirFigures() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleOrganization(employees: 120, period: try ReportingPeriod(parsing: "2026-Q3")).write(to: folder)
        let setup = try await ReportRun(configFile: folder.appendingPathComponent("orghealth.yml"), writer: nil).setUp()
        let pipeline = ReportPipeline(registry: setup.registry, clock: .fixed(secondsSince1970: 0))
        let roster = try pipeline.readRoster(setup.configuration).roster
        let runner = AnalyzerRunner(registry: setup.registry, clock: .fixed(secondsSince1970: 0))
        let reported = await runner.run(configuration: setup.configuration, roster: roster, purpose: .report) { _ in () }
        let validated = await runner.run(configuration: setup.configuration, roster: roster, purpose: .validation) { _ in () }
        #expect(reported.count == 4 && validated.count == 4)
        for (report, validation) in zip(reported.map(\.run), validated.map(\.run)) {
            let id = report.descriptor.id
            #expect(report.status == .ok && validation.status == .ok, "\(id)")
            #expect(validation.result.diagnostics == report.result.diagnostics, "\(id)")
            #expect(!report.result.metrics.isEmpty, "\(id) gives no figures in a report")
            #expect(validation.result.metrics.isEmpty && validation.result.signals.isEmpty
                && validation.result.findings.isEmpty && validation.result.sections.isEmpty, "\(id) built figures")
        }
    }
}
