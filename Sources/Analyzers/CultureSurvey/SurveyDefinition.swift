import OrgHealthKit

/// A culture survey as described by its `survey.yml`: the answer scale, the items and the
/// dimensions they measure, the engagement (outcome) items, the eNPS and comment columns.
struct SurveyDefinition: Sendable {
    /// One scored question.
    struct Item: Sendable, Hashable {
        /// The item's id, used in metric ids (`survey.item.<id>.favorability`).
        var id: String
        /// The export column holding the answers.
        var column: String
        /// The question as asked (shown in the report; never respondent data).
        var text: String
        /// The dimension the item measures (`trust`); `nil` for an item outside every dimension.
        var dimension: String?
        /// Whether agreeing is unfavourable, so answers are recoded x → min + max − x first.
        var reverse: Bool
        /// The line of the item in the definition, for diagnostics.
        var line: Int
        /// Answers that mean "no answer" for this item, replacing the survey's `missing:`.
        var missing: MissingAnswers? = nil
    }

    /// The survey's id.
    var id: String
    /// The survey's title.
    var title: String
    /// The day the survey closed; it belongs to the period containing this day.
    var closed: CalendarDate
    /// The answer scale.
    var scale: SurveyScale
    /// Answer text → scale value, matched ignoring case and surrounding spaces.
    var labels: [(text: String, value: Int)]
    /// The column naming each respondent's team.
    var groupColumn: String
    /// The ids of the engagement (outcome) items.
    var outcome: [String]
    /// The eNPS column (answers 0–10), if the survey asks it.
    var enpsColumn: String?
    /// The free-text comment columns.
    var commentColumns: [String]
    /// The scored items, in definition order.
    var items: [Item]
    /// Lines of keys in the definition, for diagnostics that point at them.
    var lines: [String: Int]
    /// Answers that mean "no answer" ("NA", "Don't know", −1…): never a scale point, never a warning.
    var missing = MissingAnswers()
    /// Comment texts that are not comments ("NA", "none", "-"…): the defaults plus `commentPlaceholders:`.
    var commentPlaceholders = CommentPlaceholders()

    /// `groupColumn: none`: the survey carries no team information; figures are for the organization only.
    var isOrganizationOnly: Bool { groupColumn.lowercased() == "none" }

    /// The answers that mean "no answer" for an item: its own list, else the survey's.
    func missing(for item: Item) -> MissingAnswers { item.missing ?? missing }
}

/// The answer scale and its favourable/unfavourable cut-offs.
struct SurveyScale: Sendable, Hashable {
    /// The lowest answer.
    var min: Int
    /// The highest answer.
    var max: Int
    /// Answers at or above this are favourable.
    var favorableMin: Int
    /// Answers at or below this are unfavourable.
    var unfavorableMax: Int

    /// The common 5-point agreement scale: 4–5 favourable, 1–2 unfavourable.
    static let fivePoint = SurveyScale(min: 1, max: 5, favorableMin: 4, unfavorableMax: 2)

    /// `nil` when the cut-offs are consistent; otherwise what is wrong.
    var problem: String? {
        guard min < max else { return "scale.min must be below scale.max" }
        guard max - min <= 100 else { return "the scale may span at most 100 points" }
        guard min <= unfavorableMax, unfavorableMax < favorableMin, favorableMin <= max else {
            return "the scale needs min ≤ unfavorableMax < favorableMin ≤ max"
        }
        return nil
    }
}
