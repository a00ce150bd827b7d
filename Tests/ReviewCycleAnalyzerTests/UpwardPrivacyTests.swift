import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

/// M1 leads Alpha (A1–A5), M2 leads Beta (B1–B4).
private let roster = """
    employee_id,manager_id,team,department
    CEO,,Exec,Leadership
    M1,CEO,Alpha,Engineering
    A1,M1,Alpha,Engineering
    A2,M1,Alpha,Engineering
    A3,M1,Alpha,Engineering
    A4,M1,Alpha,Engineering
    A5,M1,Alpha,Engineering
    M2,CEO,Beta,Engineering
    B1,M2,Beta,Engineering
    B2,M2,Beta,Engineering
    B3,M2,Beta,Engineering
    B4,M2,Beta,Engineering

    """

/// M1: five upward reviewers (= minGroupSize), all rating 2.
/// M2: four distinct upward reviewers (= minGroupSize − 1), rating 1, in five rows — B1 reviews
/// M2 in two cycles, both due in Q3.
private let reviews = """
    \(reviewHeader)
    c1,M1,A1,upward,submitted,2026-09-15,2026-09-10,2,
    c1,M1,A2,upward,submitted,2026-09-15,2026-09-10,2,
    c1,M1,A3,upward,submitted,2026-09-15,2026-09-10,2,
    c1,M1,A4,upward,submitted,2026-09-15,2026-09-10,2,
    c1,M1,A5,upward,submitted,2026-09-15,2026-09-10,2,
    c1,M2,B1,upward,submitted,2026-09-15,2026-09-10,1,
    c1,M2,B2,upward,submitted,2026-09-15,2026-09-10,1,
    c1,M2,B3,upward,submitted,2026-09-15,2026-09-10,1,
    c1,M2,B4,upward,submitted,2026-09-15,2026-09-10,1,
    mid,M2,B1,upward,submitted,2026-08-01,2026-07-30,1,

    """

@Suite("Upward reviews: anonymity")
struct UpwardPrivacyTests {
    @Test("minGroupSize reviewers: the score is shown, signalled and can raise a finding")
    func atMinGroupSize() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews, minGroupSize: 5).run()
        // M1: mean of five 2s = 2, five distinct reviewers.
        #expect(result.value("reviews.upwardScore", .manager("M1")) == 2)
        #expect(result.metric("reviews.upwardScore", .manager("M1"))?.n == 5)
        // Leadership = 100 × (2 − 1) ÷ (5 − 1) = 25.
        let signal = result.signal(.leadership, "reviews.upwardScore", .manager("M1"))
        #expect(signal?.score == 25)
        #expect(signal?.n == 5)
        // 2 is below the default threshold, the midpoint 3 of the 1–5 scale.
        let finding = result.findings.first { $0.id == "review-cycles.low-upward-score.M1" }
        #expect(finding?.scope == .manager("M1"))
        #expect(finding?.evidence == ["reviews.upwardScore"])
    }

    @Test("minGroupSize − 1 reviewers: no visible value, signal, finding or section row")
    func belowMinGroupSize() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews, minGroupSize: 5).run()
        // Four distinct reviewers over five rows: n counts people, not rows, so the engine's
        // gate withholds it (n 4 < 5) — if the value is there at all.
        let metric = result.metric("reviews.upwardScore", .manager("M2"))
        #expect(metric == nil || (metric?.n ?? 0) < 5)
        #expect(metric?.n == 4)
        #expect(!result.signals.contains { $0.scope == .manager("M2") })
        #expect(!result.findings.contains { $0.scope == .manager("M2") || $0.id.contains("M2") })
        #expect(!result.references.contains { $0.scope == .manager("M2") })
        // Group scopes pool only managers whose own score may be shown, so Beta (only M2) has no
        // upward figure, and the org's is M1's alone: no subtraction reveals M2's.
        #expect(result.metric("reviews.upwardScore", .team("Beta")) == nil)
        #expect(result.value("reviews.upwardScore", .team("Alpha")) == 2)
        #expect(result.value("reviews.upwardScore") == 2)
        #expect(result.metric("reviews.upwardScore")?.n == 5)
        #expect(result.value("reviews.upwardScore", .department("Engineering")) == 2)
    }

    @Test("raising minGroupSize by one hides M1 too")
    func boundaryMovesWithPolicy() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews, minGroupSize: 6).run()
        #expect(result.metric("reviews.upwardScore", .manager("M1"))?.n == 5)
        #expect(!result.signals.contains { $0.scope.kind == .manager })
        #expect(!result.findings.contains { $0.id.hasPrefix("review-cycles.low-upward-score.") })
        #expect(result.metric("reviews.upwardScore") == nil)
    }
}
