import OrgHealthKit

/// The metric ids of this analyzer (METRICS.md "Review cycles", plus the optional 9-box and
/// promotion figures).
enum ReviewMetricID {
    static let completionRate = "reviews.completionRate"
    static func completionRate(_ relationship: ReviewRelationship) -> String { completionRates[relationship.rawValue] }
    private static let completionRates = ReviewRelationship.allCases.map { "reviews.completionRate.\($0.name)" }
    static let onTimeRate = "reviews.onTimeRate"
    static let ratingMean = "reviews.ratingMean"
    static func ratingShare(_ point: Int) -> String { "reviews.ratingShare.\(point)" }
    static let selfManagerGap = "reviews.selfManagerGap"
    static let leniency = "reviews.leniency"
    static let commentSubstance = "reviews.commentSubstance"
    static let upwardScore = "reviews.upwardScore"
    static func nineBox(performance: NineBoxBand, potential: NineBoxBand) -> String {
        nineBoxes[performance.rawValue * 3 + potential.rawValue]
    }
    /// Performance-major, low → high, as the tallies count them.
    static let nineBoxes = NineBoxBand.allCases.flatMap { performance in
        NineBoxBand.allCases.map { "reviews.nineBox.\(performance.name)-\($0.name)" }
    }
    static let promotionRate = "reviews.promotionRate"
}

extension ReviewFigures {
    /// Every figure as a metric with its honest n; the engine's privacy gate withholds the
    /// small ones.
    func metrics() -> [Metric] {
        var metrics: [Metric] = []
        // One id string per point, shared by every scope's metric.
        let shareIDs = scale.points.map(ReviewMetricID.ratingShare)
        for group in groups {
            let scope = group.scope
            func add(_ id: String, _ figure: Figure?, _ unit: MetricUnit, _ dimension: HealthDimension?) {
                guard let figure else { return }
                metrics.append(Metric(id: id, scope: scope, value: figure.value, unit: unit, n: figure.n, dimension: dimension))
            }
            add(ReviewMetricID.completionRate, group.completion, .ratio, .execution)
            for relationship in ReviewRelationship.allCases {
                add(ReviewMetricID.completionRate(relationship), group.completionByRelationship[relationship], .ratio,
                    relationship == .peer ? .feedback : .execution)
            }
            add(ReviewMetricID.onTimeRate, group.onTime, .ratio, .execution)
            add(ReviewMetricID.ratingMean, group.ratingMean, .rating, nil)
            for (offset, share) in group.ratingShares.enumerated() {
                add(shareIDs[offset], share, .ratio, nil)
            }
            add(ReviewMetricID.selfManagerGap, group.selfManagerGap, .rating, .direction)
            add(ReviewMetricID.commentSubstance, group.commentSubstance, .ratio, .feedback)
            add(ReviewMetricID.upwardScore, group.upwardScore, .rating, .leadership)
            for (cell, count) in group.nineBox.enumerated() {
                add(ReviewMetricID.nineBoxes[cell], count, .count, .growth)
            }
            add(ReviewMetricID.promotionRate, group.promotionRate, .ratio, .growth)
        }
        for manager in managers {
            let scope = Scope.manager(manager.id)
            if let given = manager.leniency {
                metrics.append(Metric(
                    id: ReviewMetricID.ratingMean, scope: scope, value: given.mean, unit: .rating, n: given.n))
                metrics.append(Metric(
                    id: ReviewMetricID.leniency, scope: scope, value: given.difference, unit: .rating, n: given.n))
            }
            if let upward = manager.upwardScore {
                metrics.append(Metric(
                    id: ReviewMetricID.upwardScore, scope: scope, value: upward.value, unit: .rating, n: upward.n,
                    dimension: .leadership))
            }
        }
        return metrics
    }
}
