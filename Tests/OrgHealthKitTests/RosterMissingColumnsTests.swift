import OrgHealthKit
import Testing

@Suite("Roster: every missing column at once")
struct RosterMissingColumnsTests {
    /// A Workday-style export without manager and team columns (header shape as in the
    /// sample's roster.csv, two required columns dropped): both are named in one message.
    @Test func everyMissingColumnIsListed() {
        let csv = "employee_id,name,department\nE1,Ada,Platform\n"
        do {
            _ = try RosterReader().read(csv: csv, source: "roster.csv")
            Issue.record("expected a RosterError")
        } catch {
            #expect(error.message.contains("'manager_id', 'team'"))
            #expect(error.message.contains("columns.roster.manager_id, columns.roster.team"))
            #expect(error.message.hasPrefix("roster.csv:1:"))
        }
    }
}
