import Foundation
import Testing
@testable import OrgHealthKit

@Suite("Roster managers, status and capped diagnostics")
struct RosterManagerTests {
    let period = try! ReportingPeriod(parsing: "2026-Q3")  // literal, cannot fail

    @Test("managerBy email: matched case-insensitively; an email shared by two people links no one")
    func byEmail() throws {
        let output = try RosterReader(options: RosterOptions(managerBy: .email)).read(csv: """
        employee_id,team,email,manager_email
        A,Core,Ana@Example.com,
        B,Core,bo@example.com,ana@example.COM
        C,Core,dup@example.com,ana@example.com
        D,Core,dup@example.com,bo@example.com
        E,Core,eve@example.com,DUP@example.com
        F,Core,fay@example.com,nobody@example.com
        """)
        #expect(output.roster.person(id: "B")?.managerID == "A")
        #expect(output.roster.person(id: "C")?.managerID == "A")
        #expect(output.roster.person(id: "D")?.managerID == "B")
        // E's manager email belongs to C and D: reported on E's line (6), never guessed.
        #expect(output.roster.person(id: "E")?.managerID == nil)
        #expect(output.diagnostics.contains { $0.line == 6 && $0.message.contains("matches 2 people") })
        #expect(output.diagnostics.contains { $0.line == 7 && $0.message.contains("matches no one") })
        // Linked: B, C, D; unlinked: E, F.
        #expect(output.facts.managersLinked == 3)
        #expect(output.facts.managersUnlinked == 2)
    }

    @Test("managerBy name: First Last or Last, First, spaces and case ignored; two Alex Kims link no one")
    func byName() throws {
        let output = try RosterReader(options: RosterOptions(managerBy: .name)).read(csv: """
        employee_id,team,first_name,last_name,manager_name
        1,Core,Ana,Lopez,
        2,Core,Bo,Chen,"Lopez,  Ana"
        3,Core,Alex,Kim,ana   LOPEZ
        4,Core,Alex,Kim,Bo Chen
        5,Core,Dee,Ray,Alex Kim
        """)
        #expect(output.roster.person(id: "2")?.managerID == "1")
        #expect(output.roster.person(id: "3")?.managerID == "1")
        #expect(output.roster.person(id: "4")?.managerID == "2")
        #expect(output.roster.person(id: "5")?.managerID == nil)
        #expect(output.roster.person(id: "2")?.name == "Bo Chen")
        #expect(output.diagnostics.contains { $0.line == 6 && $0.message.contains("'Alex Kim' matches 2 people (3, 4)") })
    }

    @Test("no manager column: the roster reads, says so, and org figures needing managers are marked absent")
    func noManagers() throws {
        let output = try RosterReader().read(csv: "employee_id,team\nA,Core\nB,Core\n")
        #expect(output.roster.people.count == 2)
        #expect(!output.roster.hasManagerInformation)
        #expect(output.diagnostics.contains { $0.message.contains("no 'manager_id' column") && $0.message.contains("span of control") })
    }

    @Test("status: terminated without an end date is reported, counted employed unless statusMeansLeft")
    func status() throws {
        // Personio's Status values: Active, Inactive, Onboarding, Leave (support.personio.de, article 115001324149).
        let csv = """
        employee_id,manager_id,team,hire_date,end_date,Status
        A,,Core,2020-01-01,,Active
        B,A,Core,2020-01-01,,Inactive
        C,A,Core,2020-01-01,2026-08-01,Inactive
        D,A,Core,2020-01-01,,Leave
        """
        let kept = try RosterReader(options: RosterOptions(status: "Status"), period: period).read(csv: csv)
        // B alone says it left without an end date (C has one; Leave is not leaving).
        #expect(kept.facts.leftWithoutEndDate == 1)
        #expect(kept.diagnostics.contains { $0.line == 3 && $0.message.contains("status says they left") })
        #expect(kept.diagnostics.contains { $0.message.contains("1 person's status") && $0.message.contains("counted as employed") })
        // Employed at the end: A, B, D (C left 2026-08-01).
        #expect(kept.roster.headcount(of: .org, on: period.end) == 3)

        let left = try RosterReader(options: RosterOptions(status: "Status", statusMeansLeft: true), period: period).read(csv: csv)
        // B now leaves on 2026-07-01: employed at the end are A and D; leavers in the period B and C.
        #expect(left.roster.headcount(of: .org, on: period.end) == 2)
        #expect(RosterSummary(left, period: period).leavers == 2)
    }

    @Test("a named status column that is missing is an error naming it")
    func missingStatus() {
        #expect {
            try RosterReader(options: RosterOptions(status: "Lifecycle")).read(csv: "employee_id,team\nA,Core\n")
        } throws: { error in "\(error)".contains("'Lifecycle'") && "\(error)".contains("roster.status") }
    }

    @Test("diagnostics are capped: the first 20 of a kind by line, then one count")
    func capped() throws {
        var csv = "employee_id,manager_id,team\nTOP,,Core\n"
        for index in 1...25 { csv += "P\(index),TOP,\n" }  // 25 rows without a team, lines 3–27
        let output = try RosterReader().read(csv: csv)
        let noTeam = output.diagnostics.filter { $0.message.contains("has no team") }
        #expect(noTeam.count == 20)
        #expect(noTeam.first?.line == 3)
        #expect(noTeam.last?.line == 22)
        #expect(output.diagnostics.contains { $0.message.hasPrefix("25 rows without a team were skipped in all") })
    }

    @Test("the collector keeps 20 per kind, sorts by line on request and counts the rest")
    func collector() {
        var log = DiagnosticCollector(source: "x.csv")
        for line in (1...30).reversed() { log.note("a", line: line, message: "a\(line)", summary: "a things") }
        log.note("b", severity: .error, line: 5, message: "b5", summary: "b things")
        let sorted = log.diagnostics(byLine: true)
        // 20 of a (lines 30…11) and b: by line, b5 first, then a11…a30, then the count for a.
        #expect(sorted.count == 22)
        #expect(sorted.first?.message == "b5")
        #expect(sorted[1].message == "a11")
        #expect(sorted.last?.message == "30 a things in all; only the first 20 are listed by line")
        #expect(log.count(of: "a") == 30)
    }
}
