import Foundation
import OrgHealthEngine
import OrgHealthKit
import Testing

/// The engine's report run: the config is read once, the history file is decided in one
/// place, and every stop is an error of a kind (configuration, input, data, output).
@Suite("ReportRun: one run, one config read, errors by kind")
struct ReportRunTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // The smallest roster shape every test of this target uses: id, manager, team.
        try "employee_id,manager_id,team\nE1,,Core\nE2,E1,Core\nE3,E1,Core\nE4,E1,Core\nE5,E1,Core\n"
            .write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func writeConfig(_ text: String) throws -> URL {
        let url = folder.appendingPathComponent("orghealth.yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("setup and run take the parsed config: a run works with a config file that is not on disk")
    func parsedOnce() async throws {
        defer { remove() }
        // Never written: any later read of the path would fail with "does not exist".
        let configFile = folder.appendingPathComponent("orghealth.yml")
        let document = try ConfigDocument(text: "organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\n", file: configFile)
        let setup = try await AnalyzerSetup.load(document, plugins: [], builtIn: .builtIn())
        #expect(setup.configuration.organization == "Acme")
        var run = ReportRun(configFile: configFile, writer: nil)
        run.history = .off
        let outcome = try await run.run(setup)
        #expect(outcome.report.organization == "Acme")
        #expect(outcome.report.summary.headcount == 5)
        #expect(outcome.files.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: configFile.path))
    }

    @Test("an analyzer id no analyzer has is a configuration error naming its line, from the parsed config")
    func unknownAnalyzer() async throws {
        defer { remove() }
        let document = try ConfigDocument(
            text: "organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\nanalyzers:\n  kudos:\n    threshold: 3\n",
            file: folder.appendingPathComponent("orghealth.yml"))
        #expect(document.analyzerIDs == ["kudos"])
        do {
            _ = try await AnalyzerSetup.load(document, plugins: [], builtIn: .builtIn())
            Issue.record("an unknown analyzer id was accepted")
        } catch {
            // `kudos:` is on line 5.
            #expect("\(error)".contains("orghealth.yml:5"))
            #expect("\(error)".contains("analyzers.kudos"))
        }
    }

    @Test("the history file: --history, else history:, else history.sqlite in the output folder")
    func historyLocation() async throws {
        defer { remove() }
        let configFile = try writeConfig("organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\n")
        let setup = try await ReportRun(configFile: configFile, writer: nil).setUp()
        // Nothing configured: Reports/ beside the config, history.sqlite in it.
        let reports = folder.appendingPathComponent("Reports")
        #expect(ReportLocations.configuredHistoryFile(setup.configuration, configFile: configFile)
            == reports.appendingPathComponent("history.sqlite"))
        var run = ReportRun(configFile: configFile, writer: nil)
        #expect(run.historyFile(setup.configuration) == reports.appendingPathComponent("history.sqlite"))
        // --output moves the default history with the report.
        let out = folder.appendingPathComponent("out")
        run.outputDirectory = out
        #expect(run.historyFile(setup.configuration) == out.appendingPathComponent("history.sqlite"))
        run.history = .file(folder.appendingPathComponent("elsewhere.sqlite"))
        #expect(run.historyFile(setup.configuration) == folder.appendingPathComponent("elsewhere.sqlite"))
        run.history = .off
        #expect(run.historyFile(setup.configuration) == nil)

        let configured = try writeConfig("organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\nhistory: kept/h.sqlite\n")
        let configuredSetup = try await ReportRun(configFile: configured, writer: nil).setUp()
        #expect(ReportLocations.configuredHistoryFile(configuredSetup.configuration, configFile: configured, override: out)
            == folder.appendingPathComponent("kept/h.sqlite"))
    }

    @Test("a bad --period and a missing config are configuration errors")
    func configurationKind() async throws {
        defer { remove() }
        var run = ReportRun(configFile: try writeConfig("organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\n"), writer: nil)
        run.period = "2026-Q5"
        await #expect(throws: ReportRunError.self) { _ = try await run.setUp() }
        do throws(ReportRunError) { _ = try await run.setUp() } catch { #expect(error.kind == .configuration && error.message.hasPrefix("--period:")) }

        let missing = ReportRun(configFile: folder.appendingPathComponent("absent.yml"), writer: nil)
        do throws(ReportRunError) {
            _ = try await missing.setUp()
            Issue.record("a missing config was accepted")
        } catch {
            #expect(error.kind == .configuration)
            #expect(error.message.contains("absent.yml"))
        }
    }

    @Test("a roster that is not UTF-8 is an input error; nothing is recorded")
    func inputKind() async throws {
        defer { remove() }
        // Latin-1 "Café": 0xE9 is not UTF-8.
        try Data(Array("employee_id,manager_id,team\nE1,,Caf".utf8) + [0xE9, 0x0A])
            .write(to: folder.appendingPathComponent("roster.csv"))
        var run = ReportRun(configFile: try writeConfig("organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\n"), writer: nil)
        let history = folder.appendingPathComponent("history.sqlite")
        run.history = .file(history)
        do throws(ReportRunError) {
            _ = try await run.run()
            Issue.record("an unreadable roster was accepted")
        } catch {
            #expect(error.kind == .input)
            #expect(error.message.contains("roster.csv:2"))
        }
        #expect(!FileManager.default.fileExists(atPath: history.path))
    }

    @Test("a history of another organization refuses the run as a configuration error")
    func historyRefusal() async throws {
        defer { remove() }
        let history = folder.appendingPathComponent("history.sqlite")
        var first = ReportRun(configFile: try writeConfig("organization: Acme\nperiod: 2026-Q2\nroster: roster.csv\n"), writer: nil)
        first.history = .file(history)
        _ = try await first.run()
        var second = ReportRun(configFile: try writeConfig("organization: Other Co\nperiod: 2026-Q3\nroster: roster.csv\n"), writer: nil)
        second.history = .file(history)
        do throws(ReportRunError) {
            _ = try await second.run()
            Issue.record("another organization was recorded")
        } catch {
            #expect(error.kind == .configuration)
        }
        second.allowsOrganizationChange = true
        _ = try await second.run()
    }

    @Test("--strict: rejected data is a data error; a clean report is none")
    func dataKind() async throws {
        defer { remove() }
        var run = ReportRun(configFile: try writeConfig("organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\n"), writer: nil)
        run.history = .off
        #expect(ReportRunError.strictFailure(of: try await run.run().report) == nil)
        // E1 twice: the second row is rejected, one data error (docs/INPUTS.md: duplicate ids).
        try "employee_id,manager_id,team\nE1,,Core\nE1,,Core\nE2,E1,Core\nE3,E1,Core\nE4,E1,Core\nE5,E1,Core\n"
            .write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let failure = ReportRunError.strictFailure(of: try await run.run().report)
        #expect(failure?.kind == .data)
        #expect(failure?.message == "0 analyzers failed, 1 data errors")
    }
}
