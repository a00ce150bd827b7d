import OrgHealthKit

extension OneOnOneAnalyzer {
    /// The documented definition of every metric this analyzer reports (the methodology section).
    static let definitions: [MetricDefinition] = [
        MetricDefinition(
            id: OneOnOneMetric.coverage,
            definition: "Share of expected pairs — each person active in the period who has a manager, with that manager — that held at least one one-on-one in the period. n = expected pairs. Also per manager.",
            signal: "Execution score = 100 × coverage (org, departments, teams)."),
        MetricDefinition(
            id: OneOnOneMetric.meetingsPerPair,
            definition: "Held meetings of expected pairs divided by the number of expected pairs; a pair's meetings on one day count once."),
        MetricDefinition(
            id: OneOnOneMetric.cadenceDays,
            definition: "For each expected pair with two or more held meetings, the median number of calendar days between consecutive held meetings; the metric is the median of those pair medians. n = pairs with two or more held meetings. Also per manager."),
        MetricDefinition(
            id: OneOnOneMetric.longGapRate,
            definition: "Share of expected pairs whose longest stretch without a held meeting is longer than maxGapDays (default 30), counting from the period's first day to the first meeting and from the last meeting to the period's last day; for someone hired or leaving during the period, from the hire date or to the end date. Also per manager.",
            signal: "Execution score = 100 × (1 − long-gap rate) (org, departments, teams)."),
        MetricDefinition(
            id: OneOnOneMetric.cancellationRate,
            definition: "Cancelled and no-show meetings divided by all recorded meetings of expected pairs in the period. n = expected pairs with at least one recorded meeting."),
        MetricDefinition(
            id: OneOnOneMetric.actionItemCompletion,
            definition: "Done action items divided by all distinct action items written in the period's held meetings of expected pairs. An item is identified within its pair by its normalized text (owner and due date left out), so an item copied forward is counted once, and it is done when any of its appearances in the period is checked. n = pairs with at least one action item. Also per manager.",
            signal: "Trust score = 100 × completion (org, departments, teams)."),
        MetricDefinition(
            id: OneOnOneMetric.careerTopic,
            definition: "Share of expected pairs with at least one held meeting whose notes touch career (keywords such as career, promotion, growth, next level; configurable).",
            signal: "Growth score = 100 × share (org, departments, teams)."),
        MetricDefinition(
            id: OneOnOneMetric.feedbackTopic,
            definition: "Share of expected pairs with at least one held meeting whose notes touch feedback (feedback, praise, recognition, coaching; configurable).",
            signal: "Feedback score = 100 × share (org, departments, teams)."),
        MetricDefinition(
            id: OneOnOneMetric.wellbeingTopic,
            definition: "Share of expected pairs with at least one held meeting whose notes check in on well-being (workload, stress, vacation, well-being; configurable).",
            signal: "Well-being score = 100 × share (org, departments, teams)."),
        MetricDefinition(
            id: OneOnOneMetric.prioritiesTopic,
            definition: "Share of expected pairs with at least one held meeting whose notes touch priorities (priorities, goals, roadmap, OKRs; configurable)."),
        MetricDefinition(
            id: OneOnOneMetric.topics,
            definition: "For a topic added in the config (analyzers.one-on-ones.topics): share of expected pairs with at least one held meeting touching it."),
        MetricDefinition(
            id: OneOnOneMetric.otherMeetings,
            definition: "Held meetings in the period between people who are not a person and their direct manager (skip-levels, dotted lines), counted by the scopes of the person met; they enter no other metric. n = such pairs."),
    ]
}
