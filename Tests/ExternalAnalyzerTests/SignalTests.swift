import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, row 9: SIGINT and SIGTERM sent to a real `orghealth report` process.
@Suite("Signals cancel the run", .enabled(if: ChildProcesses.isSupported))
struct SignalTests {
    /// A scratch organization: roster, config, an output folder with an earlier report, and a
    /// private temporary folder (the child's TMPDIR) to see what is left in it.
    struct Scene {
        let fixtures: FixturePlugins
        let config: URL
        let out: URL
        let temporary: URL

        init() throws {
            fixtures = try FixturePlugins()
            try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
            config = fixtures.folder.appendingPathComponent("orghealth.yml")
            try "organization: Fixture Co\nperiod: 2026-Q3\nroster: roster.csv\n".write(to: config, atomically: true, encoding: .utf8)
            out = fixtures.folder.appendingPathComponent("out")
            temporary = fixtures.folder.appendingPathComponent("tmp")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        }

        var reportArguments: [String] {
            ["report", "--config", config.path, "--format", "html,json", "--output", out.path, "--no-history"]
        }

        /// The earlier report's files and bytes.
        func outputFiles() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            return files
        }

        func leftInTemporary() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("orghealth-plugin-") }
        }

        /// Starts `orghealth` with the private TMPDIR (and `extra` environment).
        /// Where a started run's standard error goes, to explain a run that ended early.
        var errorLog: URL { fixtures.folder.appendingPathComponent("stderr.txt") }

        func start(_ arguments: [String], extra: [String: String] = [:]) throws -> Process {
            let process = Process()
            process.executableURL = BuiltProducts.executable("orghealth")
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            for (key, value) in extra { environment[key] = value }
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            // A failed creation shows in the next line, which then cannot open the file.
            _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: errorLog)
            try process.run()
            return process
        }
    }

    /// Waits up to 120 s for `condition` (the whole suite runs in parallel on a small machine).
    static func waitFor(_ condition: () throws -> Bool) async throws -> Bool {
        for _ in 0..<2_400 {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test("a signal while an analyzer runs: it is killed, its roster copy removed, the earlier report unchanged",
          arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func duringAnalyzer(signal: Int32, expectedStatus: Int32) async throws {
        let scene = try Scene()
        defer { scene.fixtures.remove() }
        let earlier = try CommandLineTests.orghealth(scene.reportArguments)
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let before = try scene.outputFiles()
        #expect(before.keys.sorted() == ["health-report.html", "health-report.json"])

        let marker = "\(Int.random(in: 1_000...9_999)).\(Int.random(in: 100...999))"
        try scene.fixtures.write("sleepy", analyze: "cat > /dev/null\nsleep \(marker)")
        let process = try scene.start(scene.reportArguments + ["--plugin", scene.fixtures.folder.path])
        let started = try await Self.waitFor {
            let copies = try scene.leftInTemporary()
            return !ChildProcesses.running(containing: "sleep \(marker)").isEmpty && !copies.isEmpty
        }
        #expect(started, "the analyzer never started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()

        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == expectedStatus)
        try await Task.sleep(for: .milliseconds(200))
        #expect(ChildProcesses.running(containing: "sleep \(marker)").isEmpty, "the analyzer was left running")
        #expect(try scene.leftInTemporary().isEmpty, "the roster copy was left in the temporary folder")
        #expect(try scene.outputFiles() == before, "the earlier report changed, or a partial file was left")
    }

    @Test("a signal while the report files are written: no partial file is left, the earlier report unchanged")
    func duringWrite() async throws {
        let scene = try Scene()
        defer { scene.fixtures.remove() }
        let earlier = try CommandLineTests.orghealth(scene.reportArguments)
        #expect(earlier.status == 0, "\(earlier.stderr)")
        let before = try scene.outputFiles()

        // The test hook holds the run after the temporary files are written, before they are
        // renamed — long enough for a poller starved by the tests running beside it.
        let process = try scene.start(scene.reportArguments, extra: ["ORGHEALTH_TEST_PAUSE_BEFORE_RENAME": "600"])
        let staged = try await Self.waitFor {
            try FileManager.default.contentsOfDirectory(atPath: scene.out.path).contains { $0.hasPrefix(".health-report.html.") }
                || !process.isRunning
        } && process.isRunning
        #expect(staged, """
            the temporary report file never appeared (run \(process.isRunning ? "still running" : "ended with \(process.terminationStatus)"); \
            its standard error: \((try? String(contentsOf: scene.errorLog, encoding: .utf8)) ?? "unreadable"))
            """)
        guard staged else {
            process.terminate()
            return
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try scene.outputFiles() == before, "a partial file was left, or the earlier report changed")
    }
}
