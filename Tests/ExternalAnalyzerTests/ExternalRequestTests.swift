import Foundation
import OrgHealthEngine
import OrgHealthKit
import Testing

/// What an external analyzer is given: an argument vector, a minimal environment, a
/// normalized roster and only the inputs it declared.
@Suite("External analyzers: the request")
struct ExternalRequestTests {
    @Test("the request holds the declared inputs only, a canonical roster, options and privacy; the environment is minimal")
    func request() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let capture = fixtures.folder.appendingPathComponent("capture")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        try fixtures.write(
            "capture",
            describe: #"echo '{"protocolVersion":1,"id":"capture","inputs":[{"kind":"exits"},{"kind":"survey","required":false}]}'"#,
            analyze: """
            cat > '\(capture.path)/request.json'
            env > '\(capture.path)/env.txt'
            roster=$(sed -n 's/.*"roster":"\\([^"]*\\)".*/\\1/p' '\(capture.path)/request.json')
            cp "$roster" '\(capture.path)/roster.csv'
            echo '{}'
            """)
        let exits = fixtures.folder.appendingPathComponent("exits.csv")
        let other = fixtures.folder.appendingPathComponent("other.csv")
        let surveyDefinition = fixtures.folder.appendingPathComponent("survey.yml")
        for file in [exits, other, surveyDefinition] { try "x\n".write(to: file, atomically: true, encoding: .utf8) }
        var configuration = try Fixture.configuration(
            in: fixtures.folder, sources: ["exits": [exits], "recognition": [other], "survey.definition": [surveyDefinition]])
        configuration.analyzerOptions["capture"] = AnalyzerOptions(["lookbackDays": .number(90)])
        configuration.privacy = PrivacyPolicy(minGroupSize: 7)

        // Unsandboxed, so that the fixture can leave its capture outside its working folder
        // (ContainmentTests shows the sandbox forbids exactly that).
        var limits = ExternalAnalyzerLimits()
        limits.sandbox = .none
        let registry = try await PluginDiscovery(limits: limits).registry(extending: AnalyzerRegistry(), locations: [fixtures.folder])
        let runs = await AnalyzerRunner(registry: registry, clock: .fixed(secondsSince1970: 0))
            .run(configuration: configuration, roster: try Fixture.roster())
        #expect(runs.first?.status == .ok, "\(runs.first?.message ?? "")")

        let request = try ProtocolJSON.decoder().decode(
            AnalyzeRequest.self, from: Data(contentsOf: capture.appendingPathComponent("request.json")))
        #expect(request.protocolVersion == 1)
        #expect(request.organization == "Fixture Co")
        #expect(request.period == (try Fixture.period()))
        #expect(request.inputs == ["exits": [exits.path], "survey.definition": [surveyDefinition.path]])
        #expect(request.options.values["lookbackDays"] == .number(90))
        #expect(request.privacy.minGroupSize == 7)
        #expect(request.roster.hasPrefix("/"))
        // The roster copy is gone after the run.
        #expect(!FileManager.default.fileExists(atPath: request.roster))
        let roster = try String(contentsOf: capture.appendingPathComponent("roster.csv"), encoding: .utf8)
        #expect(roster.hasPrefix(RosterWriter.columns.joined(separator: ",") + "\n"))
        #expect(try RosterReader().read(csv: roster).roster.people == (try Fixture.roster()).people)

        let environment = try String(contentsOf: capture.appendingPathComponent("env.txt"), encoding: .utf8)
        let names = Set(environment.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
        let allowed: Set<String> = ["PATH", "HOME", "TMPDIR", "ORGHEALTH_ANALYZER_RUN", "LANG", "LANGUAGE", "PWD", "SHLVL", "_"]
        #expect(names.subtracting(allowed).filter { !$0.hasPrefix("LC_") }.isEmpty, "\(names.sorted())")
        #expect(names.contains("PATH"))
        // HOME is the analyzer's private working folder, never the caller's (issue 14, row 13).
        let home = environment.split(separator: "\n").first { $0.hasPrefix("HOME=") }.map { String($0.dropFirst(5)) }
        #expect(home?.hasSuffix("/work") == true && home?.contains("/orghealth-plugin-") == true, "HOME=\(home ?? "unset")")
        #expect(home != ProcessInfo.processInfo.environment["HOME"])
    }

    @Test("a plugin whose required input is not configured is skipped, like a built-in")
    func skipped() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write(
            "needs", describe: #"echo '{"protocolVersion":1,"id":"needs","inputs":[{"kind":"exits"}]}'"#, analyze: "exit 9")
        let registry = try await PluginDiscovery().registry(extending: AnalyzerRegistry(), locations: [fixtures.folder])
        let runs = await AnalyzerRunner(registry: registry, clock: .fixed(secondsSince1970: 0))
            .run(configuration: try Fixture.configuration(in: fixtures.folder), roster: try Fixture.roster())
        #expect(runs.first?.status == .skipped)
        #expect(runs.first?.message?.contains("'exits'") == true)
    }
}
