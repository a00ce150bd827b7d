import Foundation
import OrgHealthKit
import Testing

/// `orghealth validate`'s roster summary names the delimiter and encoding the file was read with.
@Suite("Roster: how the file was read")
struct RosterReadingFactsTests {
    /// A European-locale spreadsheet's "CSV (semicolon)" save: `;` between fields, ISO dates.
    @Test func detectedDelimiterAndEncodingReachTheSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-facts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }  // cleanup only
        let file = folder.appendingPathComponent("roster.csv")
        try "employee_id;manager_id;team\nE1;;Core\nE2;E1;Core\n".write(to: file, atomically: true, encoding: .utf8)
        let output = try RosterReader().read(file)
        #expect(output.facts.delimiter == .semicolon)
        #expect(output.facts.encoding == .utf8)
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let summary = RosterSummary(output, period: period)
        #expect(summary.lines.last == "delimiter: ;; encoding: utf-8")
    }
}
