import OrgHealthKit
import Testing
@testable import OrgHealthSampleData

@Suite("Org chart: a sound hierarchy at every size")
struct OrgChartTests {
    private func chart(_ employees: Int) throws -> SampleOrgChart {
        let period = try #require(GeneratedSample.period)
        return OrgChartBuilder(employees: employees, seed: 42, period: period, organization: "Northwind Labs").build()
    }

    @Test("sizes, ids and reporting lines", arguments: [60, 240, 1_000, 3_000])
    func hierarchy(employees: Int) throws {
        let chart = try chart(employees)
        #expect(chart.people.count == employees)
        #expect(Set(chart.people.map(\.id)).count == employees)
        #expect(chart.people.enumerated().allSatisfy { $0.element.id == SampleOrgChart.formatID($0.offset + 1, width: chart.idWidth) })
        #expect(chart.people.filter { $0.managerIndex == nil }.count == 1)
        // Every chain reaches the top without a cycle.
        for start in chart.people.indices {
            var current = start
            var steps = 0
            while let manager = chart.people[current].managerIndex, steps <= chart.people.count {
                current = manager
                steps += 1
            }
            #expect(current == 0)
        }
        for department in chart.departments { #expect(chart.people[department.headIndex].managerIndex == 0) }
        let wide = chart.managers.filter { chart.directReports[$0].count > 12 }
        let narrow = chart.managers.filter { chart.directReports[$0].count < 3 }
        #expect(wide == [chart.cast.wideSpanManager])
        #expect(narrow.contains(chart.cast.narrowSpanManager))
        // Only the smallest organizations have heads of one-team departments.
        if employees >= 120 { #expect(narrow == [chart.cast.narrowSpanManager]) }
    }

    @Test("teams are 5 to 12 people, except the planted ones", arguments: [120, 240, 2_000])
    func teamSizes(employees: Int) throws {
        let chart = try chart(employees)
        for team in chart.teams where team.kind == .regular {
            #expect((5...12).contains(team.members.count), "\(team.name) has \(team.members.count) people")
        }
        #expect(chart.teams[chart.cast.tinyTeam].members.count < 5)
        #expect(Set(chart.teams.map(\.name)).count == chart.teams.count)
    }

    @Test("the departments grow with the organization")
    func departments() throws {
        #expect(try chart(60).departments.count == 4)
        #expect(try chart(240).departments.map(\.name) == [
            "Engineering", "Product", "Sales", "Customer Success", "Operations", "People", "Finance",
        ])
        #expect(try chart(3_000).departments.count == 9)
    }
}
