import Foundation
import LibXML
import OrgHealthRendering
import Testing

@Suite("CLI: orghealth report")
struct ReportCommandTests {
    /// An HRIS export with its own headers, re-mapped in the config: H1 leads M1–M5, who
    /// lead 2, 3, 4, 5 and 6 people (M4 and M5 in Sales, the rest in Engineering); L1 (under
    /// M5) left on 2026-08-31.
    static let roster: String = {
        var lines = ["Worker ID,Supervisor ID,Team Name,Org Unit,Start Date,Termination Date",
                     "H1,,Board,Exec,2010-01-01,"]
        for (index, size) in [2, 3, 4, 5, 6].enumerated() {
            let manager = "M\(index + 1)", unit = index < 3 ? "Engineering" : "Sales"
            lines.append("\(manager),H1,Team \(manager),\(unit),2015-01-01,")
            for member in 1...size { lines.append("\(manager)-\(member),\(manager),Team \(manager),\(unit),2020-01-01,") }
        }
        lines.append("L1,M5,Team M5,Sales,2019-01-01,2026-08-31")
        return lines.joined(separator: "\n") + "\n"
    }()

    static let config = """
    organization: Hris & Co
    period: 2026-Q3
    roster: export.csv
    columns:
      roster: {employee_id: "Worker ID", manager_id: "Supervisor ID", team: "Team Name",
               department: "Org Unit", hire_date: "Start Date", end_date: "Termination Date"}
    output: {formats: [html]}

    """

    @Test("re-mapped HRIS roster → XML, HTML and JSON; org.* figures as worked out by hand; XML valid")
    func hrisRoster() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.roster.write(to: folder.appendingPathComponent("export.csv"), atomically: true, encoding: .utf8)
        try Self.config.write(to: folder.appendingPathComponent("orghealth.yml"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let outcome = try CLIRunner.run([
            "report", "--config", folder.appendingPathComponent("orghealth.yml").path,
            "--format", "xml,html,json", "--output", out.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("health-report") }.sorted()
        #expect(files == ["health-report.html", "health-report.json", "health-report.xml"])

        let xml = try Data(contentsOf: out.appendingPathComponent("health-report.xml"))
        let errors = try XMLSchemaValidator(schema: try ReportSchema.text()).validate(String(decoding: xml, as: UTF8.self))
        #expect(errors.isEmpty, "\(errors)")
        let root = try #require(try HardenedParser.parseXML(xml).root)
        func value(_ id: String, _ scope: String = "org") -> String? {
            root.descendants(named: "metric").first { $0.attribute("id") == id && $0.attribute("scope") == scope }?.attribute("value")
        }
        // Employed on 2026-09-30: H1, M1–M5 and their 2+3+4+5+6 = 20 reports; L1 left on 2026-08-31.
        #expect(value("org.headcount") == "26")
        // Six managers with spans 5 (H1), 2, 3, 4, 5, 6: sorted 2 3 4 5 5 6, median (4 + 5) / 2.
        #expect(value("org.spanOfControl") == "4.5")
        // One of six below 3 (M1), none above 12.
        #expect(value("org.narrowSpanRate") == "\(1.0 / 6.0)")
        #expect(value("org.wideSpanRate") == "0")
        #expect(value("org.layers") == "3")
        #expect(value("org.newHireRate") == "0")
        // 1 leaver ÷ ((27 + 26) / 2).
        #expect(value("org.attritionRate") == "\(1.0 / 26.5)")
        // Exec (H1 alone) is withheld; Engineering (M1–M3 and 2 + 3 + 4 reports = 12) is the
        // next-smallest department, withheld too so Exec cannot be derived from the org.
        // Sales: M4, M5 and 5 + 6 reports.
        #expect(value("org.headcount", "department:Exec") == nil)
        #expect(value("org.headcount", "department:Engineering") == nil)
        #expect(value("org.headcount", "department:Sales") == "13")
    }

    @Test("schema and analyzers print what users read")
    func listings() throws {
        let schema = try CLIRunner.run(["schema"])
        #expect(schema.status == 0)
        #expect(schema.stdout.contains("targetNamespace=\"urn:orghealth:report:1\""))
        let analyzers = try CLIRunner.run(["analyzers"])
        #expect(analyzers.status == 0)
        #expect(analyzers.stdout.contains("org-structure"))
        #expect(analyzers.stdout.contains("built-in"))
    }

    @Test("init writes a starter config that names every section, and refuses to overwrite")
    func initConfig() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try CLIRunner.run(["init"], in: folder)
        #expect(first.status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("orghealth.yml"), encoding: .utf8)
        for key in ["organization:", "period:", "roster:", "sources:", "privacy:", "analyzers:", "plugins:", "output:"] {
            #expect(text.contains(key))
        }
        #expect(try CLIRunner.run(["init"], in: folder).status == 2)
    }
}
