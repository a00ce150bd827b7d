/// The answer scales `orghealth survey draft` recognises in an export's answers, and the
/// non-answer options it proposes for `missing:`. Every text here is a fixed vocabulary: the
/// draft writes only these (in the export's own spelling), never a respondent's answer.
enum SurveyAnswerScales {
    /// A labelled scale: its points in order (value 1, 2, …), each with the spellings seen in exports.
    struct Scale: Sendable {
        let name: String
        let points: [[String]]
    }

    static let agreement5 = Scale(name: "5-point agreement", points: [
        ["strongly disagree"], ["disagree"],
        ["neither agree nor disagree", "neither agree or disagree", "neutral", "undecided"],
        ["agree"], ["strongly agree"],
    ])
    static let agreement7 = Scale(name: "7-point agreement", points: [
        ["strongly disagree"], ["disagree"], ["somewhat disagree", "slightly disagree"],
        ["neither agree nor disagree", "neither agree or disagree", "neutral"],
        ["somewhat agree", "slightly agree"], ["agree"], ["strongly agree"],
    ])
    static let frequency5 = Scale(name: "5-point frequency", points: [
        ["never"], ["rarely", "seldom"], ["sometimes", "occasionally"], ["often", "usually", "most of the time"], ["always"],
    ])
    static let satisfaction5 = Scale(name: "5-point satisfaction", points: [
        ["very dissatisfied"], ["dissatisfied", "somewhat dissatisfied"],
        ["neither satisfied nor dissatisfied", "neither satisfied or dissatisfied", "neutral"],
        ["satisfied", "somewhat satisfied"], ["very satisfied"],
    ])
    static let yesNo = Scale(name: "yes/no", points: [["no"], ["yes"]])

    /// The labelled scales, most specific first (a 7-point answer set is not read as 5-point).
    static let labelled = [agreement7, agreement5, satisfaction5, frequency5, yesNo]

    /// Options that mean "no answer", proposed for `missing:` when an export uses them.
    static let nonAnswers: Set<String> = [
        "na", "n/a", "n.a.", "not applicable", "don't know", "dont know", "do not know", "don’t know", "prefer not to say",
        "prefer not to answer", "i prefer not to say", "no opinion", "no basis for evaluation", "unsure", "not sure",
        "cannot say", "can't say", "no answer", "decline to answer",
    ]

    /// Words that make a statement negatively worded (agreeing is unfavourable): a reverse candidate.
    static let negativeWords = [
        "blame", "exhausted", "burned out", "burnt out", "burnout", "stressed", "overwhelmed", "overworked", "unfair",
        "ignored", "frustrat", "afraid to", "too much", "hard to", "difficult to", "worried", "anxious", "micromanag",
        "think about leaving", "thinking of leaving", "looking for another job", "not valued", "undervalued",
    ]

    /// Words that point at each health dimension (docs/analyzers/culture-survey.md), and at the
    /// engagement outcome, for the draft's `dimension:` guess.
    static let dimensionWords: [(dimension: String, words: [String])] = [
        ("engagement", ["proud", "recommend", "see myself", "still working here", "motivat", "great place to work"]),
        ("direction", ["expected of me", "goals", "priorities", "strategy", "mission", "vision", "direction"]),
        ("leadership", ["leadership", "leader", "manager", "senior", "management"]),
        ("trust", ["trust", "speak up", "raise concerns", "blame", "honest", "safe to", "commitments", "respect"]),
        ("feedback", ["feedback", "recognition", "recognised", "recognized", "one-on-one", "1:1", "appreciat"]),
        ("growth", ["learn", "grow", "career", "develop", "future", "promotion", "skills"]),
        ("wellbeing", ["workload", "exhausted", "time off", "stress", "balance", "burn", "well-being", "wellbeing", "health"]),
        ("execution", ["tools", "resources", "accountable", "decisions", "process", "deliver", "timely", "efficient"]),
    ]

    /// The first dimension whose words occur in the question, if any.
    static func dimensionGuess(_ question: String) -> String? {
        let text = question.lowercased()
        return dimensionWords.first { $0.words.contains(where: text.contains) }?.dimension
    }

    /// Whether the question reads as negatively worded.
    static func isNegativelyWorded(_ question: String) -> Bool {
        let text = question.lowercased()
        return negativeWords.contains(where: text.contains)
    }
}
