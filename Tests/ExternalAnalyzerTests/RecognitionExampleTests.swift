import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthSampleData
import Testing

/// The Python example (Examples/recognition-analyzer) through the host: the protocol is
/// language-neutral, and the recognition messages never reach a report.
@Suite("Example: the Python recognition analyzer", .enabled(if: Python3.isAvailable))
struct RecognitionExampleTests {
    static var script: URL {
        BuiltProducts.repositoryRoot.appendingPathComponent("Examples/recognition-analyzer/orghealth-analyzer-recognition.py")
    }

    @Test("figures from a literal log, as worked out by hand")
    func literalLog() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let log = fixtures.folder.appendingPathComponent("recognition.csv")
        try """
        date,from_id,to_id,message
        2026-07-02,H3,H4,"Thanks, KUDOS-SENTINEL"
        2026-07-03,H1,H4,great
        2026-08-01,H4,H5,x
        2026-06-30,H3,H6,before the period
        2026-08-05,H3,H3,self
        2026-08-06,Z1,H3,unknown
        2026-13-01,H3,H4,bad date

        """.write(to: log, atomically: true, encoding: .utf8)
        let analyzer = try await ExternalAnalyzer.describe(Self.script, limits: ExternalAnalyzerLimits(timeoutSeconds: 30))
        #expect(analyzer.descriptor.id == "recognition")
        #expect(analyzer.descriptor.dimensions == [.feedback])
        let result = try await analyzer.analyze(try Fixture.context(inputs: ["recognition": [log]]))
        func value(_ id: String, _ scope: Scope) -> Double? { result.metrics.first { $0.id == id && $0.scope == scope }?.value }
        // Nine people active in 2026-Q3; H4 and H5 were recognised (three recognitions).
        #expect(value("recognition.receivedRate", .org) == 2.0 / 9)
        #expect(value("recognition.receivedRate", .team("Core")) == 0.25)
        #expect(value("recognition.perPerson", .org) == 3.0 / 9)
        #expect(value("recognition.givenRate", .org) == 3.0 / 9)
        #expect(value("recognition.crossTeamShare", .team("Core")) == 1.0 / 3)
        let signal = try #require(result.signals.first { $0.scope == .org })
        #expect(signal.dimension == .feedback)
        #expect(abs((signal.score ?? 0) - 100 * (2.0 / 9) / 0.6) < 1e-9)
        #expect(result.diagnostics.map(\.line) == [6, 7, 8])
        let encoded = String(decoding: try ProtocolJSON.encoder().encode(result), as: UTF8.self)
        #expect(!encoded.contains("KUDOS-SENTINEL") && !encoded.contains("great"))
    }

    @Test("the demo organization's recognition log: a section and feedback signals in every output, no message text")
    func demoOrganization() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-recognition-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleOrganization(period: try ReportingPeriod(parsing: "2026-Q3")).write(to: folder)
        // A config of our own: the roster and the recognition log only.
        let config = folder.appendingPathComponent("recognition.yml")
        try """
        organization: Northwind Labs
        period: 2026-Q3
        roster: roster.csv
        sources:
          recognition: recognition.csv

        """.write(to: config, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let outcome = try CommandLineTests.orghealth([
            "report", "--config", config.path, "--format", "html,xml,json", "--output", out.path, "--plugin", Self.script.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let report = try JSONDecoder().decode(HealthReport.self, from: Data(contentsOf: out.appendingPathComponent("health-report.json")))
        let run = try #require(report.analyzers.first { $0.descriptor.id == "recognition" })
        #expect(run.status == .ok, "\(run.message ?? "")")
        #expect(run.origin == Self.script.path)
        #expect(run.result.sections.map(\.title) == ["Recognition"])
        let orgSignal = try #require(run.result.signals.first { $0.scope == .org }?.score)
        #expect(report.summary.dimensions.first { $0.dimension == .feedback }?.score == orgSignal)
        #expect(report.scopes.contains { $0.scope.kind == .team && $0.dimensions.contains { $0.dimension == .feedback && $0.score != nil } })
        #expect(run.result.metrics.contains { $0.isSuppressed })
        for name in ["health-report.html", "health-report.xml", "health-report.json"] {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains(SampleOrganization.recognitionSentinel), "\(name) holds recognition message text")
            #expect(text.contains("recognition.receivedRate"))
        }
    }
}

/// Whether `python3` is on the PATH (CI installs it; the example needs nothing else).
enum Python3 {
    static var isAvailable: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }
    }
}
