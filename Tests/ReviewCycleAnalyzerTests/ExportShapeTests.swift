import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

private let roster = """
    employee_id,manager_id,team,department,email
    M1,,Alpha,Engineering,m1@example.com
    A1,M1,Alpha,Engineering,a1@example.com
    A2,M1,Alpha,Engineering,a2@example.com
    A3,M1,Alpha,Engineering,a3@example.com
    A4,M1,Alpha,Engineering,a4@example.com
    A5,M1,Alpha,Engineering,a5@example.com

    """

@Suite("Export shapes: re-mapped columns, labels, several cycles, 9-box")
struct ExportShapeTests {
    @Test("a tool's own headers, rating labels and status words work through the config")
    func remappedExport() async throws {
        // Headers and values as a performance tool exports them; people by e-mail.
        let reviews = """
            Review Cycle,Employee,Reviewer,Type,State,Due Date,Completed At,Overall Rating,Feedback
            H2,a1@example.com,m1@example.com,Manager,Completed,2026-09-30,2026-09-30T17:00:00Z,Exceeds,
            H2,a2@example.com,m1@example.com,Manager,Completed,2026-09-30,2026-09-29,meets,
            H2,a3@example.com,m1@example.com,Manager,Completed,2026-09-30,2026-10-02,2,
            H2,a4@example.com,m1@example.com,Manager,Open,2026-09-30,,,
            H2,a1@example.com,,Self Review,Completed,2026-09-30,2026-09-20,Meets,

            """
        var fixture = ReviewFixture(roster: roster, reviews: reviews)
        fixture.options = [
            "columns": .object([
                "cycle_id": .string("Review Cycle"), "reviewee_id": .string("Employee"),
                "reviewer_id": .string("Reviewer"), "relationship": .string("Type"), "status": .string("State"),
                "due_date": .string("Due Date"), "submitted_at": .string("Completed At"),
                "rating": .string("Overall Rating"), "comment": .string("Feedback"),
            ]),
            "scale": .object([
                "min": .number(1), "max": .number(4),
                "labels": .object(["Exceeds": .number(4), "Meets": .number(3), "Below": .number(2)]),
            ]),
            "statuses": .object(["Completed": .string("submitted"), "Open": .string("in_progress")]),
            "relationships": .object(["Self Review": .string("self")]),
        ]
        let result = try await fixture.run()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        // Manager ratings 4 (Exceeds), 3 (meets), 2 → mean 3; A4's is open (not submitted).
        #expect(result.value("reviews.ratingMean") == 3)
        #expect(result.value("reviews.completionRate.manager") == 0.75)
        // On 1–4, shares are reported for points 1…4 only.
        #expect(result.value("reviews.ratingShare.4") == 1.0 / 3.0)
        #expect(result.metric("reviews.ratingShare.5") == nil)
        // The self review with an empty reviewer is the reviewee's own: A1 self 3 − manager 4 = −1.
        #expect(result.value("reviews.selfManagerGap") == -1)
        // On time: the due day at 17:00 and the day before; 2026-10-02 is late. 3 of 4 submitted.
        #expect(result.value("reviews.onTimeRate") == 0.75)
        // The labels appear in the chart's legend.
        let chart = result.sections.first { $0.title == "Rating distribution" }?.blocks.compactMap { block -> ReportChart? in
            if case .chart(let chart) = block { return chart } else { return nil }
        }.first
        #expect(chart?.series.map(\.name) == ["1", "2 (Below)", "3 (Meets)", "4 (Exceeds)"])
    }

    @Test("several cycles in one file: only those due in the period count")
    func cycles() async throws {
        let reviews = """
            \(reviewHeader)
            2026-H1,A1,M1,manager,submitted,2026-06-30,2026-06-29,1,
            2026-H1,A2,M1,manager,submitted,2026-06-30,2026-06-29,1,
            2026-Q3,A1,M1,manager,submitted,2026-07-01,2026-06-29,4,
            2026-Q3,A2,M1,manager,submitted,2026-09-30,2026-09-30,5,
            2026-Q4,A3,M1,manager,not_started,2026-10-01,,,

            """
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        // Due 2026-07-01 and 2026-09-30 are the period's first and last days: (4 + 5) ÷ 2.
        #expect(result.value("reviews.ratingMean") == 4.5)
        #expect(result.value("reviews.completionRate") == 1)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("3 rows belong to review cycles due outside") })
    }

    @Test("9-box counts and promotion rate from the optional columns")
    func nineBox() async throws {
        let reviews = """
            cycle_id,reviewee_id,reviewer_id,relationship,status,due_date,submitted_at,rating,potential,promotion
            c1,A1,M1,manager,submitted,2026-09-15,2026-09-10,5,high,yes
            c1,A2,M1,manager,submitted,2026-09-15,2026-09-10,4,Medium,no
            c1,A3,M1,manager,submitted,2026-09-15,2026-09-10,3,low,no
            c1,A4,M1,manager,submitted,2026-09-15,2026-09-10,1,high,
            c1,A5,M1,manager,submitted,2026-09-15,2026-09-10,2,maybe,no
            c1,A5,A5,self,submitted,2026-09-15,2026-09-10,2,high,yes

            """
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        // Performance bands on 1–5: 1–2 low, 3 medium, 4–5 high. A5's potential is unknown
        // (a warning; the rest of the row is used); the self review's columns do not count.
        #expect(result.value("reviews.nineBox.high-high") == 1)    // A1: 5, high
        #expect(result.value("reviews.nineBox.high-medium") == 1)  // A2: 4, medium
        #expect(result.value("reviews.nineBox.medium-low") == 1)   // A3: 3, low
        #expect(result.value("reviews.nineBox.low-high") == 1)     // A4: 1, high
        #expect(result.value("reviews.nineBox.low-low") == 0)
        #expect(result.metric("reviews.nineBox.low-low")?.n == 4)
        // Promotion: A1 yes; A2, A3, A5 no; A4 blank → 1 ÷ 4.
        #expect(result.value("reviews.promotionRate") == 0.25)
        #expect(result.metric("reviews.promotionRate")?.n == 4)
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.line == 6 && $0.message.hasPrefix("potential") })
        // A5's rating still counts: (5 + 4 + 3 + 1 + 2) ÷ 5 = 3.
        #expect(result.value("reviews.ratingMean") == 3)
        #expect(result.sections.contains { $0.title == "Potential and promotion" })
    }

    @Test("without the optional columns there are no 9-box, promotion or substance figures")
    func withoutOptionalColumns() async throws {
        let reviews = """
            cycle_id,reviewee_id,reviewer_id,relationship,status,due_date,submitted_at,rating
            c1,A1,M1,manager,submitted,2026-09-15,2026-09-10,5

            """
        let result = try await ReviewFixture(roster: roster, reviews: reviews).run()
        #expect(!result.metrics.contains { $0.id.hasPrefix("reviews.nineBox.") || $0.id == "reviews.promotionRate" })
        #expect(result.metric("reviews.commentSubstance") == nil)
        #expect(!result.sections.contains { $0.title == "Potential and promotion" })
        #expect(result.diagnostics.contains { $0.severity == .info && $0.message.contains("no comment column") })
    }
}
