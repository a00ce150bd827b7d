import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthSampleData

@Suite("Roster: structure, dates and planted data-quality problems")
struct RosterTests {
    private func rows(_ sample: GeneratedSample) -> [[String: String]] {
        CSVRecords.rows(sample.text("roster.csv"))
    }

    @Test("has the documented columns and a CEO at the top")
    func header() throws {
        let sample = try #require(GeneratedSample.standard)
        #expect(sample.roster.first == RosterGenerator.header)
        let top = rows(sample).filter { ($0["manager_id"] ?? "").isEmpty }
        #expect(top.count == 1)
        #expect(top.first?["employee_id"] == "E0001")
        #expect(sample.roster.allSatisfy { $0.count == RosterGenerator.header.count })
    }

    @Test("plants one duplicate id, one unknown manager and one unparseable hire date")
    func plantedProblems() throws {
        let sample = try #require(GeneratedSample.standard)
        let planted = sample.manifest.planted
        let rows = rows(sample)
        let ids = rows.compactMap { $0["employee_id"] }
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates == [planted.duplicateEmployeeID])

        let known = Set(ids)
        let unknownManagers = rows.filter { !($0["manager_id"] ?? "").isEmpty && !known.contains($0["manager_id"] ?? "") }
        #expect(unknownManagers.map { $0["employee_id"] ?? "" } == [planted.unknownManagerEmployeeID])
        #expect(unknownManagers.first?["manager_id"] == planted.unknownManagerID)

        let badDates = rows.filter { CalendarDate(iso: $0["hire_date"] ?? "") == nil }
        #expect(badDates.map { $0["employee_id"] ?? "" } == [planted.unparseableHireDateEmployeeID])
        let badDate = try #require(badDates.first?["hire_date"])
        #expect(badDate.range(of: #"^\d{2}/\d{2}/\d{4}$"#, options: .regularExpression) != nil)
    }

    @Test("one manager has more than twelve direct reports and one fewer than three")
    func spans() throws {
        let sample = try #require(GeneratedSample.standard)
        let planted = sample.manifest.planted
        let rows = rows(sample)
        let known = Set(rows.compactMap { $0["employee_id"] })
        var reports: [String: Set<String>] = [:]
        for row in rows {
            guard let manager = row["manager_id"], known.contains(manager), let id = row["employee_id"] else { continue }
            reports[manager, default: []].insert(id)
        }
        #expect(reports.filter { $0.value.count > 12 }.keys.sorted() == [planted.wideSpanManagerID])
        #expect(reports.filter { $0.value.count < 3 }.keys.sorted() == [planted.narrowSpanManagerID])
    }

    @Test("one team is below the privacy minimum; names that need escaping are present")
    func teams() throws {
        let sample = try #require(GeneratedSample.standard)
        let planted = sample.manifest.planted
        let rows = rows(sample)
        let sizes = Dictionary(grouping: rows, by: { $0["team"] ?? "" }).mapValues(\.count)
        #expect(sizes.filter { $0.value < 5 }.keys.sorted() == [planted.tinyTeam])
        #expect(planted.escapingTeams.sorted() == ["Facilities \"Workplace\" <Ops>", "Research & Development"])
        for team in planted.escapingTeams { #expect((sizes[team] ?? 0) >= 5) }
        #expect(sample.text("roster.csv").contains(#""Facilities ""Workplace"" <Ops>""#))
        let departments = Set(rows.compactMap { $0["department"] })
        #expect(departments.isSuperset(of: ["Engineering", "Product", "Sales", "Operations"]))
    }

    @Test("leavers, recent hires and future hires have fitting dates")
    func dates() throws {
        let sample = try #require(GeneratedSample.standard)
        let period = try #require(GeneratedSample.period)
        let planted = sample.manifest.planted
        var byID: [String: [String: String]] = [:]
        for row in rows(sample) { byID[row["employee_id"] ?? ""] = row }
        func date(_ id: String, _ column: String) -> CalendarDate? { CalendarDate(iso: byID[id]?[column] ?? "") }
        #expect(!planted.leaversInPeriodIDs.isEmpty)
        for id in planted.leaversInPeriodIDs { #expect(date(id, "end_date").map(period.contains) == true) }
        for id in planted.leaversBeforePeriodIDs { #expect((date(id, "end_date") ?? period.end) < period.start) }
        for id in planted.recentHireIDs {
            let hired = try #require(date(id, "hire_date"))
            #expect(hired <= period.end && hired.days(to: period.end) < 90)
        }
        for id in planted.futureHireIDs { #expect((date(id, "hire_date") ?? period.start) > period.end) }
        for row in rows(sample) {
            guard let hired = CalendarDate(iso: row["hire_date"] ?? ""), let left = CalendarDate(iso: row["end_date"] ?? "")
            else { continue }
            #expect(hired < left)
        }
    }

    @Test("e-mail addresses are unique, lower-case and on the organization's domain")
    func emails() throws {
        let rows = rows(try #require(GeneratedSample.standard))
        let people = Dictionary(grouping: rows, by: { $0["employee_id"] ?? "" }).compactMap { $0.value.first }
        let emails = people.compactMap { $0["email"] }
        #expect(Set(emails).count == emails.count)
        for email in emails {
            #expect(email == email.lowercased() && email.hasSuffix("@northwind.example") && email.allSatisfy(\.isASCII))
        }
    }
}
