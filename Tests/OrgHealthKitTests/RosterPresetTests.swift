import Foundation
import Testing
@testable import OrgHealthKit

/// One small export per HR system, with the headers its documentation names (docs/INPUTS.md
/// cites each source). The expected links and dates are read off the fixture by hand.
@Suite("Roster presets")
struct RosterPresetTests {
    let period = try! ReportingPeriod(parsing: "2026-Q3")  // literal, cannot fail

    func read(_ csv: String, _ preset: RosterPreset, mapping: [String: String] = [:]) throws -> RosterReader.Output {
        try RosterReader(columnMapping: mapping, options: RosterOptions(preset: preset), period: period).read(csv: csv)
    }

    @Test("Workday: Active_Status is a 1/0 flag — 0 says the worker left, like a Terminated status")
    func workdayActiveFlag() throws {
        // Workday report-as-a-service worker fields (docs/INPUTS.md cites them): Employee_ID,
        // Full_Name, Manager_ID, Team_Name, Hire_Date, Termination_Date, and the boolean
        // Active_Status (1 active, 0 not). W4 is 0 with no Termination_Date.
        let csv = """
        Employee_ID,Full_Name,Manager_ID,Team_Name,Department,Hire_Date,Termination_Date,Active_Status
        W1,Ana Lima,,Leadership,Executive,2019-03-01,,1
        W2,Ben Ode,W1,Platform,Engineering,2020-05-11,,1
        W3,Cy Tan,W2,Platform,Engineering,2021-01-04,,1
        W4,Di Ruiz,W2,Platform,Engineering,2021-06-01,,0
        """
        let output = try read(csv, .workday)
        // One status says left without an end date: reported, and employed unless statusMeansLeft.
        #expect(output.facts.leftWithoutEndDate == 1)
        let left = try RosterReader(options: RosterOptions(preset: .workday, statusMeansLeft: true), period: period).read(csv: csv)
        // 4 people, W4 counted as a leaver on the period's first day: 3 employed at its end.
        #expect(left.roster.headcount(of: .org, on: period.end) == 3)
        // A column not named "active" keeps its words: a Status of 0 says nothing.
        let plain = try RosterReader(options: RosterOptions(status: "Code"), period: period).read(csv: """
        employee_id,team,Code
        A,T,0
        """)
        #expect(plain.facts.leftWithoutEndDate == 0)
    }

    @Test("BambooHR: Employee #, Supervisor by name, Department as team and Division above it, US dates")
    func bamboohr() throws {
        // Field names as in BambooHR's field list (employeeNumber → "Employee #", supervisor,
        // hireDate, terminationDate, workEmail, division, status) shown with their display names.
        let output = try read("""
        Employee #,First Name,Last Name,Work Email,Department,Division,Supervisor,Hire Date,Termination Date,Status
        100,Ana,Lopez,ana@acme.com,Leadership,Corporate,,01/15/2015,,Active
        101,Bo,Chen,bo@acme.com,Engineering,Product,"Lopez, Ana",03/22/2019,,Active
        102,Cy,Diaz,cy@acme.com,Engineering,Product,Bo Chen,07/01/2026,,Active
        103,Di,Eto,di@acme.com,Engineering,Product,Bo Chen,02/10/2018,08/14/2026,Inactive
        """, .bamboohr)
        #expect(output.roster.people.count == 4)
        #expect(output.roster.person(id: "101")?.managerID == "100")
        #expect(output.roster.person(id: "102")?.managerID == "101")
        #expect(output.roster.department(ofTeam: "Engineering") == "Product")
        // 03/22/2019 and 08/14/2026 have days above 12: month first.
        #expect(output.facts.dateFormat?.pattern == "M/d/yyyy")
        #expect(output.roster.person(id: "103")?.endDate == CalendarDate(year: 2026, month: 8, day: 14))
        #expect(output.facts.leftWithoutEndDate == 0)
        #expect(output.roster.person(id: "101")?.name == "Bo Chen")
    }

