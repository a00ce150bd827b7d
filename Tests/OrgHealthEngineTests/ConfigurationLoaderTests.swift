import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

@Suite("Configuration")
final class ConfigurationLoaderTests: Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data/notes"), withIntermediateDirectories: true)
        try "employee_id,manager_id,team\n".write(to: folder.appendingPathComponent("data/roster.csv"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("data/reviews.csv"), atomically: true, encoding: .utf8)
    }

    /// Each test's folder goes with it.
    deinit { try? FileManager.default.removeItem(at: folder) }

    func load(_ text: String) throws(ConfigError) -> Configuration {
        try ConfigurationLoader(knownAnalyzers: ["org-structure", "one-on-ones"])
            .parse(text, file: folder.appendingPathComponent("orghealth.yml"))
    }

    @Test("a full config reads, with paths relative to the file")
    func full() throws {
        let config = try load("""
        organization: Acme Corp
        period: {start: 2026-07-01, end: 2026-09-30}
        roster: data/roster.csv
        columns:
          roster: {employee_id: "Employee ID"}
        sources:
          one-on-ones: data/notes/
          review-cycles: data/reviews.csv
          culture-survey:
            responses: data/reviews.csv
        privacy: {minGroupSize: 7, comments: include, minCommentGroupSize: 12}
        analyzers:
          one-on-ones: {expectedCadenceDays: 14, maxGapDays: 30}
          org-structure: {enabled: false}
        plugins: {paths: [data/notes], timeoutSeconds: 30}
        output: {directory: out/, formats: [xml, json]}
        history: out/history.sqlite
        """)
        #expect(config.organization == "Acme Corp")
        #expect(config.period.dayCount == 92)
        #expect(config.roster.path.hasSuffix("data/roster.csv"))
        #expect(config.columns["roster"]?["employee_id"] == "Employee ID")
        #expect(config.sources["one-on-ones"]?.count == 1)
        #expect(config.sources["culture-survey.responses"]?.count == 1)
        #expect(config.privacy == PrivacyPolicy(minGroupSize: 7, comments: .include, minCommentGroupSize: 12))
        #expect(config.analyzerOptions["one-on-ones"]?.values["maxGapDays"] == .number(30))
        #expect(config.disabledAnalyzers == ["org-structure"])
        #expect(config.plugins.timeoutSeconds == 30)
        #expect(config.output.formats == [.xml, .json])
        #expect(config.history?.lastPathComponent == "history.sqlite")
    }

    @Test("an unknown key is an error naming the key and its line")
    func unknownKey() {
        #expect {
            try load("organization: A\nperiod: 2026-Q3\nroster: data/roster.csv\nprivacy:\n  minGroupSise: 5\n")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.line == 5 && error.key == "privacy.minGroupSise" && error.description.contains("orghealth.yml:5")
        }
    }

    @Test("a wrong type is an error naming the key and its line")
    func wrongType() {
        #expect {
            try load("organization: A\nperiod: 2026-Q3\nroster: data/roster.csv\nprivacy:\n  minGroupSize: five\n")
        } throws: { error in (error as? ConfigError)?.line == 5 && (error as? ConfigError)?.key == "privacy.minGroupSize" }
    }

    @Test("a missing file is an error naming the key, the line and the path")
    func missingFile() {
        #expect {
            try load("organization: A\nperiod: 2026-Q3\nroster: data/roster.csv\nsources:\n  review-cycles: data/nope.csv\n")
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.line == 5 && error.key == "sources.review-cycles" && error.message.contains("nope.csv")
        }
    }

    @Test("a minimum group size below 3 is refused")
    func privacyFloor() {
        #expect(throws: ConfigError.self) {
            try load("organization: A\nperiod: 2026-Q3\nroster: data/roster.csv\nprivacy: {minGroupSize: 2}\n")
        }
    }

    @Test("an unknown analyzer id and a bad period are refused", arguments: [
        "organization: A\nperiod: 2026-Q3\nroster: data/roster.csv\nanalyzers:\n  nope: {}\n",
        "organization: A\nperiod: 2026-Q7\nroster: data/roster.csv\n",
        "organization: A\nperiod: 2026-Q3\nroster: data/roster.csv\noutput: {formats: [pdf]}\n",
        "organization: [A\n",
    ])
    func refused(text: String) {
        #expect(throws: ConfigError.self) { try load(text) }
    }
}
