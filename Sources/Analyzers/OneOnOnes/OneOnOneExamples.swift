import OrgHealthKit

extension OneOnOneAnalyzer {
    public var examples: [AnalyzerExample] { Self.examples }

    /// M1 leads A1–A4 in Core (M1 has no manager, so there are four expected pairs).
    static let exampleRoster = """
    employee_id,manager_id,team,department,hire_date,end_date
    M1,,Core,Eng,2018-01-01,
    A1,M1,Core,Eng,2020-01-01,
    A2,M1,Core,Eng,2020-01-01,
    A3,M1,Core,Eng,2020-01-01,
    A4,M1,Core,Eng,2020-01-01,

    """

    /// A JSON Lines export, one meeting a line (the shape of docs/analyzers/one-on-ones.md
    /// "JSON Lines": date, manager, report, status, notes, action_items).
    static let exampleNotes = AnalyzerExample.File(inputKind, "notes.jsonl", """
    {"date":"2026-07-01","manager":"M1","report":"A1","notes":"Talked about promotion timing","action_items":[{"text":"share the design doc","done":false}]}
    {"date":"2026-07-15","manager":"M1","report":"A1","notes":"Feedback on the demo","action_items":[{"text":"share the design doc","done":true}]}
    {"date":"2026-07-29","manager":"M1","report":"A1"}
    {"date":"2026-08-12","manager":"M1","report":"A1"}
    {"date":"2026-08-26","manager":"M1","report":"A1"}
    {"date":"2026-09-09","manager":"M1","report":"A1"}
    {"date":"2026-09-23","manager":"M1","report":"A1"}
    {"date":"2026-07-10","manager":"M1","report":"A2","notes":"Workload is heavy","action_items":[{"text":"book the course","done":false}]}
    {"date":"2026-07-24","manager":"M1","report":"A2","status":"cancelled"}
    {"date":"2026-08-07","manager":"M1","report":"A2"}
    {"date":"2026-08-01","manager":"M1","report":"A3","status":"no-show"}
    {"date":"2026-08-05","manager":"A1","report":"A2"}

    """)

    /// Worked by hand for 2026-Q3 (2026-07-01 … 2026-09-30):
    /// - A1: 7 held meetings, every 14 days from 07-01 to 09-23; longest gap 14 (the last one
    ///   to 09-30 is 7). A2: held 07-10 and 08-07 (28 days apart), 07-24 cancelled; from 08-07
    ///   to 09-30 is 54 days. A3: one no-show, nothing held (91 days). A4: nothing.
    /// - coverage: A1, A2 → 2/4; meetings per pair (7 + 2) / 4 = 2.25; cadence: median of the
    ///   pair medians 14 and 28 = 21 (n = 2); long gaps (> 30 days): A2, A3, A4 → 3/4;
    /// - cancellations: 2 missed (A2's cancelled, A3's no-show) of 11 recorded (7 + 3 + 1),
    ///   n = 3 pairs with a record;
    /// - action items: "share the design doc" (A1, done on 07-15) and "book the course" (A2,
    ///   open) → 1/2, n = 2 pairs;
    /// - topics: career (promotion) A1, feedback A1, well-being (workload) A2 → 1/4 each,
    ///   priorities 0/4;
    /// - A1 meeting A2 is not a person and their manager: 1 other meeting, 1 pair.
    static let examples: [AnalyzerExample] = [
        AnalyzerExample(
            "four reports: regular, sparse, no-show only, none",
            roster: exampleRoster, files: [exampleNotes],
            expected: [
                .init(OneOnOneMetric.coverage, .org, 0.5, n: 4),
                .init(OneOnOneMetric.coverage, .manager("M1"), 0.5, n: 4),
                .init(OneOnOneMetric.meetingsPerPair, .team("Core"), 2.25, n: 4),
                .init(OneOnOneMetric.cadenceDays, .org, 21, n: 2),
                .init(OneOnOneMetric.longGapRate, .org, 0.75, n: 4),
                .init(OneOnOneMetric.cancellationRate, .org, 2.0 / 11, n: 3),
                .init(OneOnOneMetric.actionItemCompletion, .org, 0.5, n: 2),
                .init(OneOnOneMetric.careerTopic, .org, 0.25, n: 4),
                .init(OneOnOneMetric.feedbackTopic, .org, 0.25, n: 4),
                .init(OneOnOneMetric.wellbeingTopic, .org, 0.25, n: 4),
                .init(OneOnOneMetric.prioritiesTopic, .org, 0, n: 4),
                .init(OneOnOneMetric.otherMeetings, .org, 1, n: 1),
            ]),
        AnalyzerExample(
            "a longer allowed gap: maxGapDays 60",
            roster: exampleRoster, files: [exampleNotes],
            options: AnalyzerOptions(["maxGapDays": .number(60)]),
            // A2's longest gap (54 days) is no longer long; A3 and A4 (91 days) still are → 2/4.
            expected: [.init(OneOnOneMetric.longGapRate, .org, 0.5, n: 4)]),
    ]
}
