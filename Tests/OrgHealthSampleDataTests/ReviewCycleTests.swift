import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthSampleData

@Suite("Review cycles: assignments, statuses and the planted raters")
struct ReviewCycleTests {
    private func rows() throws -> [[String: String]] {
        CSVRecords.rows(try #require(GeneratedSample.standard).text("reviews.csv"))
    }

    @Test("has the documented columns, one cycle in the period and one before it")
    func cycles() throws {
        let sample = try #require(GeneratedSample.standard)
        let period = try #require(GeneratedSample.period)
        #expect(CSVRecords.parse(sample.text("reviews.csv")).first == ReviewCycleGenerator.header)
        let dues = Dictionary(grouping: try rows(), by: { $0["cycle_id"] ?? "" })
            .mapValues { Set($0.compactMap { CalendarDate(iso: $0["due_date"] ?? "") }) }
        #expect(dues.count == 2)
        #expect(dues.values.allSatisfy { $0.count == 1 })
        let days = dues.values.compactMap(\.first)
        #expect(days.filter(period.contains).count == 1)
        #expect(days.filter(period.previous.contains).count == 1)
    }

    @Test("every relationship and status occurs; some submissions are late")
    func variety() throws {
        let rows = try rows()
        #expect(Set(rows.compactMap { $0["relationship"] }) == ["self", "manager", "peer", "upward"])
        #expect(Set(rows.compactMap { $0["status"] }) == ["submitted", "in_progress", "not_started", "declined"])
        let submitted = rows.filter { $0["status"] == "submitted" }
        #expect(Double(submitted.count) / Double(rows.count) > 0.75)
        let late = submitted.filter { ($0["submitted_at"] ?? "").prefix(10) > ($0["due_date"] ?? "") }
        #expect(!late.isEmpty && late.count < submitted.count / 3)
        for row in submitted {
            #expect((1...5).contains(Int(row["rating"] ?? "") ?? 0))
            #expect((row["comment"] ?? "").contains(SampleOrganization.reviewSentinel))
            #expect((row["submitted_at"] ?? "").hasSuffix("Z"))
        }
        for row in rows where row["status"] != "submitted" { #expect(row["rating"] == "" && row["comment"] == "") }
    }

    @Test("comments vary in substance")
    func comments() throws {
        let comments = try rows().compactMap { $0["comment"] }.filter { !$0.isEmpty }
        let words = comments.map { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
        #expect(words.contains { $0 >= 25 })
        #expect(words.contains { $0 < 10 })
    }

    @Test("the lenient and severe managers stand out by more than two standard errors")
    func plantedRaters() throws {
        let planted = try #require(GeneratedSample.standard).manifest.planted
        let period = try #require(GeneratedSample.period)
        let current = try rows().filter {
            $0["relationship"] == "manager" && $0["status"] == "submitted" && $0["cycle_id"] == "perf-\(period.label)"
        }
        let ratings = current.compactMap { Double($0["rating"] ?? "") }
        let mean = ratings.reduce(0, +) / Double(ratings.count)
        let sd = (ratings.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(ratings.count - 1)).squareRoot()
        func z(_ manager: String) -> (n: Int, z: Double) {
            let given = current.filter { $0["reviewer_id"] == manager }.compactMap { Double($0["rating"] ?? "") }
            let managerMean = given.reduce(0, +) / Double(max(1, given.count))
            return (given.count, (managerMean - mean) / (sd / Double(given.count).squareRoot()))
        }
        let lenient = z(planted.lenientManagerID)
        let severe = z(planted.severeManagerID)
        #expect(lenient.n >= 5 && lenient.z >= 2)
        #expect(severe.n >= 5 && severe.z <= -2)
    }

    @Test("upward reviews come from each manager's direct reports")
    func upward() throws {
        let sample = try #require(GeneratedSample.standard)
        var managerOf: [String: String] = [:]
        for row in CSVRecords.rows(sample.text("roster.csv")) { managerOf[row["employee_id"] ?? ""] = row["manager_id"] }
        let planted = sample.manifest.planted
        for row in try rows() where row["relationship"] == "upward" {
            let reviewer = row["reviewer_id"] ?? ""
            guard reviewer != planted.unknownManagerEmployeeID else { continue }
            #expect(managerOf[reviewer] == row["reviewee_id"])
        }
    }
}
