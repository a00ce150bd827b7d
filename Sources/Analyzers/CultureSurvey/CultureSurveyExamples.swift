import OrgHealthKit

extension CultureSurveyAnalyzer {
    public var examples: [AnalyzerExample] { Self.examples }

    /// A plain CSV export with one column per item, the eNPS question and a comment (the
    /// "plain" shape of docs/analyzers/culture-survey.md), five responses from Core.
    static let exampleResponses = AnalyzerExample.File(SurveyInputs.responsesKind, "responses.csv", """
    team,T1,W1,E1,enps,comment
    Core,5,4,5,10,The workload is heavy
    Core,4,2,4,9,
    Core,2,3,4,6,
    Core,4,4,3,8,
    Core,3,5,2,7,

    """)

    /// Its definition: three items on a 1–5 scale, favorable from 4, unfavorable up to 2.
    static let exampleDefinition = AnalyzerExample.File(SurveyInputs.definitionKind, "survey.yml", """
    id: pulse-2026-q3
    title: "Pulse, Q3"
    closed: 2026-09-10
    scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}
    groupColumn: team
    outcome: [eng1]
    enps: {column: enps}
    comments: [comment]
    items:
      - {id: trust1, column: T1, text: "I can speak up without fear.", dimension: trust}
      - {id: wb1, column: W1, text: "My workload is manageable.", dimension: wellbeing}
      - {id: eng1, column: E1, text: "I am proud to work here.", dimension: engagement}

    """)

    /// Worked by hand (the CEO in Exec and C1–C6 in Core, Eng: headcounts 7 and 6):
    /// - 5 responses → participation 5/7 (org), 5/6 (Core);
    /// - trust1 answers 5 4 2 4 3: favorable (≥ 4) 3/5, unfavorable (≤ 2) 1/5, mean 18/5;
    ///   the trust dimension is that one item → 3/5; well-being (4 2 3 4 5) → 3/5;
    /// - engagement (eng1: 5 4 4 3 2) → 3/5;
    /// - eNPS 10 9 6 8 7: promoters 2, detractors 1 → 100 × (2 − 1) / 5 = 20;
    /// - one comment, touching the workload theme → 1 commenter, workload 1 (n = 1);
    /// - driver of trust1: Pearson's r with eng1 — deviations from the means (3.6, 3.6) are
    ///   (1.4, .4, −1.6, .4, −.6) and (1.4, .4, .4, −.6, −1.6): Σxy = 2.2, Σx² = Σy² = 5.2 →
    ///   r = 2.2 / 5.2 = 11/26.
    static let examples: [AnalyzerExample] = [
        AnalyzerExample(
            "a five-person pulse: favorability, engagement, eNPS, comments and a driver",
            roster: """
            employee_id,manager_id,team,department
            CEO,,Exec,Leadership
            C1,CEO,Core,Eng
            C2,CEO,Core,Eng
            C3,CEO,Core,Eng
            C4,CEO,Core,Eng
            C5,CEO,Core,Eng
            C6,CEO,Core,Eng

            """,
            files: [exampleResponses, exampleDefinition],
            expected: [
                .init(CultureSurveyMetric.responses, .org, 5, n: 5),
                .init(CultureSurveyMetric.participation, .org, 5.0 / 7, n: 5),
                .init(CultureSurveyMetric.participation, .team("Core"), 5.0 / 6, n: 5),
                .init(CultureSurveyMetric.itemFavorability("trust1"), .org, 0.6, n: 5),
                .init(CultureSurveyMetric.itemUnfavorability("trust1"), .org, 0.2, n: 5),
                .init(CultureSurveyMetric.itemMean("trust1"), .org, 3.6, n: 5),
                .init(CultureSurveyMetric.dimensionFavorability(.trust), .org, 0.6, n: 5),
                .init(CultureSurveyMetric.dimensionFavorability(.wellbeing), .department("Eng"), 0.6, n: 5),
                .init(CultureSurveyMetric.engagement, .org, 0.6, n: 5),
                .init(CultureSurveyMetric.enps, .org, 20, n: 5),
                .init(CultureSurveyMetric.comments, .org, 1, n: 1),
                .init(CultureSurveyMetric.commentTheme("workload"), .org, 1, n: 1),
                .init(CultureSurveyMetric.driver("trust1"), .org, 11.0 / 26, n: 5),
            ]),
    ]
}
