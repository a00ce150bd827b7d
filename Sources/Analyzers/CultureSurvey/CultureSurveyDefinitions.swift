import OrgHealthKit

extension CultureSurveyAnalyzer {
    /// The documented definition of every metric this analyzer reports (the methodology section).
    static let definitions: [MetricDefinition] = [
        MetricDefinition(
            id: CultureSurveyMetric.responses,
            definition: "Responses counted for the scope: rows of the export whose respondent's team is known, after "
                + "leaving out Qualtrics previews, tests and unfinished responses."),
        MetricDefinition(
            id: CultureSurveyMetric.participation,
            definition: "Responses divided by the scope's headcount (people employed on the period's last day)."),
        MetricDefinition(
            id: CultureSurveyMetric.items,
            definition: "Per item: .favorability = answers at or above the favorable cut-off ÷ the item's answers; "
                + ".unfavorability = answers at or below the unfavorable cut-off ÷ answers; .mean = mean answer on the "
                + "scale. Reverse-coded items are recoded first (x becomes min + max − x); blank answers are missing, "
                + "never zero. n = the item's answers. Given per team only while the number of per-team item figures "
                + "stays within the analyzer's budget (then per department and organization)."),
        MetricDefinition(
            id: CultureSurveyMetric.dimensions,
            definition: "Per dimension: favorable answers ÷ answers, pooled over all items of the dimension. "
                + "n = respondents who answered at least one of its items.",
            signal: "Score = favorability × 100, for the dimension the items name (dimensions made only of engagement "
                + "items give no signal)."),
        MetricDefinition(
            id: CultureSurveyMetric.engagement,
            definition: "The engagement index: favorability pooled over the outcome items. n = respondents who answered "
                + "at least one outcome item.",
            signal: "Leadership score = engagement × 100."),
        MetricDefinition(
            id: CultureSurveyMetric.enps,
            definition: "Employee Net Promoter Score: 100 × (promoters answering 9–10 − detractors answering 0–6) ÷ "
                + "valid answers, from −100 to 100. n = valid answers.",
            signal: "Leadership score = (eNPS + 100) ÷ 2."),
        MetricDefinition(
            id: CultureSurveyMetric.alphas,
            definition: "Cronbach's α of a dimension's items (organization only): k/(k−1) · (1 − Σ item variances ÷ "
                + "variance of the item sum), sample variances, over respondents who answered every item of the "
                + "dimension. Needs 2 or more items and 10 or more such respondents; below 0.6 the dimension is flagged "
                + "as unreliably measured."),
        MetricDefinition(
            id: CultureSurveyMetric.drivers,
            definition: "Per item outside the outcome set (organization only): Pearson's r between the item's answer "
                + "and the respondent's engagement score (the mean of their answered outcome items), over respondents "
                + "who answered both."),
        MetricDefinition(
            id: CultureSurveyMetric.comments,
            definition: "Respondents who wrote a comment. Not reported under comments: exclude."),
        MetricDefinition(
            id: CultureSurveyMetric.commentThemes,
            definition: "Per theme: comments touching the theme, found with a keyword lexicon (a word starting with one "
                + "of the theme's keywords). n = commenters in the scope, so themes follow the minimum group size. "
                + "Not reported under comments: exclude."),
    ]
}
