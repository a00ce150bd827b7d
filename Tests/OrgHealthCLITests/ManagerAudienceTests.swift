import Foundation
import OrgHealthKit
import Testing

/// `--audience managers` on the synthetic organization: one edition per manager whose line
/// reaches the minimum group size (5 by default), and an index for HR.
@Suite("CLI: each manager's report names no other manager")
struct ManagerAudienceTests {
    @Test("every manager's report leaves out every other manager's name and e-mail; the index says who got none and why")
    func sentinel() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try OrganizationAudienceTests.report(audience: "managers", in: folder, out: "managers-run")
        let managersFolder = out.appendingPathComponent("managers")

        var reader = try CSVReader(contentsOf: folder.appendingPathComponent("2026-Q3/roster.csv"))
        let records = try reader.readAll()
        let header = try #require(records.first).fields
        let id = try #require(header.firstIndex(of: "employee_id"))
        let name = try #require(header.firstIndex(of: "name"))
        let email = try #require(header.firstIndex(of: "email"))
        let manager = try #require(header.firstIndex(of: "manager_id"))
        let managerIDs = Set(records.dropFirst().map { $0[manager] }.filter { !$0.isEmpty })
        var identities: [String: [String]] = [:]
        for record in records.dropFirst() where managerIDs.contains(record[id]) {
            identities[record[id], default: []] += [record[name], record[email]].filter { !$0.isEmpty }
        }

        let index = try String(contentsOf: managersFolder.appendingPathComponent("index.html"), encoding: .utf8)
        let folders = try FileManager.default.contentsOfDirectory(atPath: managersFolder.path).filter { $0 != "index.html" }
        #expect(folders.count >= 5, "only \(folders.count) manager reports")
        #expect(index.contains("under the minimum group size of 5"), "the index does not say why some managers got none")
        var withLine = 0
        for managerFolder in folders {
            #expect(index.contains("href=\"\(managerFolder)/health-report.html\""))
            // Their own whole line (`line:<id>`) may be there; nobody else's.
            let xml = try String(contentsOf: managersFolder.appendingPathComponent("\(managerFolder)/health-report.xml"), encoding: .utf8)
            let lines = Set(xml.components(separatedBy: "scope=\"line:").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
            #expect(lines.isSubset(of: [managerFolder]), "managers/\(managerFolder) holds \(lines.sorted())")
            if xml.contains("<metric id=\"org.headcount\" scope=\"line:\(managerFolder)\" value=") { withLine += 1 }
            for file in ["health-report.html", "health-report.xml"] {
                let text = try String(contentsOf: managersFolder.appendingPathComponent("\(managerFolder)/\(file)"), encoding: .utf8)
                for (other, names) in identities where other != managerFolder {
                    let leaked = names.filter { text.contains($0) }
                    #expect(leaked.isEmpty, "managers/\(managerFolder)/\(file) names \(other): \(leaked)")
                }
            }
        }
        // In the 120-person sample the CEO and every VP have indirect reports and a line of 5 or
        // more: at least those editions show the line's headcount as one figure.
        #expect(withLine >= 2, "only \(withLine) editions show their line's headcount")
        // The sample's survey export names teams only: the edition says why lines have no survey figures.
        let someEdition = try String(contentsOf: managersFolder.appendingPathComponent("\(folders[0])/health-report.html"), encoding: .utf8)
        #expect(someEdition.contains("The culture survey gives no figures for a line"))
    }
}
