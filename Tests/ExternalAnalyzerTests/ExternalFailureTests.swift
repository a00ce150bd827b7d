import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgStructureAnalyzer
import Testing

/// A broken or hostile external analyzer never takes the report down: each one below becomes
/// `failed` with a precise reason, and the built-in and well-behaved analyzers' results are
/// intact.
@Suite("External analyzers: failure modes", .serialized)
struct ExternalFailureTests {
    @Test("every broken plugin is failed with a precise reason; the rest of the report is produced")
    func brokenPlugins() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("good", analyze: FixturePlugins.validResult)
        try fixtures.write("exits-nonzero", analyze: "cat > /dev/null; echo 'exits.csv: no column regretted' >&2; exit 3")
        try fixtures.write("bad-json", analyze: "cat > /dev/null; echo '{\"metrics\": [}'")
        try fixtures.write("empty", analyze: "cat > /dev/null")
        try fixtures.write("flood", analyze: "yes '{\"metrics\":[]}'")
        try fixtures.write("crash", analyze: "kill -SEGV $$")
        try fixtures.write("version-two", describe: #"echo '{"protocolVersion":2,"id":"version-two"}'"#, analyze: "exit 0")
        try fixtures.write("answers-two", analyze: #"cat > /dev/null; echo '{"protocolVersion":2}'"#)
        try fixtures.write("no-version", describe: #"echo '{"id":"no-version"}'"#, analyze: "exit 0")
        try fixtures.write("score", analyze: #"""
            echo '{"signals":[{"dimension":"feedback","scope":"org","score":140,"n":8}]}'
            """#)
        try fixtures.write("ghost", analyze: #"""
            echo '{"metrics":[{"id":"ghost.rate","scope":"team:Ghost","value":0.5,"unit":"ratio","n":9}]}'
            """#)
        try fixtures.write("bad-unit", analyze: #"""
            echo '{"metrics":[{"id":"x.rate","scope":"org","value":0.5,"unit":"percent","n":9}]}'
            """#)
        try fixtures.write("twice", analyze: #"""
            echo '{"findings":[{"id":"a","severity":"info","scope":"org","title":"t"},{"id":"a","severity":"info","scope":"org","title":"u"}]}'
            """#)
        try fixtures.write("huge", analyze: #"""
            echo '{"metrics":[{"id":"h.count","scope":"org","value":1e308,"unit":"count","n":9}]}'
            """#)
        try fixtures.write("heavy", analyze: #"""
            echo '{"signals":[{"dimension":"feedback","scope":"org","score":50,"weight":1e300,"n":9}]}'
            """#)
        try fixtures.write("describe-fails", describe: "echo 'cannot find my settings' >&2; exit 1", analyze: "exit 0")
        let notExecutable = fixtures.folder.appendingPathComponent("orghealth-analyzer-plain")
        try "#!/bin/sh\n".write(to: notExecutable, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: notExecutable.path)

        let limits = ExternalAnalyzerLimits(timeoutSeconds: 10, maxOutputBytes: 100_000)
        let builtIn = AnalyzerRegistry(entries: [.init(analyzer: OrgStructureAnalyzer(), origin: "built-in")])
        let registry = try await PluginDiscovery(limits: limits).registry(extending: builtIn, locations: [fixtures.folder])
        let configuration = try Fixture.configuration(in: fixtures.folder)
        let report = try await ReportPipeline(registry: registry, clock: .fixed(secondsSince1970: 0)).run(configuration)
        func run(_ id: String) throws -> AnalyzerRun { try #require(report.analyzers.first { $0.descriptor.id == id }) }

        // The others' results are intact.
        let structure = try run("org-structure")
        #expect(structure.status == .ok)
        #expect(structure.result.metrics.contains { $0.id == "org.headcount" && $0.value == 8 })
        let good = try run("good")
        #expect(good.status == .ok)
        #expect(good.origin == fixtures.folder.appendingPathComponent("orghealth-analyzer-good").path)
        #expect(good.result.metrics.first?.value == 0.5)
        #expect(report.summary.dimensions.first { $0.dimension == .feedback }?.score == 62.5)

        let expectations: [(String, [String])] = [
            ("exits-nonzero", ["analyze exited with status 3", "exits.csv: no column regretted"]),
            ("bad-json", ["printed an invalid result", "not valid JSON"]),
            ("empty", ["printed nothing on standard output"]),
            ("flood", ["more than 100000 bytes on standard output", "stopped"]),
            ("crash", ["ended by signal 11"]),
            ("version-two", ["speaks protocol version 2", "this orghealth speaks version 1", "refused"]),
            ("answers-two", ["answered with protocol version 2"]),
            ("no-version", ["has no protocolVersion"]),
            ("score", ["score 140", "outside 0–100"]),
            ("ghost", ["metric ghost.rate is for team:Ghost, which is not in the roster", "Board, Core"]),
            ("bad-unit", ["metrics[0].unit"]),
            ("twice", ["finding id 'a' is not unique"]),
            ("huge", ["metric h.count at org has the value 1e+308, beyond"]),
            ("heavy", ["has weight 1e+300, beyond"]),
            ("describe-fails", ["describe exited with status 1", "cannot find my settings"]),
            ("plain", ["is not executable", "chmod +x"]),
        ]
        for (id, fragments) in expectations {
            let failed = try run(id)
            #expect(failed.status == .failed, "\(id): \(failed.status)")
            let message = failed.message ?? ""
            for fragment in fragments { #expect(message.contains(fragment), "\(id): \(message)") }
            #expect(report.dataQuality.diagnostics.contains { $0.source == id && $0.severity == .error })
        }
        #expect(report.analyzers.count == 2 + expectations.count)
    }

    @Test("a plugin that hangs is stopped at its timeout, together with its children")
    func timeout() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let marker = "\(Int.random(in: 1_000...9_999)).\(Int.random(in: 100...999))"
        try fixtures.write("hang", analyze: "sleep \(marker) & sleep \(marker)")
        let analyzer = try await ExternalAnalyzer.describe(
            fixtures.folder.appendingPathComponent("orghealth-analyzer-hang"), limits: ExternalAnalyzerLimits(timeoutSeconds: 1))
        let started = ContinuousClock.now
        await #expect {
            _ = try await analyzer.analyze(try Fixture.context())
        } throws: { error in
            "\(error)".contains("did not finish within 1 s (plugins.timeoutSeconds) and was stopped")
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .seconds(1))
        // Alone it stops about 1 s in; the bound is loose because in the full parallel suite on
        // two cores the other tests can hold this test's threads for a while. The script's
        // sleeps last over 1,000 s, so any bound far below that shows it was stopped.
        #expect(elapsed < .seconds(60), "stopped after \(elapsed)")
        print("timeout 1 s honoured after \(elapsed)")
        if ChildProcesses.isSupported {
            try await Task.sleep(for: .milliseconds(200))
            #expect(ChildProcesses.running(containing: "sleep \(marker)").isEmpty, "the script's children were left running")
        }
    }

    @Test("no zombie processes are left behind", .enabled(if: ChildProcesses.isSupported))
    func noZombies() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("quick", analyze: FixturePlugins.validResult)
        try fixtures.write("fails", analyze: "exit 4")
        try fixtures.write("hang", analyze: "sleep 60")
        try fixtures.write("flood", analyze: "yes")
        try fixtures.write("orphans", analyze: "(sleep 60 &) ; " + FixturePlugins.validResult)
        let limits = ExternalAnalyzerLimits(timeoutSeconds: 1, maxOutputBytes: 10_000)
        for _ in 0..<3 {
            let registry = try await PluginDiscovery(limits: limits).registry(extending: AnalyzerRegistry(), locations: [fixtures.folder])
            let runs = await AnalyzerRunner(registry: registry, clock: .fixed(secondsSince1970: 0))
                .run(configuration: try Fixture.configuration(in: fixtures.folder), roster: try Fixture.roster())
            #expect(runs.map(\.status) == [.failed, .failed, .failed, .ok, .ok])
        }
        #expect(try await ChildProcesses.lingeringZombies().isEmpty)
    }

    @Test("standard error's last lines reach the report's diagnostics; the privacy gate applies")
    func stderrAndPrivacy() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("chatty", analyze: #"""
            cat > /dev/null
            i=0; while [ $i -lt 30 ]; do echo "progress line $i" >&2; i=$((i+1)); done
            echo 'exits.csv:4: regretted is not yes or no' >&2
            echo '{"metrics":[{"id":"c.rate","scope":"team:Board","value":1,"unit":"ratio","n":1},{"id":"c.rate","scope":"team:Core","value":0.25,"unit":"ratio","n":7}],"signals":[{"dimension":"feedback","scope":"team:Board","score":10,"n":1}]}'
            """#)
        let registry = try await PluginDiscovery().registry(extending: AnalyzerRegistry(), locations: [fixtures.folder])
        let report = try await ReportPipeline(registry: registry, clock: .fixed(secondsSince1970: 0))
            .run(try Fixture.configuration(in: fixtures.folder))
        let run = try #require(report.analyzers.first)
        #expect(run.status == .ok)
        let notes = run.result.diagnostics.filter { $0.source == "orghealth-analyzer-chatty (stderr)" }.map(\.message)
        #expect(notes.count == 10)
        #expect(notes.last == "exits.csv:4: regretted is not yes or no")
        #expect(notes.first == "progress line 21")
        // n = 1 is under the minimum group size: withheld like any built-in figure.
        let board = try #require(run.result.metrics.first { $0.scope == .team("Board") })
        #expect(board.value == nil && board.suppressed == .minGroupSize)
        #expect(run.result.signals.first?.score == nil)
    }
}
