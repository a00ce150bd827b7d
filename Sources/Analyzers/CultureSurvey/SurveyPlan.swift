import OrgHealthKit

/// The survey's items, dimensions and engagement items as indices, fixed before reading the
/// responses: the layout of every count the tally keeps.
struct SurveyPlan: Sendable {
    /// The items found in the export, in definition order.
    let items: [SurveyDefinition.Item]
    /// The scale.
    let scale: SurveyScale
    /// The dimensions of the items, in report order (built-in dimensions first).
    let dimensions: [String]
    /// Per item: the index of its dimension, if it has one.
    let itemDimension: [Int?]
    /// Per dimension: its items.
    let dimensionItems: [[Int]]
    /// The engagement (outcome) items.
    let outcomeItems: [Int]
    /// Per item: whether it is an outcome item.
    let isOutcome: [Bool]
    /// Whether the survey asks the eNPS question (in at least one export).
    let hasENPS: Bool
    /// The comment themes (empty when comments are excluded).
    let themes: [String]

    /// Per dimension: whether it feeds a health signal (it has an item outside the outcome set).
    let dimensionFeedsSignal: [Bool]

    init(definition: SurveyDefinition, activeItems: Set<String>, hasENPS: Bool, themes: [String]) {
        let items = definition.items.filter { activeItems.contains($0.id) }
        let outcomeIDs = Set(definition.outcome)
        let isOutcome = items.map { outcomeIDs.contains($0.id) }
        let dimensions = Set(items.compactMap(\.dimension)).sorted { HealthDimension($0) < HealthDimension($1) }
        let itemDimension = items.map { item in item.dimension.flatMap { dimensions.firstIndex(of: $0) } }
        let dimensionItems = dimensions.indices.map { dimension in items.indices.filter { itemDimension[$0] == dimension } }
        self.items = items
        self.isOutcome = isOutcome
        self.dimensions = dimensions
        self.itemDimension = itemDimension
        self.dimensionItems = dimensionItems
        scale = definition.scale
        outcomeItems = items.indices.filter { isOutcome[$0] }
        dimensionFeedsSignal = dimensionItems.map { members in members.contains { !isOutcome[$0] } }
        self.hasENPS = hasENPS
        self.themes = themes
    }

    // Per-group counter layout (see ``SurveyTally``).

    /// Counters per item: answers, favourable, unfavourable, Σ (value − min).
    static let itemStride = 4
    static let valid = 0, favorable = 1, unfavorable = 2, sum = 3

    /// Per-group counters: responses, eNPS promoters/passives/detractors, engagement
    /// respondents, commenters, then respondents per dimension and comments per theme.
    static let responses = 0, promoters = 1, passives = 2, detractors = 3, engaged = 4, commenters = 5
    static let fixedGroupCounters = 6

    /// Where a dimension's respondent count sits among a group's counters.
    func dimensionCounter(_ dimension: Int) -> Int { Self.fixedGroupCounters + dimension }
    /// Where a theme's comment count sits among a group's counters.
    func themeCounter(_ theme: Int) -> Int { Self.fixedGroupCounters + dimensions.count + theme }
    /// The number of counters per group.
    var groupStride: Int { Self.fixedGroupCounters + dimensions.count + themes.count }
    /// The number of item counters per group.
    var itemCounterCount: Int { items.count * Self.itemStride }
}