    @Test("HiBob: Employee ID, Reports to by name, Lifecycle status, day-first dates")
    func hibob() throws {
        // bob's people fields: Employee ID, Display name, Email, Reports to, Department, Site,
        // Start date, Termination date; lifecycle statuses Hired, Employed, Garden leave, Terminated.
        let output = try read("""
        Employee ID,Display name,Email,Reports to,Department,Site,Start date,Termination date,Lifecycle status
        E1,Ana Lopez,ana@acme.com,,Leadership,London,15/01/2015,,Employed
        E2,Bo Chen,bo@acme.com,Ana Lopez,Engineering,London,22/03/2019,,Employed
        E3,Cy Diaz,cy@acme.com,Bo Chen,Engineering,Berlin,01/07/2026,,Hired
        E4,Di Eto,di@acme.com,Bo Chen,Engineering,Berlin,10/02/2018,,Terminated
        """, .hibob)
        #expect(output.roster.person(id: "E3")?.managerID == "E2")
        #expect(output.facts.dateFormat?.pattern == "d/M/yyyy")
        #expect(output.roster.person(id: "E3")?.hireDate == CalendarDate(year: 2026, month: 7, day: 1))
        // E4 is Terminated with no termination date: reported and (without statusMeansLeft) employed.
        #expect(output.facts.leftWithoutEndDate == 1)
        #expect(output.roster.person(id: "E2")?.location == "London")
    }

    @Test("Personio: ID, Supervisor by name, Team and Department, German dates")
    func personio() throws {
        // Personio preset attributes: First name, Last name, Email, Status, Supervisor,
        // Department, Team, Office, Hire date, Termination date.
        let output = try read("""
        ID,First name,Last name,Email,Status,Supervisor,Department,Team,Office,Hire date,Termination date
        1,Ana,Lopez,ana@acme.de,Active,,Leadership,Board,Munich,15.01.2015,
        2,Bo,Chen,bo@acme.de,Active,Ana Lopez,Engineering,Platform,Munich,22.03.2019,
        3,Cy,Diaz,cy@acme.de,Inactive,Bo Chen,Engineering,Platform,Madrid,01.07.2020,31.07.2026
        """, .personio)
        #expect(output.roster.person(id: "3")?.managerID == "2")
        #expect(output.roster.department(ofTeam: "Platform") == "Engineering")
        #expect(output.facts.dateFormat?.pattern == "d.M.yyyy")
        #expect(output.roster.person(id: "3")?.endDate == CalendarDate(year: 2026, month: 7, day: 31))
        #expect(RosterSummary(output, period: period).leavers == 1)
    }

    @Test("Rippling: Work email as id, Manager - Work email, Employment status")
    func rippling() throws {
        // Rippling report variables: Employee name, Work email, Manager - Work email,
        // Department, Start date, Employment status (Active, Terminated, Hired, Accepted).
        let output = try read("""
        Employee name,Work email,Manager - Work email,Department,Start date,Employment status
        Ana Lopez,ana@acme.com,,Leadership,01/15/2015,Active
        Bo Chen,bo@acme.com,ANA@acme.com,Engineering,03/22/2019,Active
        Cy Diaz,cy@acme.com,bo@acme.com,Engineering,07/01/2026,Hired
        """, .rippling)
        #expect(output.facts.managerBy == .email)
        #expect(output.roster.person(id: "bo@acme.com")?.managerID == "ana@acme.com")
        #expect(output.roster.person(id: "cy@acme.com")?.managerID == "bo@acme.com")
        #expect(output.facts.managersLinked == 2)
    }

    @Test("explicit columns.roster entries win over the preset")
    func explicitWins() throws {
        let output = try read("""
        Employee #,Badge,Department,Supervisor
        100,B-1,Core,
        101,B-2,Core,B-1
        """, .bamboohr, mapping: ["employee_id": "Badge", "manager_name": "Supervisor"])
        // Badge is the id now; the supervisor "B-1" is matched by name against... no names: unlinked.
        #expect(output.roster.person(id: "B-1") != nil)
        #expect(output.roster.person(id: "100") == nil)
    }

    @Test("a required column the preset cannot find names the headers it looked for")
    func presetMissing() {
        #expect {
            try read("Name,Department\nAna,Core\n", .personio)
        } throws: { error in "\(error)".contains("personio preset looks for 'ID', 'Employee ID'") }
    }
}
