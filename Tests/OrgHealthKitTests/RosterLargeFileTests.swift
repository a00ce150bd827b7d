import Foundation
import Testing
@testable import OrgHealthKit

/// A roster file large enough that the reader estimates its size from the first rows and makes
/// room for the rest (issue 16), read from disk as the tool reads it. The estimate must only
/// make room: a file whose first rows are long and later rows short (so the estimate is far
/// too low) and one whose first rows are short (far too high) must read every person, every
/// manager link and every problem exactly as the rows say. Expected values come from the rows
/// as written here, not from the reader.
@Suite("Roster: a large file read from disk")
struct RosterLargeFileTests {
    /// Rows of `teams` teams of ten, each led by its first member, who reports to E0; every
    /// team after the first is listed together. `longFirst` pads the names of the first
    /// 5,000 rows; otherwise the names of the rows after them are padded.
    private static func rows(teams: Int, longFirst: Bool) -> [String] {
        var rows = ["employee_id,manager_id,team,name"]
        for team in 0..<teams {
            for member in 0..<10 {
                let number = team * 10 + member
                let manager = member == 0 ? (team == 0 ? "" : "E0") : "E\(team * 10)"
                let padded = (number < 5_000) == longFirst
                let name = "Person \(number)" + (padded ? String(repeating: "x", count: 60) : "")
                rows.append("E\(number),\(manager),T\(team),\(name)")
            }
        }
        return rows
    }

    private static func write(_ rows: [String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("roster.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("estimates too low and too high: every person, manager and name as written", arguments: [true, false])
    func everyoneRead(longFirst: Bool) throws {
        let url = try Self.write(Self.rows(teams: 2_000, longFirst: longFirst))
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let output = try RosterReader().read(url)
        let roster = output.roster
        #expect(output.rowsRead == 20_000)
        #expect(output.diagnostics.filter { $0.severity != .info }.isEmpty)
        #expect(roster.people.count == 20_000)
        #expect(roster.teams.count == 2_000)
        // Spot checks across the estimate (row 4,096) and the padding's change (row 5,000).
        for number in [0, 1, 9, 10, 4_095, 4_096, 4_097, 4_999, 5_000, 12_345, 19_999] {
            let person = try #require(roster.person(id: "E\(number)"))
            let team = number / 10, member = number % 10
            let manager: String? = member == 0 ? (team == 0 ? nil : "E0") : "E\(team * 10)"
            #expect(person.managerID == manager, "E\(number)")
            #expect(person.team == "T\(team)")
            #expect(person.name?.hasPrefix("Person \(number)") == true)
        }
        // E0 leads the other 1,999 team leads and their own team's 9.
        #expect(roster.directReports(of: "E0").count == 1_999 + 9)
        #expect(roster.directReports(of: "E12340").count == 9)
    }

    @Test("a repeated id past the estimate and runs of one unknown manager: each reported, as sequential reading reports them")
    func problemsAfterTheEstimate() throws {
        var rows = Self.rows(teams: 1_000, longFirst: false)
        // Row 7,001 (line 7,002) repeats E3; the three people after it report to an unknown
        // E99999, one after the other (the manager look-up is remembered from row to row).
        rows.append("E3,E0,T0,Again")
        for extra in 0..<3 { rows.append("X\(extra),E99999,T999,Unknown manager \(extra)") }
        let url = try Self.write(rows)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let output = try RosterReader().read(url)
        #expect(output.roster.people.count == 10_003)
        let messages = output.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("employee_id E3 appears again (first on line 5)") })
        for extra in 0..<3 {
            #expect(output.roster.person(id: "X\(extra)")?.managerID == nil)
            #expect(messages.contains { $0.contains("employee X\(extra) has an unknown manager_id E99999") })
        }
        #expect(output.facts.managersUnlinked == 3)
    }
}
