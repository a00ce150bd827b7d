import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthRendering
import Testing

/// The HTML's fixed budget (issue 16, docs/OUTPUTS.md "The page's budget").
/// Here, not in the renderer tests, because the large report comes through the real pipeline.
@Suite("HTML budget")
struct HTMLBudgetTests {
    /// 1,500 teams of 5 in two departments of 750 teams, through the real pipeline.
    /// Team T0000 also holds the chief E00000, whom every team lead reports to.
    static func largeReport() async throws -> HealthReport {
        let folder = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = ["employee_id,manager_id,team,department", "E00000,,T0000,D1"]
        var next = 1
        for team in 0..<1_500 {
            let name = String(format: "T%04d", team), department = team < 750 ? "D1" : "D2"
            let lead = String(format: "E%05d", next)
            for member in 0..<5 {
                lines.append("\(String(format: "E%05d", next)),\(member == 0 ? "E00000" : lead),\(name),\(department)")
                next += 1
            }
        }
        let roster = folder.appendingPathComponent("roster.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: roster, atomically: true, encoding: .utf8)
        let configuration = Configuration(organization: "Large", period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster)
        return try await ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 1_790_000_000)).run(configuration)
    }

    @Test("past 1,000 teams the heatmap shows the first teams of each department and says where the rest are")
    func heatmapBudget() async throws {
        let report = try await Self.largeReport()
        #expect(report.scopes.filter { $0.scope.kind == .team }.count == 1_500)
        let html = String(decoding: try HTMLRenderer().render(report), as: UTF8.self)
        let start = try #require(html.range(of: #"<section id="heatmap""#))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let heatmap = String(html[start.lowerBound..<end.upperBound])
        // By hand: 1,500 teams > 1,000, two departments: 1,000 / 2 = 500 team rows each, the
        // other 750 − 500 = 250 of each named in a sentence.
        let teamRows = heatmap.components(separatedBy: #"<th scope="row">T"#).count - 1
        #expect(teamRows == 1_000)
        #expect(heatmap.contains("Showing 500 of 750 teams of D1 (in the order above) to keep this page readable; "
            + "the other 250 are in the XML report (scope elements of kind team) and the CSV."))
        #expect(heatmap.contains("Showing 500 of 750 teams of D2"))
        #expect(heatmap.contains("(1500 teams in all; the page has a fixed budget)"))
        // The summary of each group still counts every team.
        #expect(heatmap.contains("D1 — 750 teams"))
    }
}
