import Foundation
import OrgHealthEngine
import OrgHealthKit

/// Small organizations for rendering tests, run through the real pipeline.
enum ReportFixtures {
    /// Team and person names that try to break out of HTML and XML.
    static let hostileTeam = #"<script>document.title='pwned'</script> & "Ops""#
    static let hostileName = #"Zoë "Z" O'Neil <img src=x onerror=alert(1)>"#
    static let hostileDepartment = "R&D <Labs> \u{0001}"

    /// A temporary folder, removed by the caller.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A roster of about 40 people with hostile names, written as CSV (fields quoted).
    static func rosterCSV() -> String {
        func quote(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var lines = ["employee_id,name,manager_id,team,department,hire_date,end_date"]
        lines.append("E001,Chief,,Leadership,Leadership,2015-01-01,")
        let teams = [("Platform", "Engineering"), ("Web", "Engineering"), (hostileTeam, hostileDepartment), ("Tiny", hostileDepartment)]
        var next = 2
        for (index, team) in teams.enumerated() {
            let manager = String(format: "E%03d", next)
            next += 1
            lines.append("\(manager),\(quote(index == 2 ? hostileName : "Manager \(index)")),E001,\(quote(team.0)),\(quote(team.1)),2018-01-01,")
            let size = team.0 == "Tiny" ? 2 : 8 + index
            for member in 0..<size {
                let id = String(format: "E%03d", next)
                next += 1
                let end = member == 0 && index == 1 ? "2026-08-01" : ""
                lines.append("\(id),Person \(id),\(manager),\(quote(team.0)),\(quote(team.1)),2020-01-01,\(end)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the built-in pipeline on the hostile roster with a fixed clock.
    static func hostileReport() async throws -> HealthReport {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.csv")
        try rosterCSV().write(to: roster, atomically: true, encoding: .utf8)
        let configuration = Configuration(
            organization: #"Acme & <Sons> "Ltd""#, period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster)
        return try await ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 1_790_000_000))
            .run(configuration)
    }
}
