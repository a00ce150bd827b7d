import Foundation
@testable import OrgHealthEngine
import OrgHealthKit
import OrgStructureAnalyzer
import Testing

@Suite("External analyzers: discovery and configuration")
struct PluginDiscoveryTests {
    @Test("a folder gives its orghealth-analyzer-* files in name order; a file is taken as is; duplicates once")
    func executables() throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let b = try fixtures.write("b", analyze: "exit 0")
        let a = try fixtures.write("a", analyze: "exit 0")
        try "notes".write(to: fixtures.folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: fixtures.folder.appendingPathComponent("orghealth-analyzer-folder"), withIntermediateDirectories: true)
        let elsewhere = fixtures.folder.appendingPathComponent("tool.sh")
        try "#!/bin/sh\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        let found = try PluginDiscovery().executables(at: [fixtures.folder, b, elsewhere])
        #expect(found.map(\.lastPathComponent) == [a, b, elsewhere].map(\.lastPathComponent))
        #expect(throws: PluginError.self) {
            try PluginDiscovery().executables(at: [fixtures.folder.appendingPathComponent("missing")])
        }
    }

    @Test("an id already taken makes the later plugin a failed entry under a free id")
    func takenID() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write(
            "impostor", describe: #"echo '{"protocolVersion":1,"id":"org-structure"}'"#, analyze: "exit 0")
        try fixtures.write(
            "org-structure", describe: "exit 1", analyze: "exit 0")
        let registry = try await PluginDiscovery().registry(extending: .builtIn(), locations: [fixtures.folder])
        let ids = registry.entries.map(\.analyzer.descriptor.id)
        #expect(ids.contains("org-structure"))
        #expect(Set(ids).count == ids.count)
        let impostor = try #require(registry.entries.first { $0.origin.hasSuffix("orghealth-analyzer-impostor") })
        #expect(impostor.analyzer.descriptor.id == "impostor")
        #expect((impostor.analyzer as? FailedExternalAnalyzer)?.reason.message.contains("already uses") == true)
        let broken = try #require(registry.entries.first { $0.origin.hasSuffix("orghealth-analyzer-org-structure") })
        #expect(broken.analyzer.descriptor.id == "org-structure-2")
    }

    @Test("an unusable descriptor id is refused")
    func badID() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let url = try fixtures.write("spaces", describe: #"echo '{"protocolVersion":1,"id":"Has Spaces"}'"#, analyze: "exit 0")
        await #expect(throws: ExternalAnalyzerError.self) {
            _ = try await ExternalAnalyzer.describe(url, limits: ExternalAnalyzerLimits())
        }
    }

    @Test("plugins.paths and --plugin together; options under analyzers.<plugin id> are accepted; unknown ids still refused")
    func setup() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let configured = fixtures.folder.appendingPathComponent("configured")
        try FileManager.default.createDirectory(at: configured, withIntermediateDirectories: true)
        let fromFlag = try fixtures.write("flagged", analyze: "exit 0")
        let inFolder = try fixtures.write("kudos", analyze: "exit 0")
        try FileManager.default.moveItem(at: inFolder, to: configured.appendingPathComponent(inFolder.lastPathComponent))
        try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = fixtures.folder.appendingPathComponent("orghealth.yml")
        try """
        organization: Fixture Co
        period: 2026-Q3
        roster: roster.csv
        analyzers:
          kudos: {lookbackDays: 30}
          flagged: {enabled: false}
        plugins:
          paths: [configured/]
          timeoutSeconds: 7

        """.write(to: config, atomically: true, encoding: .utf8)
        let builtIn = AnalyzerRegistry(entries: [.init(analyzer: OrgStructureAnalyzer(), origin: "built-in")])
        let setup = try await AnalyzerSetup.load(configFile: config, plugins: [fromFlag], builtIn: builtIn)
        #expect(setup.registry.entries.map(\.analyzer.descriptor.id) == ["org-structure", "kudos", "flagged"])
        #expect(setup.configuration.analyzerOptions["kudos"]?.values["lookbackDays"] == .number(30))
        #expect(setup.configuration.disabledAnalyzers == ["flagged"])
        let kudos = try #require(setup.registry.entries[1].analyzer as? ExternalAnalyzer)
        #expect(kudos.limits.timeout == .seconds(7))

        await #expect {
            _ = try await AnalyzerSetup.load(configFile: config, plugins: [], builtIn: builtIn)
        } throws: { error in
            let text = "\(error)"
            return text.contains("analyzers.flagged: no analyzer has this id") && text.contains("orghealth.yml:6")
        }
    }

    @Test("the environment keeps PATH and the locale only; HOME and TMPDIR are the analyzer's working folder")
    func environment() {
        let caller: [String: String] = [
            "PATH": "/bin", "HOME": "/home/a", "LANG": "C.UTF-8", "LC_TIME": "en_GB.UTF-8",
            "AWS_SECRET_ACCESS_KEY": "x", "GITHUB_TOKEN": "y", "LD_PRELOAD": "z",
        ]
        #expect(MinimalEnvironment.derived(from: caller) == ["PATH": "/bin", "LANG": "C.UTF-8", "LC_TIME": "en_GB.UTF-8"])
        let work = URL(fileURLWithPath: "/tmp/orghealth-plugin-x/work")
        #expect(MinimalEnvironment.derived(from: caller, workingFolder: work) == [
            "PATH": "/bin", "LANG": "C.UTF-8", "LC_TIME": "en_GB.UTF-8",
            "HOME": "/tmp/orghealth-plugin-x/work", "TMPDIR": "/tmp/orghealth-plugin-x/work",
        ])
        // Sandboxed, only system folders exist: the caller's PATH is replaced, TMPDIR is the private /tmp.
        let sandboxed = MinimalEnvironment.derived(from: caller, workingFolder: work, sandboxed: true)
        #expect(sandboxed["PATH"] == "/usr/local/bin:/usr/bin:/bin" && sandboxed["TMPDIR"] == "/tmp")
        #expect(MinimalEnvironment.derived(from: [:])["PATH"] != nil)
    }
}

@Suite("External analyzers: limits")
struct ExternalAnalyzerLimitsTests {
    @Test("any positive timeout from the config gives a usable duration")
    func clampedTimeouts() {
        #expect(ExternalAnalyzerLimits(timeoutSeconds: 2.5).timeout == .milliseconds(2_500))
        #expect(ExternalAnalyzerLimits(timeoutSeconds: .infinity).timeout == .seconds(1_000_000_000))
        #expect(ExternalAnalyzerLimits(timeoutSeconds: 1e300).timeout == .seconds(1_000_000_000))
        #expect(ExternalAnalyzerLimits(timeoutSeconds: 0).timeout == .milliseconds(1))
        #expect(ExternalAnalyzerLimits(timeoutSeconds: 200).describeTimeout == .seconds(30))
    }
}
