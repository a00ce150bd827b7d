import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// `roster:` as a mapping in the config, Workday report-as-a-service XML rosters, and a roster
/// without managers going through the whole pipeline.
@Suite("Roster sources")
final class RosterSourceTests: Sendable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-source-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Each test's folder goes with it.
    deinit { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, _ text: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func load(_ text: String) throws(ConfigError) -> Configuration {
        try ConfigurationLoader(knownAnalyzers: ["org-structure"]).parse(text, file: folder.appendingPathComponent("orghealth.yml"))
    }

    @Test("roster: as a mapping reads every option; a plain path still works")
    func mapping() throws {
        _ = try write("hris.csv", "x\n")
        let config = try load("""
        organization: A
        period: 2026-Q3
        roster:
          file: hris.csv
          dateFormat: MM/dd/yy
          managerBy: email
          preset: rippling
          status: Employment status
          statusMeansLeft: true
          delimiter: ";"
          sheet: People
          encoding: windows-1252
        """)
        #expect(config.roster.lastPathComponent == "hris.csv")
        let options = config.rosterOptions
        #expect(options.dateFormat?.pattern == "MM/dd/yy")
        #expect(options.managerBy == .email)
        #expect(options.preset == .rippling)
        #expect(options.status == "Employment status")
        #expect(options.statusMeansLeft)
        #expect(options.tabular == TabularOptions(delimiter: .semicolon, encoding: .windows1252, sheet: "People"))
        let plain = try load("organization: A\nperiod: 2026-Q3\nroster: hris.csv\n")
        #expect(plain.rosterOptions == RosterOptions())
    }

    @Test("bad roster options are configuration errors naming the key and line")
    func badOptions() throws {
        _ = try write("hris.csv", "x\n")
        let base = "organization: A\nperiod: 2026-Q3\nroster:\n  file: hris.csv\n"
        #expect { try load(base + "  preset: sap\n") } throws: { error in
            "\(error)".contains(":5: roster.preset") && "\(error)".contains("workday, bamboohr, hibob, personio, rippling")
        }
        #expect { try load(base + "  dateFormat: MM/DD/YY\n") } throws: { error in
            "\(error)".contains("roster.dateFormat") && "\(error)".contains("MM/dd/yy")
        }
        #expect { try load(base + "  managerBy: phone\n") } throws: { error in "\(error)".contains("id, email or name") }
        #expect { try load(base + "  statusMeansLeft: maybe\n") } throws: { error in "\(error)".contains("true or false") }
        #expect { try load(base + "  colour: blue\n") } throws: { error in "\(error)".contains("roster.colour") }
        #expect { try load("organization: A\nperiod: 2026-Q3\nroster:\n  preset: workday\n") } throws: { error in
            "\(error)".contains("roster.file") && "\(error)".contains("is required")
        }
    }

    /// Shaped like a Workday custom report fetched as XML: `wd:Report_Data/wd:Report_Entry`,
    /// one element per field, reference fields with `wd:Descriptor` and `wd:ID wd:type`
    /// children, `xs:date` values with a zone offset (Workday RaaS documentation; the
    /// `Report_Entry`/`ID[@wd:type]` shape as in public Workday Studio XSLT, e.g. coveo/Workday).
    static let workdayXML = """
    <?xml version='1.0' encoding='UTF-8'?>
    <wd:Report_Data xmlns:wd="urn:com.workday.report/Worker_Roster">
      <wd:Report_Entry>
        <wd:Employee_ID>21001</wd:Employee_ID>
        <wd:Full_Name>Ana Lopez</wd:Full_Name>
        <wd:Email>ana@acme.com</wd:Email>
        <wd:Supervisory_Organization wd:Descriptor="Leadership">
          <wd:ID wd:type="Organization_Reference_ID">SUP-1</wd:ID>
        </wd:Supervisory_Organization>
        <wd:Hire_Date>2015-01-15-08:00</wd:Hire_Date>
      </wd:Report_Entry>
      <wd:Report_Entry>
        <wd:Employee_ID>21002</wd:Employee_ID>
        <wd:Full_Name>Bo Chen</wd:Full_Name>
        <wd:Manager wd:Descriptor="Ana Lopez">
          <wd:ID wd:type="WID">3aa5550b7fe348b98d7b5741afc65534</wd:ID>
          <wd:ID wd:type="Employee_ID">21001</wd:ID>
        </wd:Manager>
        <wd:Supervisory_Organization wd:Descriptor="Platform &amp; Tools"/>
        <wd:Hire_Date>2019-03-22-07:00</wd:Hire_Date>
      </wd:Report_Entry>
      <wd:Report_Entry>
        <wd:Employee_ID>21003</wd:Employee_ID>
        <wd:Full_Name>Cy Diaz</wd:Full_Name>
        <wd:Manager wd:Descriptor="Bo Chen">
          <wd:ID wd:type="Employee_ID">21002</wd:ID>
        </wd:Manager>
        <wd:Supervisory_Organization wd:Descriptor="Platform &amp; Tools"/>
        <wd:Hire_Date>2020-02-03-08:00</wd:Hire_Date>
        <wd:Termination_Date>2026-08-14-07:00</wd:Termination_Date>
      </wd:Report_Entry>
    </wd:Report_Data>
    """

    @Test("a Workday RaaS XML roster: descriptors, nested Employee_ID of the manager, zoned dates")
    func workday() throws {
        _ = try write("workers.xml", Self.workdayXML)
        let config = try load("organization: A\nperiod: 2026-Q3\nroster: {file: workers.xml, preset: workday}\n")
        let output = try ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 0)).readRoster(config)
        #expect(output.roster.people.map(\.id) == ["21001", "21002", "21003"])
        #expect(output.roster.person(id: "21002")?.managerID == "21001")
        #expect(output.roster.person(id: "21003")?.managerID == "21002")
        #expect(output.roster.person(id: "21002")?.team == "Platform & Tools")
        #expect(output.roster.person(id: "21003")?.endDate == CalendarDate(year: 2026, month: 8, day: 14))
        #expect(output.roster.person(id: "21001")?.name == "Ana Lopez")
        // The second entry starts on line 11 of the file.
        #expect(output.diagnostics.isEmpty)
        // Period 2026-Q3: 21003 leaves 2026-08-14, so 2 are employed at the end and 1 left.
        let summary = RosterSummary(output, period: config.period)
        #expect(summary.employedAtEnd == 2)
        #expect(summary.leavers == 1)
    }

    @Test("a Workday XML with a DOCTYPE is refused, naming the file")
    func doctype() throws {
        let hostile = Self.workdayXML.replacingOccurrences(
            of: "<?xml version='1.0' encoding='UTF-8'?>",
            with: "<?xml version='1.0'?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
        _ = try write("evil.xml", hostile)
        let config = try load("organization: A\nperiod: 2026-Q3\nroster: {file: evil.xml, preset: workday}\n")
        #expect {
            try ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 0)).readRoster(config)
        } throws: { error in
            "\(error)".contains("evil.xml") && "\(error)".contains("DOCTYPE")
        }
    }

    @Test("a roster without managers runs; org figures needing managers are absent, with the reason")
    func withoutManagers() async throws {
        var csv = "employee_id,team,department\n"
        for index in 1...12 { csv += "E\(index),Core,Engineering\n" }
        _ = try write("roster.csv", csv)
        let config = try load("organization: A\nperiod: 2026-Q3\nroster: roster.csv\n")
        let report = try await ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 0)).run(config)
        let run = try #require(report.analyzers.first { $0.descriptor.id == "org-structure" })
        #expect(run.status == .ok)
        let ids = Set(run.result.metrics.map(\.id))
        #expect(ids.contains("org.headcount"))
        #expect(!ids.contains("org.spanOfControl") && !ids.contains("org.layers") && !ids.contains("org.directReports"))
        #expect(report.dataQuality.diagnostics.contains { $0.message.contains("no 'manager_id' column") })
    }
}
