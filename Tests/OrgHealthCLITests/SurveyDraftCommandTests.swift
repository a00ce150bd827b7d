import Foundation
import Testing

@Suite("orghealth survey draft", .serialized)
struct SurveyDraftCommandTests {
    /// The metrics of the culture survey in a JSON report: "id|scope" → value.
    func surveyMetrics(_ folder: URL) throws -> [String: Double] {
        let data = try Data(contentsOf: folder.appendingPathComponent("health-report.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let analyzers = try #require(root["analyzers"] as? [[String: Any]])
        var metrics: [String: Double] = [:]
        for analyzer in analyzers {
            guard let result = analyzer["result"] as? [String: Any], let list = result["metrics"] as? [[String: Any]] else { continue }
            for metric in list {
                guard let id = metric["id"] as? String, id.hasPrefix("survey."), let scope = metric["scope"] as? String,
                      let value = metric["value"] as? Double else { continue }
                metrics["\(id)|\(scope)"] = value
            }
        }
        return metrics
    }

    /// column → (id, dimension) of the items in a definition's one-line item entries.
    func items(_ yaml: String) -> [String: (id: String, dimension: String?)] {
        var items: [String: (id: String, dimension: String?)] = [:]
        for line in yaml.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("- {id:") {
            func value(_ key: String) -> String? {
                guard let range = line.range(of: "\(key): ") else { return nil }
                var rest = line[range.upperBound...]
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    return String(rest.prefix { $0 != "\"" })
                }
                return String(rest.prefix { $0 != "," && $0 != "}" })
            }
            if let id = value("id"), let column = value("column") { items[column] = (id, value("dimension")) }
        }
        return items
    }

    @Test("a draft of the demo's Qualtrics export, with only the dimensions filled in, gives the demo definition's item figures")
    func draftMatchesDemo() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("org")
        let wrote = try CLIRunner.run(["sample", "--out", sample.path])
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let responses = sample.appendingPathComponent("survey/responses.csv")
        let draftURL = folder.appendingPathComponent("draft.yml")
        let drafted = try CLIRunner.run(["survey", "draft", responses.path, "--roster", sample.appendingPathComponent("roster.csv").path,
                                         "--out", draftURL.path])
        #expect(drafted.status == 0, "\(drafted.stderr)")
        let draft = try String(contentsOf: draftURL, encoding: .utf8)
        let demo = try String(contentsOf: sample.appendingPathComponent("survey/survey.yml"), encoding: .utf8)
        // The draft never carries a respondent's comment: every demo comment ends with a sentinel.
        let export = try String(contentsOf: responses, encoding: .utf8)
        #expect(export.contains("SURVEY-SENTINEL"))
        #expect(!draft.contains("SURVEY-SENTINEL"))
        #expect(draft.contains("read as a Qualtrics export"))
        #expect(draft.contains("groupColumn: \"team\""))
        #expect(draft.contains("enps: {column: \"enps\"}"))
        #expect(draft.contains("comments: [\"comment\"]"))

        // The draft runs unchanged: the report counts the demo's responses from it.
        let config = sample.appendingPathComponent("orghealth.yml")
        let configText = try String(contentsOf: config, encoding: .utf8)
        let draftConfig = sample.appendingPathComponent("draft.yml")
        try configText.replacingOccurrences(of: "definition: survey/survey.yml", with: "definition: \(draftURL.path)")
            .write(to: draftConfig, atomically: true, encoding: .utf8)
        let unchangedOut = folder.appendingPathComponent("unchanged-report")
        let unchanged = try CLIRunner.run(["report", "--config", draftConfig.path, "--format", "json", "--output", unchangedOut.path,
                                           "--no-history"], environment: ["SOURCE_DATE_EPOCH": "1790812800"])
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(try surveyMetrics(unchangedOut)["survey.responses|org"] != nil)

        let demoItems = items(demo)
        let draftItems = items(draft)
        #expect(Set(draftItems.keys) == Set(demoItems.keys), "the draft finds every question column (Q1…Q24)")
        // Fill in the dimensions only, from the demo's definition.
        var filled: [String] = []
        for line in draft.split(separator: "\n", omittingEmptySubsequences: false) {
            var text = String(line)
            if let column = items(text).keys.first, let dimension = demoItems[column]?.dimension {
                if let range = text.range(of: #"dimension: [a-z-]+"#, options: .regularExpression) {
                    text.replaceSubrange(range, with: "dimension: \(dimension)")
                } else {
                    text = text.replacingOccurrences(of: ", reverse:", with: ", dimension: \(dimension), reverse:")
                }
            }
            filled.append(text)
        }
        try filled.joined(separator: "\n").write(to: draftURL, atomically: true, encoding: .utf8)

        let demoOut = folder.appendingPathComponent("demo-report")
        let draftOut = folder.appendingPathComponent("draft-report")
        for (configFile, out) in [(config, demoOut), (draftConfig, draftOut)] {
            let run = try CLIRunner.run(["report", "--config", configFile.path, "--format", "json", "--output", out.path,
                                         "--no-history"], environment: ["SOURCE_DATE_EPOCH": "1790812800"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let demoMetrics = try surveyMetrics(demoOut)
        let draftMetrics = try surveyMetrics(draftOut)
        var compared = 0
        for (column, demoItem) in demoItems {
            let draftID = try #require(draftItems[column]?.id)
            for (key, value) in demoMetrics where key.hasPrefix("survey.item.\(demoItem.id).") {
                let draftKey = key.replacingOccurrences(of: "survey.item.\(demoItem.id).", with: "survey.item.\(draftID).")
                #expect(draftMetrics[draftKey] == value, "\(key)")
                compared += 1
            }
        }
        // 24 items × (favorability, unfavorability, mean) at least for the organization.
        #expect(compared >= 72)
        #expect(draftMetrics["survey.enps|org"] == demoMetrics["survey.enps|org"])
        #expect(draftMetrics["survey.responses|org"] == demoMetrics["survey.responses|org"])
    }

    @Test("a draft asked of a roster says it is not a survey export and writes nothing")
    func notAnExport() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv")
        try "employee_id,manager_id,team,department\nA,,Exec,Leadership\nB,A,Platform,Engineering\nC,A,Web,Engineering\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("survey.yml")
        let run = try CLIRunner.run(["survey", "draft", roster.path, "--out", out.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("does not look like a survey export"))
        #expect(run.stderr.contains("roster.csv"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
