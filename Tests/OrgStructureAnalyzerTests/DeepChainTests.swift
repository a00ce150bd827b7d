import Testing
import OrgHealthKit
@testable import OrgStructureAnalyzer

/// Issue 14, row 2: a 20,000-deep management chain. Every layer used to walk the whole chain
/// above each person (20,000² / 2 = 2·10⁸ steps); the roster now computes depths once.
@Suite("Deep management chains")
struct DeepChainTests {
    @Test("a 20,000-deep chain: layers are counted in linear time")
    func twentyThousandDeep() async throws {
        var lines = ["employee_id,manager_id,team"]
        lines.append("P0,,Core")
        for index in 1..<20_000 { lines.append("P\(index),P\(index - 1),Core") }
        let csv = lines.joined(separator: "\n") + "\n"
        let period = try ReportingPeriod(parsing: "2026-Q3")
        // Timed synchronously (an async test's time would include waiting for the shared pool):
        // the roster computes every person's depth when it is built; the snapshot reads them.
        var read: Roster?
        var snapshot: OrgSnapshot?
        let elapsed = try ContinuousClock().measure {
            read = try RosterReader().read(csv: csv).roster
            snapshot = read.map { OrgSnapshot(roster: $0, period: period) }
        }
        // Before: did not finish in 60 s (issue 14; 400 s in a debug build here); after: well under a second.
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        let roster = try #require(read)
        #expect(snapshot?.employedCount == 20_000)
        #expect(roster.person(id: "P19999").map { roster.managementDepth(of: $0) + 1 } == 20_000)
        let result = try await OrgStructureAnalyzer().analyze(AnalysisContext(organization: "Chain", period: period, roster: roster))
        // By hand: P0 is layer 1, P19999 has 19,999 managers above, so 20,000 layers.
        let layers = result.metrics.first { $0.id == "org.layers" && $0.scope == .org }?.value
        #expect(layers == 20_000)
    }

    @Test("management depth agrees with the chain, for chains, forks, unknown managers and cycles")
    func depthMatchesChain() {
        // Built by hand (not read), so the cycle C → D → E → C stays in: the reader would remove it.
        let roster = Roster(people: [
            Person(id: "A", team: "T"), Person(id: "B", managerID: "A", team: "T"),
            Person(id: "F", managerID: "B", team: "T"), Person(id: "G", managerID: "B", team: "T"),
            Person(id: "C", managerID: "E", team: "T"), Person(id: "D", managerID: "C", team: "T"),
            Person(id: "E", managerID: "D", team: "T"), Person(id: "H", managerID: "E", team: "T"),
            Person(id: "U", managerID: "nobody", team: "T"), Person(id: "S", managerID: "S", team: "T"),
        ])
        // By hand: A 0, B 1, F and G 2; C, D, E each see the two others; H sees E, D, C: 3;
        // U's manager is unknown: 0; S manages itself: 0.
        let expected = ["A": 0, "B": 1, "F": 2, "G": 2, "C": 2, "D": 2, "E": 2, "H": 3, "U": 0, "S": 0]
        for person in roster.people {
            #expect(roster.managementDepth(of: person) == expected[person.id], "\(person.id)")
            #expect(roster.managementDepth(of: person) == roster.managerChain(of: person).count, "\(person.id)")
        }
    }
}
