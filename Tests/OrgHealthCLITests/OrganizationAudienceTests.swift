import Foundation
import OrgHealthKit
import Testing

/// `--audience organization` on the synthetic organization (its roster is shaped like an HRIS
/// export: docs/INPUTS.md), with a previous quarter in history so trends and movers are there.
@Suite("CLI: the organization audience names no one")
struct OrganizationAudienceTests {
    /// Writes both quarters, records Q2, and reports Q3 for `audience` into `out`.
    static func report(audience: String, in folder: URL, out: String) throws -> URL {
        let history = folder.appendingPathComponent("history.sqlite").path
        for (period, steady) in [("2026-Q2", true), ("2026-Q3", false)] {
            let data = folder.appendingPathComponent(period)
            if !FileManager.default.fileExists(atPath: data.path) {
                let sample = try CLIRunner.run(["sample", "--employees", "120", "--period", period, "--out", data.path]
                    + (steady ? ["--steady"] : []))
                #expect(sample.status == 0, "\(sample.stderr)")
                if steady {
                    let q2 = try CLIRunner.run(["report", "--config", data.appendingPathComponent("orghealth.yml").path,
                                                "--history", history, "--format", "json", "--output", folder.appendingPathComponent("q2").path])
                    #expect(q2.status == 0, "\(q2.stderr)")
                }
            }
        }
        let output = folder.appendingPathComponent(out)
        let outcome = try CLIRunner.run([
            "report", "--config", folder.appendingPathComponent("2026-Q3/orghealth.yml").path, "--history", history,
            "--format", "html,xml,json,csv", "--audience", audience, "--output", output.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return output
    }

    /// Every name, e-mail and employee id in the roster the report was made from.
    static func rosterIdentities(_ folder: URL) throws -> [String] {
        var reader = try CSVReader(contentsOf: folder.appendingPathComponent("2026-Q3/roster.csv"))
        let records = try reader.readAll()
        let header = try #require(records.first).fields
        var identities: [String] = []
        for column in ["employee_id", "name", "email"] {
            let index = try #require(header.firstIndex(of: column), "the sample roster has no \(column) column")
            identities += records.dropFirst().map { $0[index] }.filter { !$0.isEmpty }
        }
        return Array(Set(identities))
    }

    @Test("no roster name, e-mail or employee id appears in any output file; the HR edition does have them")
    func sentinel() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = try Self.report(audience: "organization", in: folder, out: "organization")
        let hr = try Self.report(audience: "hr", in: folder, out: "hr")
        let identities = try Self.rosterIdentities(folder)
        #expect(identities.count > 240)  // 120 people (plus the planted duplicate) × id, name and e-mail
        let files = ["health-report.html", "health-report.xml", "health-report.json", "health-report.csv"]
        for file in files {
            let text = try String(contentsOf: shared.appendingPathComponent(file), encoding: .utf8)
            let leaked = identities.filter { text.contains($0) }
            #expect(leaked.isEmpty, "\(file) names \(leaked.prefix(5))")
            #expect(text.range(of: #"manager:[^\s]"#, options: .regularExpression) == nil, "\(file) has a manager scope")
        }
        // The sentinel is meaningful: the HR edition does name people.
        let hrHTML = try String(contentsOf: hr.appendingPathComponent("health-report.html"), encoding: .utf8)
        #expect(identities.contains { hrHTML.contains($0) })
        // The methodology says what was removed.
        let sharedHTML = try String(contentsOf: shared.appendingPathComponent("health-report.html"), encoding: .utf8)
        #expect(sharedHTML.contains("Audience: organization"))
        // The organization's own figures are the HR edition's: the health index line is identical.
        let sharedCSV = try String(contentsOf: shared.appendingPathComponent("health-report.csv"), encoding: .utf8)
        let hrCSV = try String(contentsOf: hr.appendingPathComponent("health-report.csv"), encoding: .utf8)
        let orgIndex = { (csv: String) in csv.split(separator: "\n").first { $0.hasPrefix("health-model,health.index,org,") } }
        #expect(orgIndex(sharedCSV) != nil)
        #expect(orgIndex(sharedCSV) == orgIndex(hrCSV))
    }
}
