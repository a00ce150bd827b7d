import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

/// M1 leads Alpha (A1–A4), M2 leads Beta (B1–B5).
private let roster = """
    employee_id,manager_id,team,department,name
    CEO,,Exec,Leadership,
    M1,CEO,Alpha,Engineering,Mia One
    A1,M1,Alpha,Engineering,
    A2,M1,Alpha,Engineering,
    A3,M1,Alpha,Engineering,
    A4,M1,Alpha,Engineering,
    M2,CEO,Beta,Engineering,
    B1,M2,Beta,Engineering,
    B2,M2,Beta,Engineering,
    B3,M2,Beta,Engineering,
    B4,M2,Beta,Engineering,
    B5,M2,Beta,Engineering,

    """

/// Manager reviews: M1 rates A1–A4 with `m1`, M2 rates B1–B5 with `m2`.
private func reviews(m1: [Int], m2: [Int]) -> String {
    var lines = [reviewHeader]
    for (index, rating) in m1.enumerated() {
        lines.append("c1,A\(index + 1),M1,manager,submitted,2026-09-15,2026-09-10,\(rating),")
    }
    for (index, rating) in m2.enumerated() {
        lines.append("c1,B\(index + 1),M2,manager,submitted,2026-09-15,2026-09-10,\(rating),")
    }
    return lines.joined(separator: "\n") + "\n"
}

