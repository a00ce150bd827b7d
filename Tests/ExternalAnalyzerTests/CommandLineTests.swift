import Foundation
import OrgHealthKit
import Testing

/// The built `orghealth` with `--plugin`, as users run it.
@Suite("External analyzers: the orghealth command line")
struct CommandLineTests {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func orghealth(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = BuiltProducts.executable("orghealth")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test("analyzers lists built-in and external analyzers with their origin; unusable ones say why")
    func listing() throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("kudos", describe: #"""
            echo '{"protocolVersion":1,"id":"kudos","name":"Recognition","version":"1.2.0","summary":"s","inputs":[{"kind":"recognition"}],"dimensions":["feedback"]}'
            """#, analyze: "exit 0")
        try fixtures.write("future", describe: #"echo '{"protocolVersion":3,"id":"future"}'"#, analyze: "exit 0")
        let outcome = try Self.orghealth(["analyzers", "--plugin", fixtures.folder.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("org-structure") && $0.hasSuffix("built-in") })
        let kudos = fixtures.folder.appendingPathComponent("orghealth-analyzer-kudos").path
        #expect(lines.contains { $0.hasPrefix("kudos") && $0.contains("Recognition") && $0.contains("1.2.0")
            && $0.contains("recognition") && $0.contains("feedback") && $0.hasSuffix(kudos) })
        #expect(lines.contains { $0.hasPrefix("future (unusable)") })
        #expect(outcome.stdout.contains("unusable: future: orghealth-analyzer-future speaks protocol version 3"))
    }

    @Test("report: a failed plugin is in the report and the report is written; --strict exits 1; a missing --plugin exits 2")
    func report() throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("good", analyze: FixturePlugins.validResult)
        try fixtures.write("broken", analyze: "echo 'broken on purpose' >&2; exit 5")
        try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = fixtures.folder.appendingPathComponent("orghealth.yml")
        try "organization: Fixture Co\nperiod: 2026-Q3\nroster: roster.csv\n".write(to: config, atomically: true, encoding: .utf8)
        let out = fixtures.folder.appendingPathComponent("out")
        let arguments = ["report", "--config", config.path, "--format", "json", "--output", out.path, "--plugin", fixtures.folder.path]

        let plain = try Self.orghealth(arguments)
        #expect(plain.status == 0, "\(plain.stderr)")
        let report = try JSONDecoder().decode(HealthReport.self, from: Data(contentsOf: out.appendingPathComponent("health-report.json")))
        // External analyzers come after the built-in ones, in the order found.
        let external = report.analyzers.filter { $0.origin != "built-in" }
        #expect(external.map(\.descriptor.id) == ["broken", "good"])
        #expect(external.map(\.status) == [.failed, .ok])
        #expect(external.first?.message?.contains("exited with status 5; its standard error ends: broken on purpose") == true)
        #expect(report.analyzers.first { $0.descriptor.id == "org-structure" }?.status == .ok)

        let strict = try Self.orghealth(arguments + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("1 analyzers failed"))

        let missing = try Self.orghealth(["report", "--config", config.path, "--plugin", "/nonexistent/orghealth-analyzer-x"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/orghealth-analyzer-x does not exist"))
    }

    @Test("hostile but valid content — markup, control characters, ragged tables, empty charts — is rendered safely")
    func hostileContent() throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("weird", describe: #"""
            echo '{"protocolVersion":1,"id":"weird","name":"<b>Weird</b> & co","dimensions":["inclusion"]}'
            """#, analyze: #"""
            cat > /dev/null
            printf '%s\n' '{"signals":[{"dimension":"inclusion","scope":"org","score":0,"n":9}],"findings":[{"id":"f","severity":"critical","scope":"org","title":"<script>alert(1)</script>","detail":"bell \u0007 nul \u0000 esc \u001b end"}],"sections":[{"title":"T \u0001","blocks":[{"table":{"columns":["a"],"rows":[["1","2","3"],[]]}},{"chart":{"kind":"line","title":"empty","unit":"ratio","series":[]}},{"chart":{"kind":"bar","title":"c","unit":"ratio","series":[{"name":"s","points":[]}]}},{"text":"\ud83c\udf89 ok"}]}],"diagnostics":[{"severity":"info","message":"\u0002"}]}'
            """#)
        try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = fixtures.folder.appendingPathComponent("orghealth.yml")
        try "organization: Fixture Co\nperiod: 2026-Q3\nroster: roster.csv\n".write(to: config, atomically: true, encoding: .utf8)
        let out = fixtures.folder.appendingPathComponent("out")
        let outcome = try Self.orghealth([
            "report", "--config", config.path, "--format", "html,xml,json", "--output", out.path, "--plugin", fixtures.folder.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try JSONDecoder().decode(HealthReport.self, from: Data(contentsOf: out.appendingPathComponent("health-report.json")))
        #expect(report.analyzers.first { $0.descriptor.id == "weird" }?.status == .ok)
        #expect(report.summary.dimensions.contains { $0.dimension == "inclusion" && $0.score == 0 })
        let html = try String(contentsOf: out.appendingPathComponent("health-report.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert") && !html.contains("<b>Weird</b>"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("health-report.xml").path))
    }
}
