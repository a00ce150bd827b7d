import Foundation
import Testing

/// The HTML "By attribute" view says which sources its values rest on: with a survey export
/// that names people (`employee_id`), the survey is included; the demo's survey names teams,
/// so the committed example says the survey is not cut (ExampleReportTests keeps it current).
@Suite("CLI: the by-attribute view says whether the survey is cut")
struct SurveyCutHTMLTests {
    @Test("a survey with employee_id is named among the by-attribute view's sources")
    func surveyIncluded() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Six people in Berlin and six in Lisbon (both ≥ minGroupSize 5), one team.
        var roster = ["employee_id,manager_id,team,department,location", "M1,,Exec,Leadership,"]
        var responses = ["employee_id,t1,e1,enps"]
        for (prefix, location) in [("B", "Berlin"), ("L", "Lisbon")] {
            for index in 1...6 {
                roster.append("\(prefix)\(index),M1,Web,Eng,\(location)")
                responses.append("\(prefix)\(index),\(index % 5 + 1),4,\(index + 4)")
            }
        }
        let files = [
            "roster.csv": roster.joined(separator: "\n") + "\n",
            "responses.csv": responses.joined(separator: "\n") + "\n",
            "survey.yml": """
                id: pulse
                title: Pulse
                closed: 2026-09-10
                scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}
                outcome: [e1]
                enps: {column: enps}
                items:
                  - {id: t1, column: t1, text: "I can speak up.", dimension: trust}
                  - {id: e1, column: e1, text: "I am proud to work here.", dimension: engagement}

                """,
            "orghealth.yml": """
                organization: Cuts
                period: 2026-Q3
                roster: roster.csv
                cuts: [location]
                sources:
                  culture-survey:
                    responses: responses.csv
                    definition: survey.yml
                privacy:
                  minGroupSize: 5

                """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let output = folder.appendingPathComponent("out")
        let outcome = try CLIRunner.run(
            ["report", "--config", folder.appendingPathComponent("orghealth.yml").path, "--format", "html,xml",
             "--no-history", "--output", output.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try String(contentsOf: output.appendingPathComponent("health-report.html"), encoding: .utf8)
        #expect(html.contains("one-on-ones, reviews and the culture survey"))
        #expect(!html.contains("the survey is not cut by attribute"))
        let xml = try String(contentsOf: output.appendingPathComponent("health-report.xml"), encoding: .utf8)
        #expect(xml.contains(#"id="survey.dimension.trust.favorability" scope="attribute:location=Berlin""#))
    }
}
