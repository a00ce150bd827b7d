import OrgHealthKit

/// The one-on-one analyzer's metric ids (docs/METRICS.md "One-on-ones"): the one place they
/// are spelled. Its definitions, metrics, signals, sections and findings, and the engine's
/// cross-source rules, name these constants.
public enum OneOnOneMetric {
    /// The namespace `oneonone.` (older than the spelling rule, so not the analyzer's id).
    public static let prefix = MetricPrefix("oneonone")
    /// `oneonone.coverage`.
    public static let coverage = prefix.id("coverage")
    /// `oneonone.meetingsPerPair`.
    public static let meetingsPerPair = prefix.id("meetingsPerPair")
    /// `oneonone.cadenceDays`.
    public static let cadenceDays = prefix.id("cadenceDays")
    /// `oneonone.longGapRate`.
    public static let longGapRate = prefix.id("longGapRate")
    /// `oneonone.cancellationRate`.
    public static let cancellationRate = prefix.id("cancellationRate")
    /// `oneonone.actionItemCompletion`.
    public static let actionItemCompletion = prefix.id("actionItemCompletion")
    /// `oneonone.otherMeetings`: skip-levels and dotted lines.
    public static let otherMeetings = prefix.id("otherMeetings")
    /// The family `oneonone.topic.`: one share per topic of the lexicon.
    public static let topics = prefix.family("topic")
    /// `oneonone.topic.<name>`.
    public static func topic(_ name: String) -> MetricID { prefix.id("topic.\(name)") }
    /// `oneonone.topic.career`.
    public static let careerTopic = topic("career")
    /// `oneonone.topic.feedback`.
    public static let feedbackTopic = topic("feedback")
    /// `oneonone.topic.wellbeing`.
    public static let wellbeingTopic = topic("wellbeing")
    /// `oneonone.topic.priorities`.
    public static let prioritiesTopic = topic("priorities")
}
