import OrgHealthKit

extension ReviewCycleAnalyzer {
    public var examples: [AnalyzerExample] { Self.examples }

    /// A review export in the documented column order (docs/analyzers/review-cycles.md), with
    /// the optional comment, potential and promotion columns. One cycle due 2026-09-15.
    static let exampleReviews = AnalyzerExample.File(inputKind, "reviews.csv", """
    cycle_id,reviewee_id,reviewer_id,relationship,status,due_date,submitted_at,rating,comment,potential,promotion
    c1,A1,A1,self,submitted,2026-09-15,2026-09-10,4,,,
    c1,A2,A2,self,submitted,2026-09-15,2026-09-10,5,,,
    c1,A1,M1,manager,submitted,2026-09-15,2026-09-14,3,Ann led the migration with care and kept the team informed every week while also mentoring two new engineers through their first release this quarter with patience,high,yes
    c1,A2,M1,manager,submitted,2026-09-15,2026-09-16,4,Good quarter,medium,no
    c1,A3,M1,manager,not_started,2026-09-15,,,,,
    c1,M1,A1,upward,submitted,2026-09-15,2026-09-12,4,,,
    c1,M1,A2,upward,submitted,2026-09-15,2026-09-12,3,,,
    c1,M1,A3,upward,submitted,2026-09-15,2026-09-12,2,,,

    """)

    /// Worked by hand (everyone is in Alpha, Engineering, so org = department = team; scale 1–5):
    /// - completion: 7 submitted of 8 assignments → 7/8, n = 4 people reviewed (A1–A3, M1);
    ///   self 2/2 (n = 2), manager 2/3 (n = 3), upward 3/3 (n = 1, M1);
    /// - on time: 6 of the 7 submitted (A2's manager review came a day late), n = 3 people with
    ///   a submitted review (A1, A2, M1);
    /// - manager ratings 3 and 4: mean 3.5, shares of 3 and 4 one half each, n = 2; M1 gave
    ///   both, so M1's mean is 3.5 and leniency 3.5 − 3.5 = 0;
    /// - self − manager: A1 4 − 3, A2 5 − 4 → 1, n = 2;
    /// - comments of 25 words or more: A1's manager review (27 words) of the 2 submitted
    ///   manager reviews → 1/2;
    /// - upward about M1: (4 + 3 + 2) / 3 = 3 from 3 reviewers (at the minimum group size 3,
    ///   so the org figure pools it too);
    /// - 9-box: A1 rated 3 (medium) with high potential, A2 rated 4 (high) with medium potential;
    /// - promotion: 1 yes of 2 answers.
    static let examples: [AnalyzerExample] = [
        AnalyzerExample(
            "one team: self, manager and upward reviews with comments, potential and promotion",
            roster: """
            employee_id,manager_id,team,department
            M1,,Alpha,Engineering
            A1,M1,Alpha,Engineering
            A2,M1,Alpha,Engineering
            A3,M1,Alpha,Engineering

            """,
            files: [exampleReviews], minGroupSize: 3,
            expected: [
                .init(ReviewCycleMetric.completionRate, .org, 7.0 / 8, n: 4),
                .init(ReviewCycleMetric.completionRate(.`self`), .org, 1, n: 2),
                .init(ReviewCycleMetric.completionRate(.manager), .team("Alpha"), 2.0 / 3, n: 3),
                .init(ReviewCycleMetric.completionRate(.upward), .org, 1, n: 1),
                .init(ReviewCycleMetric.onTimeRate, .org, 6.0 / 7, n: 3),
                .init(ReviewCycleMetric.ratingMean, .org, 3.5, n: 2),
                .init(ReviewCycleMetric.ratingShare(3), .org, 0.5, n: 2),
                .init(ReviewCycleMetric.ratingShare(4), .org, 0.5, n: 2),
                .init(ReviewCycleMetric.ratingShare(5), .org, 0, n: 2),
                .init(ReviewCycleMetric.selfManagerGap, .department("Engineering"), 1, n: 2),
                .init(ReviewCycleMetric.commentSubstance, .org, 0.5),
                .init(ReviewCycleMetric.upwardScore, .manager("M1"), 3, n: 3),
                .init(ReviewCycleMetric.upwardScore, .org, 3, n: 3),
                .init(ReviewCycleMetric.ratingMean, .manager("M1"), 3.5, n: 2),
                .init(ReviewCycleMetric.leniency, .manager("M1"), 0, n: 2),
                .init(ReviewCycleMetric.nineBox(performance: .medium, potential: .high), .org, 1, n: 2),
                .init(ReviewCycleMetric.nineBox(performance: .high, potential: .medium), .org, 1, n: 2),
                .init(ReviewCycleMetric.nineBox(performance: .low, potential: .low), .org, 0, n: 2),
                .init(ReviewCycleMetric.promotionRate, .org, 0.5, n: 2),
            ]),
    ]
}
