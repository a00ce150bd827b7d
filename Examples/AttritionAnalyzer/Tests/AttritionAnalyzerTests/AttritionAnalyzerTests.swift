import Foundation
import OrgHealthKit
import Testing
@testable import AttritionAnalyzer

/// 2026-Q3 (92 days). Core: M1 and C1–C10, of whom C9 and C10 leave regretted in the period;
/// Web: M2 and W1–W6, of whom W6 leaves, not regretted. X1 left before the period.
private let roster: String = {
    var lines = ["employee_id,manager_id,team,department,hire_date,end_date",
                 "M0,,Exec,Leadership,2015-01-01,",
                 "M1,M0,Core,Engineering,2018-01-01,",
                 "M2,M0,Web,Engineering,2018-01-01,"]
    for index in 1...8 { lines.append("C\(index),M1,Core,Engineering,2020-01-01,") }
    lines += ["C9,M1,Core,Engineering,2020-01-01,2026-07-15", "C10,M1,Core,Engineering,2020-01-01,2026-08-20",
              "X1,M1,Core,Engineering,2019-01-01,2026-05-01"]
    for index in 1...5 { lines.append("W\(index),M2,Web,Engineering,2020-01-01,") }
    lines.append("W6,M2,Web,Engineering,2020-01-01,2026-09-10")
    return lines.joined(separator: "\n") + "\n"
}()

private let exitsLog = """
employee_id,exit_date,reason,regretted
C9,2026-07-15,Career opportunity,yes
C10,2026-08-20,Workload,Yes
W6,2026-09-10,Relocation,no
X1,2026-05-01,Compensation,yes
Z9,2026-08-01,Personal,no
C1,2026-13-01,Personal,no
C2,2026-08-02,Personal,maybe

"""

@Suite("Attrition analyzer")
struct AttritionAnalyzerTests {
    func analyze(_ log: String = exitsLog, options: AnalyzerOptions = AnalyzerOptions()) async throws -> AnalyzerResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("exits-\(UUID().uuidString).csv")
        try log.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let context = AnalysisContext(
            organization: "Fixture", period: try ReportingPeriod(parsing: "2026-Q3"),
            roster: try RosterReader().read(csv: roster).roster, inputs: ["exits": [file]], options: options)
        return try await AttritionAnalyzer().analyze(context)
    }

    func value(_ result: AnalyzerResult, _ id: String, _ scope: Scope) -> Double? {
        result.metrics.first { $0.id == id && $0.scope == scope }?.value
    }

    @Test("regretted attrition per team, department, manager and org, as worked out by hand")
    func figures() async throws {
        let result = try await analyze()
        // Core: 11 active; 11 at the start, 9 at the end (mean 10); 2 regretted.
        #expect(value(result, "exits.regrettedRate", .team("Core")) == 0.2)
        #expect(value(result, "exits.regrettedAnnualized", .team("Core")) == 0.2 * 365 / 92)
        #expect(result.metrics.first { $0.id == "exits.regrettedRate" && $0.scope == .team("Core") }?.n == 11)
        // Web: 7 at the start, 6 at the end; one leaver, not regretted.
        #expect(value(result, "exits.leavers", .team("Web")) == 1)
        #expect(value(result, "exits.regrettedRate", .team("Web")) == 0)
        #expect(value(result, "exits.regrettedShare", .team("Web")) == 0)
        // Engineering: 18 at the start, 15 at the end.
        #expect(value(result, "exits.regrettedRate", .department("Engineering")) == 2 / 16.5)
        // M1's direct reports: C1–C10, 10 at the start and 8 at the end.
        #expect(value(result, "exits.regrettedRate", .manager("M1")) == 2 / 9.0)
        // The org: 19 at the start, 16 at the end.
        #expect(value(result, "exits.leavers", .org) == 3)
        #expect(value(result, "exits.regrettedRate", .org) == 2 / 17.5)
        #expect(value(result, "exits.regrettedShare", .org) == 2 / 3.0)
    }

    @Test("signals feed leadership and, at half weight, well-being")
    func signals() async throws {
        let result = try await analyze()
        let core = result.signals.filter { $0.scope == .team("Core") }
        #expect(core.map(\.dimension) == [.leadership, .wellbeing])
        #expect(core.map(\.score) == [0, 0])
        #expect(core.map(\.weight) == [1, 0.5])
        #expect(result.signals.first { $0.scope == .team("Web") }?.score == 100)

        let lenient = try await analyze(options: AnalyzerOptions(["zeroScoreAnnualRate": .number(1)]))
        let org = try #require(lenient.signals.first { $0.scope == .org && $0.dimension == .leadership }?.score)
        #expect(abs(org - 100 * (1 - 2 / 17.5 * 365 / 92)) < 1e-9)
    }

    @Test("a finding for Core, a section whose rows the privacy gate can withhold, diagnostics for bad rows")
    func reportContent() async throws {
        let result = try await analyze()
        #expect(result.findings.map(\.id) == ["exits.regretted.core"])
        #expect(result.findings.first?.evidence == ["exits.regrettedAnnualized"])
        let section = try #require(result.sections.first)
        #expect(section.blocks.first == .text("3 people left in the period, 2 of them regretted: 45% regretted attrition a year at this pace."))
        guard case .table(let teams) = section.blocks[1] else { Issue.record("no team table"); return }
        #expect(teams.rows.map { $0.cells[0] } == ["Core", "Exec", "Web"])
        #expect(teams.rows.allSatisfy { $0.ref?.n != nil })
        #expect(result.diagnostics.map(\.line) == [6, 7, 8])
        #expect(result.diagnostics[0].message.contains("Z9 is not in the roster"))
    }

    @Test("a log without a regretted column is refused with the file, the line and the fix")
    func missingColumn() async throws {
        await #expect {
            _ = try await analyze("employee_id,exit_date,reason\nC9,2026-07-15,Workload\n")
        } throws: { error in
            "\(error)".contains(":1: the exits log has no column 'regretted'")
        }
    }

    @Test("the executable answers describe through the SDK entry point")
    func describe() async throws {
        let outcome = await AnalyzerMain.respond(AttritionAnalyzer(), arguments: ["describe"]) { Data() }
        #expect(outcome.status == 0)
        let response = try JSONDecoder().decode(DescribeResponse.self, from: outcome.standardOutput)
        #expect(response.protocolVersion == ExternalProtocol.version)
        #expect(response.descriptor.inputs.map(\.kind) == ["exits"])
        #expect(response.descriptor.dimensions == [.leadership, .wellbeing])
    }
}
