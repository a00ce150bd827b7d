import OrgHealthKit

/// The culture survey analyzer's metric ids (docs/METRICS.md "Culture survey"): the one place
/// they are spelled. Its definitions, metrics, sections and findings, the engine's cross-source
/// rules, and the per-survey id lists of ``SurveyMetricIDs`` name these constants.
public enum CultureSurveyMetric {
    /// The namespace `survey.` (older than the spelling rule, so not the analyzer's id).
    public static let prefix = MetricPrefix("survey")
    /// `survey.responses`.
    public static let responses = prefix.id("responses")
    /// `survey.participation`.
    public static let participation = prefix.id("participation")
    /// `survey.engagement`.
    public static let engagement = prefix.id("engagement")
    /// `survey.enps`.
    public static let enps = prefix.id("enps")
    /// `survey.comments`.
    public static let comments = prefix.id("comments")

    /// The family `survey.item.`: `.favorability`, `.unfavorability`, `.mean` per item.
    public static let items = prefix.family("item")
    /// `survey.item.<item>.favorability`.
    public static func itemFavorability(_ item: String) -> MetricID { prefix.id("item.\(item).favorability") }
    /// `survey.item.<item>.unfavorability`.
    public static func itemUnfavorability(_ item: String) -> MetricID { prefix.id("item.\(item).unfavorability") }
    /// `survey.item.<item>.mean`.
    public static func itemMean(_ item: String) -> MetricID { prefix.id("item.\(item).mean") }

    /// The family `survey.dimension.`.
    public static let dimensions = prefix.family("dimension")
    /// `survey.dimension.<dimension>.favorability`, e.g. `survey.dimension.trust.favorability`.
    public static func dimensionFavorability(_ dimension: HealthDimension) -> MetricID {
        prefix.id("dimension.\(dimension.rawValue).favorability")
    }

    /// The family `survey.alpha.`.
    public static let alphas = prefix.family("alpha")
    /// `survey.alpha.<dimension>`: Cronbach's α.
    public static func alpha(_ dimension: HealthDimension) -> MetricID { prefix.id("alpha.\(dimension.rawValue)") }

    /// The family `survey.driver.`.
    public static let drivers = prefix.family("driver")
    /// `survey.driver.<item>`.
    public static func driver(_ item: String) -> MetricID { prefix.id("driver.\(item)") }

    /// The family `survey.commentTheme.`.
    public static let commentThemes = prefix.family("commentTheme")
    /// `survey.commentTheme.<theme>`.
    public static func commentTheme(_ theme: String) -> MetricID { prefix.id("commentTheme.\(theme)") }
}
