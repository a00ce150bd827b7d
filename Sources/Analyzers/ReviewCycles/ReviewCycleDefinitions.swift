import OrgHealthKit

extension ReviewCycleAnalyzer {
    /// The documented definition of every metric this analyzer reports, for the methodology
    /// section. Group figures are by the reviewee's org, department and team; their n counts
    /// people reviewed (each once, whatever their number of rows).
    static let definitions: [MetricDefinition] = [
        MetricDefinition(
            id: ReviewCycleMetric.completionRate,
            definition: "Submitted review assignments divided by all assignments that were not declined, for the cycles "
                + "due in the period. n = people reviewed with such an assignment.",
            signal: "Execution score = 100 × completion rate."),
        MetricDefinition(
            id: ReviewCycleMetric.completionRates,
            definition: "The completion rate of one relationship: .self, .manager, .peer or .upward. n = people "
                + "reviewed with such an assignment.",
            signal: "Feedback score = 100 × the peer completion rate (reviews.completionRate.peer)."),
        MetricDefinition(
            id: ReviewCycleMetric.onTimeRate,
            definition: "Submitted reviews whose submission date is on or before the due date (the due day counts as on "
                + "time), divided by all submitted reviews. n = people with a submitted review.",
            signal: "Execution score = 100 × on-time rate."),
        MetricDefinition(
            id: ReviewCycleMetric.ratingMean,
            definition: "Mean rating of the submitted manager reviews. n = people rated. At manager scope: the mean of "
                + "the manager ratings that manager gave, n = ratings given."),
        MetricDefinition(
            id: ReviewCycleMetric.ratingShares,
            definition: "Share of manager ratings at each point of the scale (reviews.ratingShare.1 … .5 on 1–5); a "
                + "rating between points counts at the nearest point, halves rounded up. n = people rated."),
        MetricDefinition(
            id: ReviewCycleMetric.selfManagerGap,
            definition: "Mean, over people with both a self rating and a manager rating in the same cycle, of (self − "
                + "manager); positive when people rate themselves higher. n = those people.",
            signal: "Direction score = 100 × (1 − 2 × |gap| ÷ scale width), at least 0: no gap is 100, a gap of a quarter "
                + "of the scale (1 point on 1–5) is 50."),
        MetricDefinition(
            id: ReviewCycleMetric.leniency,
            definition: "Per manager: the mean rating the manager gave in manager reviews minus the organization's mean "
                + "manager rating. n = ratings given. Flagged for calibration when n ≥ the minimum group size and "
                + "|z| ≥ 2, with z = difference ÷ (org sd ÷ √n) and the org sd the sample standard deviation (n − 1) "
                + "of all manager ratings in the organization."),
        MetricDefinition(
            id: ReviewCycleMetric.commentSubstance,
            definition: "Share of submitted manager and peer reviews whose comment has at least 25 words (words are runs "
                + "of characters between white space). Reported when the file has a comment column. n = people reviewed.",
            signal: "Feedback score = 100 × comment substance."),
        MetricDefinition(
            id: ReviewCycleMetric.upwardScore,
            definition: "Mean upward rating. Per manager: the ratings from their direct reports, n = distinct upward "
                + "reviewers; withheld under the minimum group size. Org, department and team (of the manager): pooled "
                + "over the managers whose own score may be shown, n = their upward reviewers.",
            signal: "Leadership score = 100 × (score − scale min) ÷ (scale max − scale min); per manager only when "
                + "the score may be shown."),
        MetricDefinition(
            id: ReviewCycleMetric.nineBoxCounts,
            definition: "9-box counts, reviews.nineBox.<performance>-<potential> (each low, medium or high): submitted "
                + "manager reviews with a rating and a potential, by the performance band of the rating (lowest third of "
                + "the scale low, highest third high; on 1–5: 1–2, 3, 4–5) and the potential given. Reported when the "
                + "file has a potential column. n = people with both."),
        MetricDefinition(
            id: ReviewCycleMetric.promotionRate,
            definition: "Share of submitted manager reviews recommending promotion (yes) among those answering yes or no. "
                + "Reported when the file has a promotion column. n = people with an answer."),
    ]
}
