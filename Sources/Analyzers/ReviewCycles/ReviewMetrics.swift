import OrgHealthKit

/// The review-cycle analyzer's metric ids (docs/METRICS.md "Review cycles", plus the optional
/// 9-box and promotion figures): the one place they are spelled. Its definitions, metrics,
/// signals, sections and findings, and the engine's cross-source rules, name these constants.
public enum ReviewCycleMetric {
    /// The namespace `reviews.` (older than the spelling rule, so not the analyzer's id).
    public static let prefix = MetricPrefix("reviews")
    /// `reviews.completionRate`.
    public static let completionRate = prefix.id("completionRate")
    /// The family `reviews.completionRate.`: one rate per relationship.
    public static let completionRates = prefix.family("completionRate")
    /// `reviews.completionRate.<relationship>` (`self`, `manager`, `peer`, `upward`).
    static func completionRate(_ relationship: ReviewRelationship) -> MetricID { relationshipRates[relationship.rawValue] }
    private static let relationshipRates = ReviewRelationship.allCases.map { prefix.id("completionRate.\($0.name)") }
    /// `reviews.onTimeRate`.
    public static let onTimeRate = prefix.id("onTimeRate")
    /// `reviews.ratingMean`.
    public static let ratingMean = prefix.id("ratingMean")
    /// The family `reviews.ratingShare.`: one share per point of the scale.
    public static let ratingShares = prefix.family("ratingShare")
    /// `reviews.ratingShare.<point>`.
    public static func ratingShare(_ point: Int) -> MetricID { prefix.id("ratingShare.\(point)") }
    /// `reviews.selfManagerGap`.
    public static let selfManagerGap = prefix.id("selfManagerGap")
    /// `reviews.leniency` (per manager).
    public static let leniency = prefix.id("leniency")
    /// `reviews.commentSubstance`.
    public static let commentSubstance = prefix.id("commentSubstance")
    /// `reviews.upwardScore`.
    public static let upwardScore = prefix.id("upwardScore")
    /// The family `reviews.nineBox.`: `reviews.nineBox.<performance>-<potential>`.
    public static let nineBoxCounts = prefix.family("nineBox")
    static func nineBox(performance: NineBoxBand, potential: NineBoxBand) -> MetricID {
        nineBoxes[performance.rawValue * 3 + potential.rawValue]
    }
    /// Performance-major, low → high, as the tallies count them.
    static let nineBoxes = NineBoxBand.allCases.flatMap { performance in
        NineBoxBand.allCases.map { prefix.id("nineBox.\(performance.name)-\($0.name)") }
    }
    /// `reviews.promotionRate`.
    public static let promotionRate = prefix.id("promotionRate")
}

extension ReviewFigures {
    /// Every figure as a metric with its honest n; the engine's privacy gate withholds the
    /// small ones.
    func metrics() -> [Metric] {
        var metrics: [Metric] = []
        // One id string per point, shared by every scope's metric.
        let shareIDs = scale.points.map(ReviewCycleMetric.ratingShare)
        for group in groups {
            let scope = group.scope
            func add(_ id: MetricID, _ figure: Figure?, _ unit: MetricUnit, _ dimension: HealthDimension?) {
                guard let figure else { return }
                metrics.append(Metric(id: id, scope: scope, value: figure.value, unit: unit, n: figure.n, dimension: dimension))
            }
            add(ReviewCycleMetric.completionRate, group.completion, .ratio, .execution)
            for relationship in ReviewRelationship.allCases {
                add(ReviewCycleMetric.completionRate(relationship), group.completionByRelationship[relationship], .ratio,
                    relationship == .peer ? .feedback : .execution)
            }
            add(ReviewCycleMetric.onTimeRate, group.onTime, .ratio, .execution)
            add(ReviewCycleMetric.ratingMean, group.ratingMean, .rating, nil)
            for (offset, share) in group.ratingShares.enumerated() {
                add(shareIDs[offset], share, .ratio, nil)
            }
            add(ReviewCycleMetric.selfManagerGap, group.selfManagerGap, .rating, .direction)
            add(ReviewCycleMetric.commentSubstance, group.commentSubstance, .ratio, .feedback)
            add(ReviewCycleMetric.upwardScore, group.upwardScore, .rating, .leadership)
            for (cell, count) in group.nineBox.enumerated() {
                add(ReviewCycleMetric.nineBoxes[cell], count, .count, .growth)
            }
            add(ReviewCycleMetric.promotionRate, group.promotionRate, .ratio, .growth)
        }
        for manager in managers {
            let scope = Scope.manager(manager.id)
            if let given = manager.leniency {
                metrics.append(Metric(
                    id: ReviewCycleMetric.ratingMean, scope: scope, value: given.mean, unit: .rating, n: given.n))
                metrics.append(Metric(
                    id: ReviewCycleMetric.leniency, scope: scope, value: given.difference, unit: .rating, n: given.n))
            }
            if let upward = manager.upwardScore {
                metrics.append(Metric(
                    id: ReviewCycleMetric.upwardScore, scope: scope, value: upward.value, unit: .rating, n: upward.n,
                    dimension: .leadership))
            }
        }
        return metrics
    }
}
