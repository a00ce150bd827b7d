import OrgHealthKit
import Testing

@Suite("Roster: every missing column at once")
struct RosterMissingColumnsTests {
    /// An export without the two required columns, id and team (the manager is optional since
    /// rosters without manager information are read): both are named in one message.
    @Test func everyMissingColumnIsListed() {
        let csv = "name,department,manager_id\nAda,Platform,\n"
        do {
            _ = try RosterReader().read(csv: csv, source: "roster.csv")
            Issue.record("expected a RosterError")
        } catch {
            #expect(error.message.contains("'employee_id', 'team'"))
            #expect(error.message.contains("columns.roster.employee_id, columns.roster.team"))
            #expect(error.message.hasPrefix("roster.csv:1:"))
        }
    }
}
