import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthSampleData

@Suite("Custom inputs: exits and recognition")
struct ExitsAndRecognitionTests {
    @Test("every exit matches a roster leaver and its end date")
    func exits() throws {
        let sample = try #require(GeneratedSample.standard)
        let planted = sample.manifest.planted
        var endDates: [String: String] = [:]
        for row in CSVRecords.rows(sample.text("roster.csv")) { endDates[row["employee_id"] ?? ""] = row["end_date"] }
        let exits = CSVRecords.rows(sample.text("exits.csv"))
        #expect(CSVRecords.parse(sample.text("exits.csv")).first == ExitsGenerator.header)
        #expect(Set(exits.compactMap { $0["employee_id"] }) == Set(planted.leaversInPeriodIDs + planted.leaversBeforePeriodIDs))
        for exit in exits {
            #expect(endDates[exit["employee_id"] ?? ""] == exit["exit_date"])
            #expect(["yes", "no"].contains(exit["regretted"] ?? ""))
            #expect(!(exit["reason"] ?? "").isEmpty)
        }
    }

    @Test("recognition messages carry the sentinel, between known people, in date order")
    func recognition() throws {
        let sample = try #require(GeneratedSample.standard)
        let ids = Set(CSVRecords.rows(sample.text("roster.csv")).compactMap { $0["employee_id"] })
        let rows = CSVRecords.rows(sample.text("recognition.csv"))
        #expect(CSVRecords.parse(sample.text("recognition.csv")).first == RecognitionLogGenerator.header)
        #expect(rows.count > sample.manifest.employees / 2)
        let dates = rows.compactMap { $0["date"] }
        #expect(dates == dates.sorted())
        for row in rows {
            #expect((row["message"] ?? "").contains(SampleOrganization.recognitionSentinel))
            #expect(ids.contains(row["from_id"] ?? "") && ids.contains(row["to_id"] ?? ""))
            #expect(row["from_id"] != row["to_id"])
        }
    }
}
