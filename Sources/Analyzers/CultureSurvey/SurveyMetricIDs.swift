import OrgHealthKit

/// The metric ids of one survey's items, dimensions and themes (``CultureSurveyMetric``), built
/// once per family so that the many metrics of a large organization share their id strings.
struct SurveyMetricIDs: Sendable {
    /// Per item: `survey.item.<item>.favorability`, `.unfavorability`, `.mean`.
    let itemFavorability: [MetricID]
    let itemUnfavorability: [MetricID]
    let itemMean: [MetricID]
    /// Per item: `survey.driver.<item>`.
    let driver: [MetricID]
    /// Per dimension: `survey.dimension.<dim>.favorability` and `survey.alpha.<dim>`.
    let dimension: [MetricID]
    let alpha: [MetricID]
    /// Per theme: `survey.commentTheme.<theme>`.
    let theme: [MetricID]

    init(plan: SurveyPlan) {
        itemFavorability = plan.items.map { CultureSurveyMetric.itemFavorability($0.id) }
        itemUnfavorability = plan.items.map { CultureSurveyMetric.itemUnfavorability($0.id) }
        itemMean = plan.items.map { CultureSurveyMetric.itemMean($0.id) }
        driver = plan.items.map { CultureSurveyMetric.driver($0.id) }
        dimension = plan.dimensions.map { CultureSurveyMetric.dimensionFavorability(HealthDimension($0)) }
        alpha = plan.dimensions.map { CultureSurveyMetric.alpha(HealthDimension($0)) }
        theme = plan.themes.map(CultureSurveyMetric.commentTheme)
    }
}
