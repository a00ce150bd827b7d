import Foundation
import Testing

/// `orghealth history --config` checks the config as `report` does: against the built-in
/// analyzers and the external ones its `plugins.paths` names, and finds the file `report` uses.
@Suite("External analyzers: history --config knows the configured external analyzers")
struct HistoryCommandRegistryTests {
    @Test("options for an external analyzer under plugins.paths are accepted; an unknown id is still refused")
    func externalOptions() throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("kudos", analyze: "exit 0")
        try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = fixtures.folder.appendingPathComponent("orghealth.yml")
        try """
        organization: Fixture Co
        period: 2026-Q3
        roster: roster.csv
        plugins:
          paths: [\(fixtures.folder.path)]
        analyzers:
          kudos:
            threshold: 3

        """.write(to: config, atomically: true, encoding: .utf8)
        let listed = try CommandLineTests.orghealth(["history", "list", "--config", config.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        // No history: and no output.directory: the file report writes, Reports/history.sqlite beside the config.
        let expected = fixtures.folder.appendingPathComponent("Reports/history.sqlite").path
        #expect(listed.stdout == "no history recorded yet (\(expected) does not exist)\n")

        try """
        organization: Fixture Co
        period: 2026-Q3
        roster: roster.csv
        analyzers:
          kudos:
            threshold: 3

        """.write(to: config, atomically: true, encoding: .utf8)
        let refused = try CommandLineTests.orghealth(["history", "list", "--config", config.path])
        #expect(refused.status == 2)
        // `kudos:` is on line 5.
        #expect(refused.stderr.contains("orghealth.yml:5"))
    }
}
