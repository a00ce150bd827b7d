/// The survey's metric ids (METRICS.md "Culture survey"), built once per family so that the
/// many metrics of a large organization share their id strings.
struct SurveyMetricIDs: Sendable {
    static let responses = "survey.responses"
    static let participation = "survey.participation"
    static let engagement = "survey.engagement"
    static let enps = "survey.enps"
    static let comments = "survey.comments"

    /// Per item: `survey.item.<item>.favorability`, `.unfavorability`, `.mean`.
    let itemFavorability: [String]
    let itemUnfavorability: [String]
    let itemMean: [String]
    /// Per item: `survey.driver.<item>`.
    let driver: [String]
    /// Per dimension: `survey.dimension.<dim>.favorability` and `survey.alpha.<dim>`.
    let dimension: [String]
    let alpha: [String]
    /// Per theme: `survey.commentTheme.<theme>`.
    let theme: [String]

    init(plan: SurveyPlan) {
        itemFavorability = plan.items.map { "survey.item.\($0.id).favorability" }
        itemUnfavorability = plan.items.map { "survey.item.\($0.id).unfavorability" }
        itemMean = plan.items.map { "survey.item.\($0.id).mean" }
        driver = plan.items.map { "survey.driver.\($0.id)" }
        dimension = plan.dimensions.map { "survey.dimension.\($0).favorability" }
        alpha = plan.dimensions.map { "survey.alpha.\($0)" }
        theme = plan.themes.map { "survey.commentTheme.\($0)" }
    }
}
