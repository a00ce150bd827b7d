import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// Sources given as `{file, delimiter, encoding, sheet}` mappings, beside every older form.
@Suite("Configuration: per-source reading options")
final class SourceOptionsTests: Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        for name in ["roster.csv", "reviews.csv", "responses.txt", "survey.yml", "a.csv", "b.csv"] {
            try "x\n".write(to: folder.appendingPathComponent("data/\(name)"), atomically: true, encoding: .utf8)
        }
    }

    /// Each test's folder goes with it.
    deinit { try? FileManager.default.removeItem(at: folder) }

    func load(_ sources: String) throws(ConfigError) -> Configuration {
        try ConfigurationLoader(knownAnalyzers: [])
            .parse("organization: A\nperiod: 2026-Q3\nroster: data/roster.csv\nsources:\n" + sources,
                   file: folder.appendingPathComponent("orghealth.yml"))
    }

    func url(_ name: String) -> URL { folder.appendingPathComponent("data/\(name)") }

    @Test func everyFormReads() throws {
        let config = try load("""
          review-cycles: {file: data/reviews.csv, delimiter: ";", encoding: windows-1252}
          culture-survey:
            responses: {file: data/responses.txt, delimiter: tab}
            definition: data/survey.yml
          kudos:
            - data/a.csv
            - {file: data/b.csv, delimiter: "|", sheet: Q3}
        """)
        #expect(config.sources["review-cycles"] == [url("reviews.csv")])
        #expect(config.sources["culture-survey.responses"] == [url("responses.txt")])
        #expect(config.sources["culture-survey.definition"] == [url("survey.yml")])
        #expect(config.sources["kudos"] == [url("a.csv"), url("b.csv")])
        #expect(config.sourceOptions[url("reviews.csv")] == TabularOptions(delimiter: .semicolon, encoding: .windows1252))
        #expect(config.sourceOptions[url("responses.txt")] == TabularOptions(delimiter: .tab))
        #expect(config.sourceOptions[url("b.csv")] == TabularOptions(delimiter: .pipe, sheet: "Q3"))
        #expect(config.sourceOptions[url("a.csv")] == nil)  // a plain path: everything detected
        #expect(config.sourceOptions[url("survey.yml")] == nil)
    }

    @Test func aBadDelimiterOrEncodingNamesTheKeyAndTheChoices() {
        #expect { try load("  kudos: {file: data/a.csv, delimiter: '#'}\n") } throws: { error in
            let text = "\(error)"
            return text.contains("sources.kudos.delimiter") && text.contains("tab")
        }
        #expect { try load("  kudos: {file: data/a.csv, encoding: ebcdic}\n") } throws: { error in
            let text = "\(error)"
            return text.contains("sources.kudos.encoding") && text.contains("windows-1252")
        }
        #expect { try load("  kudos: {file: data/a.csv, separator: ';'}\n") } throws: { error in
            "\(error)".contains("unknown key")
        }
    }

    /// The options reach the analyzer with the file, and `openTable` applies them.
    @Test func optionsReachTheAnalyzerContext() throws {
        // "Müller" in windows-1252 (ü = 0xFC), `;`-separated.
        try Data(Array("id;name\n1;M".utf8) + [0xFC] + Array("ller\n".utf8)).write(to: url("b.csv"))
        let config = try load("  kudos: {file: data/b.csv, encoding: windows-1252}\n")
        let context = AnalysisContext(
            organization: "A", period: config.period, roster: Roster(people: []), inputs: config.sources,
            tabular: config.sourceOptions)
        var reader = try context.openTable(url("b.csv"))
        #expect(try reader.readAll().map(\.fields) == [["id", "name"], ["1", "Müller"]])
        #expect(context.tabularOptions(for: url("a.csv")) == TabularOptions())
    }
}
