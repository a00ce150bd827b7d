import Testing
import OrgHealthKit
@testable import OrgStructureAnalyzer

/// A hand-checked organization for 2026-Q3 (2026-07-01 … 2026-09-30):
/// CEO → M1 (Platform, 13 reports), M2 (Sales, 2 reports), M3 (Web, 5 reports of whom W5 left
/// on 2026-08-15). P12 was hired 2026-07-02, P13 on 2026-07-03 (the first day of the last 90),
/// W4 on 2026-09-01. X1 joins after the period, L1 left before it.
private let rosterCSV: String = {
    var lines = ["employee_id,manager_id,team,department,hire_date,end_date",
                 "CEO,,Exec,Leadership,2015-01-01,",
                 "M1,CEO,Platform,Engineering,2018-01-01,",
                 "M2,CEO,Sales,Revenue,2018-01-01,",
                 "M3,CEO,Web,Engineering,2018-01-01,"]
    for index in 1...11 { lines.append("P\(index),M1,Platform,Engineering,2020-01-01,") }
    lines.append("P12,M1,Platform,Engineering,2026-07-02,")
    lines.append("P13,M1,Platform,Engineering,2026-07-03,")
    lines += ["S1,M2,Sales,Revenue,2020-01-01,", "S2,M2,Sales,Revenue,2020-01-01,",
              "W1,M3,Web,Engineering,2020-01-01,", "W2,M3,Web,Engineering,2020-01-01,",
              "W3,M3,Web,Engineering,2020-01-01,", "W4,M3,Web,Engineering,2026-09-01,",
              "W5,M3,Web,Engineering,2020-01-01,2026-08-15",
              "X1,M1,Platform,Engineering,2026-10-05,", "L1,M2,Sales,Revenue,2019-01-01,2026-06-01"]
    return lines.joined(separator: "\n") + "\n"
}()

@Suite("Org-structure analyzer")
struct OrgStructureAnalyzerTests {
    func analyze(_ csv: String = rosterCSV) async throws -> AnalyzerResult {
        let roster = try RosterReader().read(csv: csv).roster
        let context = AnalysisContext(organization: "Fixture", period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster)
        return try await OrgStructureAnalyzer().analyze(context)
    }

    func value(_ result: AnalyzerResult, _ id: String, _ scope: Scope = .org) -> Double? {
        result.metrics.first { $0.id == id && $0.scope == scope }?.value
    }

    @Test("org.* metrics match the hand-worked figures")
    func orgMetrics() async throws {
        let result = try await analyze()
        // Employed on 2026-09-30: CEO, M1–M3, P1–P13, S1–S2, W1–W4 = 4 + 13 + 2 + 4.
        #expect(value(result, "org.headcount") == 23)
        // Managers' spans 2 (M2), 3 (CEO), 4 (M3), 13 (M1): median (3 + 4) / 2.
        #expect(value(result, "org.spanOfControl") == 3.5)
        #expect(value(result, "org.narrowSpanRate") == 0.25)
        #expect(value(result, "org.wideSpanRate") == 0.25)
        #expect(value(result, "org.layers") == 3)
        // Hired from 2026-07-03 (90 days up to and including 2026-09-30): P13 and W4.
        #expect(value(result, "org.newHireRate") == 2.0 / 23.0)
        // One leaver (W5) over the average of 21 employed on 2026-07-01 and 23 on 2026-09-30.
        #expect(value(result, "org.attritionRate") == 1.0 / 22.0)
        #expect(result.metrics.first { $0.id == "org.spanOfControl" && $0.scope == .org }?.n == 4)
    }

    @Test("department and manager scopes")
    func scopes() async throws {
        let result = try await analyze()
        let engineering = Scope.department("Engineering")
        #expect(value(result, "org.headcount", engineering) == 19)
        #expect(value(result, "org.spanOfControl", engineering) == 8.5)
        #expect(value(result, "org.wideSpanRate", engineering) == 0.5)
        #expect(value(result, "org.headcount", .team("Web")) == 5)
        #expect(value(result, "org.directReports", .manager("M1")) == 13)
        #expect(value(result, "org.directReports", .manager("M3")) == 4)
    }

    @Test("the department tables show the organization's and each department's figures")
    func departmentTables() async throws {
        let result = try await analyze()
        let tables = result.sections.flatMap(\.blocks).compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 2)
        func row(_ table: ReportTable?, _ label: String) -> [String] {
            table?.rows.first { $0.cells.first == label }?.cells ?? []
        }
        let people = tables.first, spans = tables.last
        // By hand (the fixture above): new hires P13 and W4; W5 left. Organization: 2/23 = 8.7%,
        // 1 / ((21 + 23) / 2) = 4.5%. Engineering: 19 at the end, 17 at the start (M1, M3,
        // P1–P11, W1–W3, W5): 2/19 = 10.5%, 1/18 = 5.6%.
        #expect(row(people, "Whole organization") == ["Whole organization", "23", "3", "9%", "5%"])
        // Engineering's deepest people (P1–P13, W1–W5) are on the third layer, below the CEO and M1 or M3.
        #expect(row(people, "Engineering") == ["Engineering", "19", "3", "11%", "6%"])
        #expect(row(people, "Revenue").prefix(2) == ["Revenue", "3"])
        // Spans: CEO 3, M1 13, M2 2, M3 4 (median 3.5; M2 narrow, M1 wide); Engineering M1 and M3.
        #expect(row(spans, "Whole organization") == ["Whole organization", "4", "3.5", "25%", "25%"])
        #expect(row(spans, "Engineering") == ["Engineering", "2", "8.5", "0%", "50%"])
    }

    @Test("span of control feeds execution: 100 × share of managers within bounds")
    func signal() async throws {
        let result = try await analyze()
        let org = result.signals.first { $0.scope == .org }
        #expect(org?.dimension == .execution)
        #expect(org?.score == 50)
        #expect(org?.n == 4)
        #expect(!result.signals.contains { $0.scope.kind == .team })
    }

    @Test("findings: a wide span per manager, narrow spans, people without a manager")
    func findings() async throws {
        let result = try await analyze()
        let wide = result.findings.first { $0.id == "org-structure.wide-span.M1" }
        #expect(wide?.severity == .warning)
        #expect(wide?.scope == .manager("M1"))
        #expect(wide?.evidence == ["org.directReports"])
        #expect(result.findings.first { $0.id == "org-structure.narrow-spans" }?.severity == .info)
        #expect(!result.findings.contains { $0.id == "org-structure.without-manager" })

        let orphaned = try await analyze(rosterCSV + "O1,GHOST,Sales,Revenue,2020-01-01,\n")
        let finding = orphaned.findings.first { $0.id == "org-structure.without-manager" }
        #expect(finding?.title == "1 person has no manager in the roster")
        #expect(finding?.detail.contains("O1") == true)
    }

    @Test("bounds are configurable and checked")
    func bounds() async throws {
        let roster = try RosterReader().read(csv: rosterCSV).roster
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let context = AnalysisContext(organization: "F", period: period, roster: roster,
                                      options: AnalyzerOptions(["wideSpanAbove": .number(15)]))
        let result = try await OrgStructureAnalyzer().analyze(context)
        #expect(value(result, "org.wideSpanRate") == 0)
        let broken = AnalysisContext(organization: "F", period: period, roster: roster,
                                     options: AnalyzerOptions(["narrowSpanBelow": .string("three")]))
        await #expect(throws: AnalyzerError.self) { try await OrgStructureAnalyzer().analyze(broken) }
    }
}
