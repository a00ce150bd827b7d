import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

/// M1 leads Alpha (A1–A5).
private let roster = """
    employee_id,manager_id,team,department
    CEO,,Exec,Leadership
    M1,CEO,Alpha,Engineering
    A1,M1,Alpha,Engineering
    A2,M1,Alpha,Engineering
    A3,M1,Alpha,Engineering
    A4,M1,Alpha,Engineering
    A5,M1,Alpha,Engineering

    """

/// `count` words, each with the comment marker so a leak would be found.
private func words(_ count: Int) -> String {
    Array(repeating: "SECRETWORD", count: count).joined(separator: " ")
}

/// Manager ratings 5, 4, 4, 2 (A1–A4); self ratings 4, 5, 4, 4 (A1–A4) and 5 (A5, who has no
/// manager review). Manager comments of 25, 24, 0 and 30 words; one peer comment of 25 words
/// over two lines; self comments (not counted for substance) of 40 words.
private let reviews = """
    \(reviewHeader)
    c1,A1,M1,manager,submitted,2026-09-15,2026-09-10,5,\(words(25))
    c1,A2,M1,manager,submitted,2026-09-15,2026-09-10,4,\(words(24))
    c1,A3,M1,manager,submitted,2026-09-15,2026-09-10,4,
    c1,A4,M1,manager,submitted,2026-09-15,2026-09-10,2,"\(words(30))"
    c1,A1,A1,self,submitted,2026-09-15,2026-09-10,4,\(words(40))
    c1,A2,A2,self,submitted,2026-09-15,2026-09-10,5,\(words(40))
    c1,A3,A3,self,submitted,2026-09-15,2026-09-10,4,
    c1,A4,A4,self,submitted,2026-09-15,2026-09-10,4,
    c1,A5,A5,self,submitted,2026-09-15,2026-09-10,5,
    c1,A1,A2,peer,submitted,2026-09-15,2026-09-10,4,"\(words(12)),
    \(words(13))"

    """

@Suite("Ratings, gaps and comment substance")
struct RatingTests {
    @Test("mean and distribution of manager ratings")
    func distribution() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        // (5 + 4 + 4 + 2) ÷ 4 = 3.75 over the 4 people rated.
        #expect(result.value("reviews.ratingMean") == 3.75)
        #expect(result.metric("reviews.ratingMean")?.n == 4)
        // Points 1–5: 0, 1, 0, 2, 1 of 4 ratings.
        let shares = (1...5).map { result.value("reviews.ratingShare.\($0)", .team("Alpha")) }
        #expect(shares == [0, 0.25, 0, 0.5, 0.25])
        #expect(result.metric("reviews.ratingShare.4", .team("Alpha"))?.n == 4)
        // The distribution chart has one series per point, each point tied to its share metric.
        let chart = result.sections.first { $0.title == "Rating distribution" }?.blocks.compactMap { block -> ReportChart? in
            if case .chart(let chart) = block { return chart } else { return nil }
        }.first
        #expect(chart?.series.map(\.name) == ["1", "2", "3", "4", "5"])
        #expect(chart?.series[3].points.map(\.label) == ["Organization", "Engineering"])
        #expect(chart?.series[3].points.first?.value == 0.5)
        #expect(chart?.series[3].points.first?.ref == DataReference(scope: .org, metric: "reviews.ratingShare.4", n: 4))
    }

    @Test("self–manager gap over people with both, feeding direction")
    func gap() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        // Self − manager: A1 4 − 5 = −1, A2 5 − 4 = +1, A3 4 − 4 = 0, A4 4 − 2 = +2; A5 has no
        // manager rating. Mean (−1 + 1 + 0 + 2) ÷ 4 = 0.5.
        #expect(result.value("reviews.selfManagerGap") == 0.5)
        #expect(result.metric("reviews.selfManagerGap")?.n == 4)
        // Direction = 100 × (1 − 2 × 0.5 ÷ 4) = 75.
        #expect(result.signal(.direction, "reviews.selfManagerGap")?.score == 75)
        // 0.5 is under the default 1-point threshold: no gap finding.
        #expect(!result.findings.contains { $0.id.hasPrefix("review-cycles.self-manager-gap.") })
    }

    @Test("comment substance: manager and peer comments of ≥ 25 words; text never in the result")
    func substance() async throws {
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        // Manager: 25 yes, 24 no, blank no, 30 yes; peer: 12 + 13 = 25 over a line break, yes.
        // Self comments do not count. 3 of 5.
        #expect(result.value("reviews.commentSubstance") == 0.6)
        // People reviewed in those five reviews: A1–A4.
        #expect(result.metric("reviews.commentSubstance")?.n == 4)
        #expect(result.signal(.feedback, "reviews.commentSubstance")?.score == 60)
        #expect(!result.json.contains("SECRETWORD"))
    }

    @Test("a large gap is a direction finding at the team")
    func largeGap() async throws {
        var fixture = ReviewFixture(roster: roster, reviews: reviews, minGroupSize: 4)
        fixture.options = ["largeGapAtLeast": .number(0.5)]
        let result = try await fixture.run()
        let finding = result.findings.first { $0.id == "review-cycles.self-manager-gap.Alpha" }
        #expect(finding?.dimension == .direction)
        #expect(finding?.evidence == ["reviews.selfManagerGap"])
        #expect(finding?.detail.contains("0.50 points higher") == true)
    }
}
