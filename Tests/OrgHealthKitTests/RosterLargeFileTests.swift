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

    /// The rows are read ahead on a thread of their own in batches of
    /// `RosterRowsAhead.rowsPerBatch` while they are added in order: problems on both sides of
    /// a batch's edge must be settled and reported exactly as reading row by row settles them.
    @Test("problems at the edges of the batches read ahead: each settled and reported in file order")
    func problemsAtBatchEdges() throws {
        let perBatch = RosterRowsAhead.rowsPerBatch
        var rows = ["employee_id,manager_id,team,name"]
        for number in 0..<(3 * perBatch) { rows.append("E\(number),\(number == 0 ? "" : "E0"),T\(number / 10),Person \(number)") }
        // Inserted last first, so that each lands at its index (its line is the index + 1).
        let problems: [(index: Int, row: String)] = [
            (3 * perBatch - 1, "E7,E0,,Repeated without a team"),  // a repeat, though it has no team either
            (2 * perBatch + 1, ",E0,T1,No id"),
            (2 * perBatch, "N1,E0,,No team"),
            (perBatch + 1, "S1,E0,T\u{07}9,Stray"),
            (perBatch, "R1,E0,T1"),  // ragged: three fields of four
        ]
        for problem in problems.sorted(by: { $0.index > $1.index }) { rows.insert(problem.row, at: problem.index) }
        func line(of row: String) throws -> Int { try #require(rows.firstIndex(of: row)) + 1 }
        let url = try Self.write(rows)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let output = try RosterReader().read(url)
        #expect(output.rowsRead == 3 * perBatch + problems.count)
        // Every row but the ragged, the id-less, the team-less and the repeated one.
        #expect(output.roster.people.count == 3 * perBatch + 1)
        #expect(output.roster.person(id: "S1")?.team == "T9")
        // The people in file order: the rows kept, as written.
        let kept = rows.dropFirst().filter { row in !problems.contains { $0.row == row } || row.hasPrefix("S1,") }
        #expect(output.roster.people.map(\.id) == kept.map { String($0.prefix { $0 != "," }) })
        let byMessage = Dictionary(output.diagnostics.map { ($0.message, $0.line) }, uniquingKeysWith: { first, _ in first })
        #expect(byMessage["the row has 3 fields but the header has 4; the row was skipped"] == .some(try line(of: "R1,E0,T1")))
        #expect(byMessage["employee N1 has no team; the row was skipped"] == .some(try line(of: "N1,E0,,No team")))
        #expect(byMessage["the row has no employee_id; it was skipped"] == .some(try line(of: ",E0,T1,No id")))
        #expect(byMessage["employee_id E7 appears again (first on line 9); the later row was skipped"]
            == .some(try line(of: "E7,E0,,Repeated without a team")))
        let stray = try #require(output.diagnostics.first { $0.message.contains("control character") })
        #expect(stray.line == (try line(of: "S1,E0,T\u{07}9,Stray")))
        // The rows' problems in file order (the stray characters' note comes last, as it always has).
        let lines = output.diagnostics.filter { $0.message != stray.message }.compactMap(\.line)
        #expect(lines == lines.sorted())
    }

    /// A byte that is not UTF-8 in a late batch stops the read with the reader's message, after
    /// the batches before it were read, as reading row by row stopped it.
    @Test("a file that stops being UTF-8 in a late batch: the read fails with the line")
    func invalidBytesInALateBatch() throws {
        // Line 2,902 (the header, then E0 … E2900) gets the byte 0xFF where its name starts.
        let text = Self.rows(teams: 300, longFirst: false).joined(separator: "\n")
        let name = try #require(text.range(of: "Person 2900"))
        var bytes = Array(text.utf8)
        bytes[text.utf8.distance(from: text.startIndex, to: name.lowerBound)] = 0xFF
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("roster.csv")
        try Data(bytes).write(to: url)
        do {
            _ = try RosterReader().read(url)
            Issue.record("a roster with a byte that is not UTF-8 was read")
        } catch {
            #expect(error.message.contains("roster.csv"))
            #expect(error.message.contains("2902"), "\(error.message)")
        }
    }
}