@Suite("Leniency: the z rule")
struct LeniencyTests {
    @Test("|z| exactly 2 with n = minGroupSize is flagged")
    func exactlyAtThreshold() async throws {
        // Org: 5,5,5,5,3,3,3,3,4 — N = 9, Σ = 36, mean 4, Σx² = 4·25 + 4·9 + 16 = 152,
        // sample variance (152 − 9·4²) ÷ 8 = 1, sd 1.
        // M1: n 4, mean 5, difference +1, z = 1 ÷ (1 ÷ √4) = 2 → flagged (n 4 ≥ minGroupSize 4).
        // M2: n 5, mean 3.2, difference −0.8, z = −0.8 × √5 ≈ −1.79 → not flagged.
        let fixture = ReviewFixture(roster: roster, reviews: reviews(m1: [5, 5, 5, 5], m2: [3, 3, 3, 3, 4]), minGroupSize: 4)
        let result = try await fixture.run()
        #expect(result.value("reviews.ratingMean") == 4)
        #expect(result.value("reviews.leniency", .manager("M1")) == 1)
        #expect(result.metric("reviews.leniency", .manager("M1"))?.n == 4)
        #expect(result.value("reviews.ratingMean", .manager("M1")) == 5)
        #expect(close(result.value("reviews.leniency", .manager("M2")), -0.8))
        #expect(result.metric("reviews.leniency", .manager("M2"))?.n == 5)

        let flagged = result.findings.filter { $0.id.contains("-ratings.") }
        #expect(flagged.map(\.id) == ["review-cycles.lenient-ratings.M1"])
        #expect(flagged.first?.scope == .manager("M1"))
        #expect(flagged.first?.evidence == ["reviews.leniency"])
        #expect(flagged.first?.title == "Mia One (M1) rates more leniently than the organization")
        #expect(flagged.first?.detail.contains("z = +2.00") == true)
        // Exactly at the threshold: flagged, but under 1.5 × 2 it is information, not a warning.
        #expect(flagged.first?.severity == .info)

        // The calibration table lists M1 with n, mean, difference and z, tied to the metric.
        let table = result.sections.first { $0.title == "Rating calibration" }?.blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table } else { return nil }
        }.first
        #expect(table?.rows.map(\.cells) == [["Mia One (M1)", "4", "5.00", "+1.00", "+2.00", "Lenient"]])
        #expect(table?.rows.first?.ref == DataReference(scope: .manager("M1"), metric: "reviews.leniency", n: 4))
    }

    @Test("the same ratings with minGroupSize 5: n = 4 is too few to flag")
    func tooFewRatings() async throws {
        let fixture = ReviewFixture(roster: roster, reviews: reviews(m1: [5, 5, 5, 5], m2: [3, 3, 3, 3, 4]), minGroupSize: 5)
        let result = try await fixture.run()
        // Still z = 2 (same data), but n 4 < 5.
        #expect(result.value("reviews.leniency", .manager("M1")) == 1)
        #expect(!result.findings.contains { $0.id.contains("-ratings.") })
    }

    @Test("|z| just below 2 is not flagged")
    func justBelow() async throws {
        // Org: 5,5,5,5,1,1,2,3,3 — Σ = 30, mean 10/3, Σx² = 100 + 1 + 1 + 4 + 9 + 9 = 124,
        // variance (124 − 9·(10/3)²) ÷ 8 = (124 − 100) ÷ 8 = 3.
        // M1: difference 5 − 10/3 = 5/3, z = (5/3) · √4 ÷ √3 = 10 ÷ (3√3) ≈ 1.925 → not flagged.
        // M2: mean 2, difference −4/3, z = −(4/3) · √5 ÷ √3 ≈ −1.72 → not flagged.
        let fixture = ReviewFixture(roster: roster, reviews: reviews(m1: [5, 5, 5, 5], m2: [1, 1, 2, 3, 3]), minGroupSize: 4)
        let result = try await fixture.run()
        #expect(close(result.value("reviews.leniency", .manager("M1")), 5.0 / 3.0))
        #expect(!result.findings.contains { $0.id.contains("-ratings.") })
        #expect(result.sections.first { $0.title == "Rating calibration" }?.blocks.count == 1)
    }

    @Test("|z| just above 2 is flagged")
    func justAbove() async throws {
        // Org: 5,5,5,5,2,2,3,3,3 — Σ = 33, mean 11/3, Σx² = 100 + 4 + 4 + 27 = 135,
        // variance (135 − 9·(11/3)²) ÷ 8 = (135 − 121) ÷ 8 = 7/4.
        // M1: difference 4/3, z = (4/3) · √4 ÷ √(7/4) = 16 ÷ (3√7) ≈ 2.016 → flagged.
        let fixture = ReviewFixture(roster: roster, reviews: reviews(m1: [5, 5, 5, 5], m2: [2, 2, 3, 3, 3]), minGroupSize: 4)
        let result = try await fixture.run()
        #expect(result.findings.filter { $0.id.contains("-ratings.") }.map(\.id) == ["review-cycles.lenient-ratings.M1"])
    }

    @Test("z exactly −2 flags a severe rater")
    func severe() async throws {
        // Org: 1,1,1,1,2,3,3,3,3 — Σ = 18, mean 2, Σx² = 4 + 4 + 36 = 44, variance (44 − 36) ÷ 8 = 1.
        // M1: difference −1, z = −1 ÷ (1 ÷ 2) = −2 → severe. M2: +0.8 × √5 ≈ 1.79 → not flagged.
        let fixture = ReviewFixture(roster: roster, reviews: reviews(m1: [1, 1, 1, 1], m2: [2, 3, 3, 3, 3]), minGroupSize: 4)
        let result = try await fixture.run()
        #expect(result.findings.filter { $0.id.contains("-ratings.") }.map(\.id) == ["review-cycles.severe-ratings.M1"])
    }

    @Test("the rule itself: the decision at z = 2 is exact, and no spread means no z")
    func rule() {
        // Same org as exactlyAtThreshold: N 9, Σ 36, Σx² 152.
        let rule = LeniencyRule(count: 9, sum: 36, sumOfSquares: 152, threshold: 2, minGroupSize: 4)
        #expect(rule.standardDeviation == 1)
        let m1 = rule.assess(givenSum: 20, n: 4)
        #expect(m1.z == 2)
        #expect(m1.flag == .lenient)
        // Everyone rated 3: sd 0, nothing can be flagged.
        let flat = LeniencyRule(count: 6, sum: 18, sumOfSquares: 54, threshold: 2, minGroupSize: 3)
        #expect(flat.assess(givenSum: 9, n: 3).z == nil)
        #expect(flat.assess(givenSum: 9, n: 3).flag == nil)
    }
}
