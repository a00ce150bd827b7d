import OrgHealthKit

extension OrgStructureAnalyzer {
    public var examples: [AnalyzerExample] { Self.examples }

    /// A board member over one team of five; one new hire, one leaver (period 2026-Q3:
    /// 2026-07-01 … 2026-09-30).
    static let exampleRoster = """
    employee_id,manager_id,team,department,hire_date,end_date
    H1,,Board,Exec,2010-01-01,
    H2,H1,Core,Engineering,2015-01-01,
    H3,H2,Core,Engineering,2020-01-01,
    H4,H2,Core,Engineering,2020-01-01,
    H5,H2,Core,Engineering,2026-08-15,
    H6,H2,Core,Engineering,2020-01-01,
    H7,H2,Core,Engineering,2020-01-01,2026-08-31

    """

    /// Worked by hand from ``exampleRoster``:
    /// - employed on 2026-09-30: H1–H6 (H7 left on 2026-08-31) → org headcount 6, Core 5;
    /// - direct reports: H1 has H2 (1), H2 has H3–H6 (4) → spans [1, 4], median 2.5; narrow
    ///   (< 3): H1 → 1 of 2 managers; wide (> 12): none;
    /// - layers: H1 1, H2 2, the rest 3 → 3;
    /// - hired in the last 90 days (on or after 2026-07-03): H5 → 1/6 (org), 1/5 (Core);
    /// - employed on 2026-07-01: H1–H4, H6, H7 (6; Core 5); at the end 6 (Core 5); one leaver
    ///   (H7) → attrition 1/6 (org), 1/5 (Core).
    static let examples: [AnalyzerExample] = [
        AnalyzerExample(
            "a board member over one team: spans, layers, new hires and a leaver",
            roster: exampleRoster,
            expected: [
                .init(OrgStructureMetric.headcount, .org, 6, n: 6),
                .init(OrgStructureMetric.headcount, .team("Core"), 5, n: 5),
                .init(OrgStructureMetric.spanOfControl, .org, 2.5, n: 2),
                .init(OrgStructureMetric.spanOfControl, .team("Core"), 4, n: 1),
                .init(OrgStructureMetric.narrowSpanRate, .org, 0.5, n: 2),
                .init(OrgStructureMetric.wideSpanRate, .org, 0, n: 2),
                .init(OrgStructureMetric.layers, .org, 3),
                .init(OrgStructureMetric.newHireRate, .org, 1.0 / 6, n: 6),
                .init(OrgStructureMetric.newHireRate, .team("Core"), 1.0 / 5, n: 5),
                .init(OrgStructureMetric.attritionRate, .org, 1.0 / 6, n: 6),
                .init(OrgStructureMetric.attritionRate, .department("Engineering"), 1.0 / 5, n: 5),
                .init(OrgStructureMetric.directReports, .manager("H1"), 1, n: 1),
                .init(OrgStructureMetric.directReports, .manager("H2"), 4, n: 4),
            ]),
        AnalyzerExample(
            "tighter span bounds: narrow below 2, wide above 3",
            roster: exampleRoster,
            options: AnalyzerOptions(["narrowSpanBelow": .number(2), "wideSpanAbove": .number(3)]),
            // Spans [1, 4]: 1 < 2 is narrow, 4 > 3 is wide → each 1 of 2 managers.
            expected: [
                .init(OrgStructureMetric.narrowSpanRate, .org, 0.5, n: 2),
                .init(OrgStructureMetric.wideSpanRate, .org, 0.5, n: 2),
                .init(OrgStructureMetric.wideSpanRate, .team("Core"), 1, n: 1),
            ]),
    ]
}
