import Foundation
import Testing

@Suite("CLI: the demo and the committed example report")
struct ExampleReportTests {
    /// The time stamp the example report is generated with (README: regenerate command).
    static let epoch = "1790812800"

    @Test("Reports/example matches what the code generates, byte for byte")
    func exampleIsCurrent() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIRunner.run(["demo", "--output", folder.path], environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Reports/example")
        for name in ["health-report.html", "health-report.xml", "health-report.json", "health-report.csv"] {
            let generated = try Data(contentsOf: folder.appendingPathComponent(name))
            let committed = try Data(contentsOf: example.appendingPathComponent(name))
            #expect(generated == committed, """
                Reports/example/\(name) is out of date. Regenerate it with:
                SOURCE_DATE_EPOCH=\(Self.epoch) swift run orghealth demo --output Reports/example
                """)
        }
    }

    @Test("Reports/example/organization matches what --audience organization generates, byte for byte")
    func organizationExampleIsCurrent() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIRunner.run(["demo", "--audience", "organization", "--output", folder.path],
                                        environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Reports/example/organization")
        for name in ["health-report.html", "health-report.xml", "health-report.json", "health-report.csv"] {
            let generated = try Data(contentsOf: folder.appendingPathComponent(name))
            let committed = try Data(contentsOf: example.appendingPathComponent(name))
            #expect(generated == committed, """
                Reports/example/organization/\(name) is out of date. Regenerate it with:
                SOURCE_DATE_EPOCH=\(Self.epoch) swift run orghealth demo --audience organization --output Reports/example/organization
                """)
        }
    }

    @Test("Reports/example/managers holds the index and one manager's report as --audience managers generates them")
    func managerExampleIsCurrent() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIRunner.run(["demo", "--audience", "managers", "--output", folder.path],
                                        environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let example = CLIRunner.repositoryRoot.appendingPathComponent("Reports/example/managers")
        for name in ["index.html", "E0006/health-report.html", "E0006/health-report.xml"] {
            var generated = try Data(contentsOf: folder.appendingPathComponent("managers/\(name)"))
            if name == "index.html" {
                // The committed index links only to the committed report (see ExampleLinkTests).
                let edition = ExampleManagerIndex.edition(of: String(decoding: generated, as: UTF8.self), committed: ["E0006"])
                generated = Data(edition.utf8)
                if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
                    try generated.write(to: example.appendingPathComponent(name))
                }
            }
            let committed = try Data(contentsOf: example.appendingPathComponent(name))
            #expect(generated == committed, """
                Reports/example/managers/\(name) is out of date. Regenerate with:
                SOURCE_DATE_EPOCH=\(Self.epoch) swift run orghealth demo --audience managers --output <scratch>, then copy
                managers/E0006/ into Reports/example/managers/; the index with
                RECORD_SNAPSHOTS=1 swift test --filter managerExampleIsCurrent (it links only to E0006)
                """)
        }
    }

    @Test("no note, review comment, survey comment or kudos text reaches any output")
    func noSentinels() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIRunner.run(["demo", "--output", folder.path], environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        #expect(outcome.status == 0)
        for name in ["health-report.html", "health-report.xml", "health-report.json", "health-report.csv"] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for sentinel in ["NOTE-SENTINEL", "REVIEW-SENTINEL", "SURVEY-SENTINEL", "KUDOS-SENTINEL"] {
                #expect(!text.contains(sentinel), "\(sentinel) leaked into \(name)")
            }
        }
        #expect(outcome.stdout.contains("health index"))
    }
}
