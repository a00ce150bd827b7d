import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

/// CEO → M1, who leads Alpha (A1–A5) in Engineering.
private let alphaRoster = """
    employee_id,manager_id,team,department
    CEO,,Exec,Leadership
    M1,CEO,Alpha,Engineering
    A1,M1,Alpha,Engineering
    A2,M1,Alpha,Engineering
    A3,M1,Alpha,Engineering
    A4,M1,Alpha,Engineering
    A5,M1,Alpha,Engineering

    """

@Suite("Completion and timeliness")
struct CompletionTests {
    /// One cycle due 2026-09-15 (in Q3) and two rows of a cycle due 2026-06-15 (Q2), which
    /// must be ignored.
    let reviews = """
        \(reviewHeader)
        c1,A1,A1,self,submitted,2026-09-15,2026-09-10,4,
        c1,A2,A2,self,submitted,2026-09-15,2026-09-10,4,
        c1,A3,A3,self,in_progress,2026-09-15,,,
        c1,A4,A4,self,not_started,2026-09-15,,,
        c1,A5,A5,self,declined,2026-09-15,,,
        c1,A1,M1,manager,submitted,2026-09-15,2026-09-12,3,
        c1,A2,M1,manager,submitted,2026-09-15,2026-09-12,3,
        c1,A3,M1,manager,submitted,2026-09-15,2026-09-12,3,
        c1,A4,M1,manager,in_progress,2026-09-15,,,
        c1,A1,A2,peer,submitted,2026-09-15,2026-09-11,4,
        c1,A2,A3,peer,declined,2026-09-15,,,
        c1,A3,A4,peer,not_started,2026-09-15,,,
        c1,M1,A1,upward,submitted,2026-09-15,2026-09-13,4,
        c1,M1,A2,upward,submitted,2026-09-15,2026-09-13,4,
        c1,M1,A3,upward,submitted,2026-09-15,2026-09-13,4,
        c0,A1,A1,self,not_started,2026-06-15,,,
        c0,A4,M1,manager,submitted,2026-06-15,2026-06-10,1,

        """

    @Test("completion per relationship, declined rows aside, only the cycle due in the period")
    func perRelationship() async throws {
        let result = try await ReviewFixture(roster: alphaRoster, reviews: reviews).run()
        for scope in [Scope.org, .department("Engineering"), .team("Alpha")] {
            // self: A1, A2 submitted of A1–A4 (A5 declined) = 2 / 4; people A1–A4.
            #expect(result.value("reviews.completionRate.self", scope) == 0.5)
            #expect(result.metric("reviews.completionRate.self", scope)?.n == 4)
            // manager: A1–A3 submitted of A1–A4 = 3 / 4.
            #expect(result.value("reviews.completionRate.manager", scope) == 0.75)
            #expect(result.metric("reviews.completionRate.manager", scope)?.n == 4)
            // peer: about A1 submitted; about A2 declined (not counted); about A3 not started = 1 / 2;
            // people reviewed: A1 and A3.
            #expect(result.value("reviews.completionRate.peer", scope) == 0.5)
            #expect(result.metric("reviews.completionRate.peer", scope)?.n == 2)
            // upward: three of three about M1, who is one person reviewed.
            #expect(result.value("reviews.completionRate.upward", scope) == 1)
            #expect(result.metric("reviews.completionRate.upward", scope)?.n == 1)
            // overall: (2 + 3 + 1 + 3) submitted ÷ (4 + 4 + 2 + 3) counted = 9 / 13;
            // people with a counted assignment: A1–A4 and M1 (A5 only declined).
            #expect(result.value("reviews.completionRate", scope) == 9.0 / 13.0)
            #expect(result.metric("reviews.completionRate", scope)?.n == 5)
        }
        // Nobody in Exec was reviewed: no figure rather than a zero.
        #expect(result.metric("reviews.completionRate", .team("Exec")) == nil)
        #expect(result.metric("reviews.completionRate", .department("Leadership")) == nil)
        // The Q2 cycle's two rows are ignored, and said so.
        #expect(result.diagnostics.contains {
            $0.severity == .info && $0.source == "reviews.csv" && $0.message.hasPrefix("2 rows belong to review cycles due outside 2026-Q3")
        })
    }

    @Test("completion feeds execution, peer completion feeds feedback")
    func signals() async throws {
        let result = try await ReviewFixture(roster: alphaRoster, reviews: reviews).run()
        let execution = result.signal(.execution, "reviews.completionRate")
        #expect(execution?.score == 100 * 9.0 / 13.0)
        #expect(execution?.n == 5)
        #expect(result.signal(.feedback, "reviews.completionRate.peer", .team("Alpha"))?.score == 50)
        // 9 / 13 ≈ 69% is under the 80% threshold: a finding at the team, resting on the team's metric.
        let finding = result.findings.first { $0.id == "review-cycles.low-completion.Alpha" }
        #expect(finding?.scope == .team("Alpha"))
        #expect(finding?.severity == .warning)
        #expect(finding?.evidence == ["reviews.completionRate"])
        #expect(finding?.title == "Review completion is 69% in Alpha")
    }

    @Test("on time: submitted on the due day (date or timestamp) counts; the day after is late")
    func onTimeBoundary() async throws {
        let reviews = """
            \(reviewHeader)
            c1,A1,A1,self,submitted,2026-09-15,2026-09-15,4,
            c1,A2,A2,self,submitted,2026-09-15,2026-09-15T23:59:59Z,4,
            c1,A3,A3,self,submitted,2026-09-15,2026-09-16T00:00:00Z,4,
            c1,A4,A4,self,submitted,2026-09-15,2026-09-01,4,
            c1,A5,A5,self,in_progress,2026-09-15,,,

            """
        let result = try await ReviewFixture(roster: alphaRoster, reviews: reviews, minGroupSize: 4).run()
        // On time: A1 (the due day), A2 (the due day, late evening), A4 (before); late: A3.
        // 3 on time of 4 submitted; A5 has nothing submitted and is not counted.
        #expect(result.value("reviews.onTimeRate") == 0.75)
        #expect(result.metric("reviews.onTimeRate")?.n == 4)
        #expect(result.signal(.execution, "reviews.onTimeRate")?.score == 75)
        // 25% late is more than the 20% the default threshold allows (and 4 people are enough
        // with minGroupSize 4; with 5, the team would be too small for a finding).
        let late = result.findings.first { $0.id == "review-cycles.late-reviews.Alpha" }
        #expect(late?.evidence == ["reviews.onTimeRate"])
        #expect(late?.detail.hasPrefix("25% of the submitted reviews") == true)
        let small = try await ReviewFixture(roster: alphaRoster, reviews: reviews, minGroupSize: 5).run()
        #expect(!small.findings.contains { $0.id == "review-cycles.late-reviews.Alpha" })
    }
}
