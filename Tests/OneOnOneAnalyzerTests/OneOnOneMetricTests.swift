import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// A hand-checked team for 2026-Q3 (2026-07-01 … 2026-09-30, 91 days from first to last day).
///
/// CEO → M1 (Platform) → A1 … A5 (Platform). A4 was hired on 2026-09-01; L1 left before the
/// period (not expected). Expected pairs: CEO–M1 and M1–A1 … M1–A5 = 6 pairs.
let metricRoster = """
    employee_id,manager_id,team,department,name,email,hire_date,end_date
    CEO,,Exec,Leadership,Chris,ceo@acme.example,2015-01-01,
    M1,CEO,Platform,Engineering,Maria,m1@acme.example,2018-01-01,
    A1,M1,Platform,Engineering,Ann,a1@acme.example,2020-01-01,
    A2,M1,Platform,Engineering,Abe,,2020-01-01,
    A3,M1,Platform,Engineering,Ada,,2020-01-01,
    A4,M1,Platform,Engineering,Al,,2026-09-01,
    A5,M1,Platform,Engineering,Amy,,2020-01-01,
    L1,M1,Platform,Engineering,Lee,,2019-01-01,2026-06-15

    """

/// The notes of the fixture, in all four forms.
let metricNotes: [String: String] = [
    // M1–A1, one file per meeting (form 1).
    "a1/2026-06-20.md": "---\ndate: 2026-06-20\nmanager: M1\nreport: A1\n---\n- before the period\n",
    "a1/2026-07-06.md": """
        ---
        date: 2026-07-06
        manager: M1
        report: A1
        ---
        - Talked about promotion timing
        - [ ] @A1 share the design doc (due 2026-07-20)
        - [x] @M1 book the training course
        """,
    "a1/2026-07-20.md": """
        ---
        date: 2026-07-20
        manager: m1@ACME.example
        report: A1@acme.example
        status: held
        ---
        - [x] @A1 share the design doc (due 2026-07-20)
        - [ ] write the migration plan
        """,
    "a1/2026-08-03.md": "---\ndate: 2026-08-03\nmanager: M1\nreport: A1\nstatus: cancelled\n---\n",
    "a1/2026-08-17.md": "---\ndate: 2026-08-17\nmanager: M1\nreport: A1\n---\n- Feedback on the review\n- [ ] Write the migration plan.\n",
    "a1/2026-09-28.md": "---\ndate: 2026-09-28\nmanager: M1\nreport: A1\n---\n- Project status\n",
    // M1–A2, a running document newest first (form 2).
    "shared/Maria - Abe.md": """
        ---
        manager: m1@ACME.example
        report: A2
        ---
        # 1:1 Maria / Abe
        ## 2026-09-15
        ### Notes
        - Workload is heavy this sprint
        ### Action items
        - [x] @A2 plan the handover
        ## 2026-09-01 (no-show)
        ## 2026-08-18
        - Priorities for the next sprint
        * [ ] @A2 plan the handover
        ## 2026-08-04 (cancelled)
        ## Parking lot
        - Career ideas for later
        """,
    // M1–A3, an HTML export named MANAGER__REPORT (form 3).
    "html/M1__A3.html": """
        <html><body><h1>1:1</h1>
        <h2>2026-07-10</h2><ul><li>Feedback on the demo</li></ul>
        <h3>Action items</h3><ul><li><input type="checkbox" checked> @A3 send the customer summary</li><li>☐ @M1 ask finance about the budget</li></ul>
        <h2>2026-07-24</h2><ul><li>Project status</li></ul>
        <h2>2026-08-07</h2><ul><li><input type="checkbox"> @M1 ask finance about the budget</li></ul>
        <h2>2026-08-21</h2><p>Hiring</p>
        <h2>2026-09-04</h2><p>Hiring</p>
        <h2>2026-09-18</h2><p>Hiring</p>
        </body></html>
        """,
    // M1–A4, CEO–M1 and a skip-level CEO–A1, from a 1:1 tool (form 4).
    "exports/tool.jsonl": """
        {"date":"2026-09-10","manager":"M1","report":"A4","status":"held","notes":"Career: the next level","action_items":[{"text":"read the onboarding guide","done":true}]}
        {"date":"2026-07-15","manager":"CEO","report":"M1","status":"held","notes":"Quarter review"}
        {"date":"2026-08-15","manager":"ceo@acme.example","report":"M1","status":"cancelled"}
        {"date":"2026-08-12","manager":"CEO","report":"A1","status":"held","notes":"Skip-level: career interests"}
        """,
]

@Suite("One-on-one metrics, worked out by hand")
struct OneOnOneMetricTests {
    func result() async throws -> AnalyzerResult {
        try await Fixture.analyze(try NotesFolder(metricNotes), roster: metricRoster)
    }

    func value(_ result: AnalyzerResult, _ id: String, _ scope: Scope = .org) -> Double? {
        Fixture.value(result, "oneonone.\(id)", scope)
    }

    func n(_ result: AnalyzerResult, _ id: String, _ scope: Scope = .org) -> Int? {
        Fixture.metric(result, "oneonone.\(id)", scope)?.n
    }

    @Test("org figures")
    func orgFigures() async throws {
        let result = try await result()
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        // Held days: A1 4 (07-06, 07-20, 08-17, 09-28; 06-20 is outside), A2 2 (08-18, 09-15),
        // A3 6, A4 1 (09-10), M1 1 (07-15 with the CEO), A5 0. Covered: all but A5 → 5 of 6.
        #expect(value(result, "coverage") == 5.0 / 6.0)
        #expect(n(result, "coverage") == 6)
        // 4 + 2 + 6 + 1 + 1 + 0 = 14 held meetings over 6 pairs.
        #expect(value(result, "meetingsPerPair") == 14.0 / 6.0)
        // Pair medians: A1 gaps 14, 28, 42 → 28; A2 gap 28 → 28; A3 gaps 14 ×5 → 14. Median of
        // (14, 28, 28) = 28, over the 3 pairs with two or more held meetings.
        #expect(value(result, "cadenceDays") == 28)
        #expect(n(result, "cadenceDays") == 3)
        // Longest stretch without a held meeting, period ends included:
        //   A1: 07-01→07-06 5, 14, 28, 08-17→09-28 42, 2 → 42 > 30: long.
        //   A2: 07-01→08-18 48 → long.  A3: 9, 14 ×5, 12 → 14: not long.
        //   A4: hired 09-01: 09-01→09-10 9, 09-10→09-30 20 → 20: not long.
        //   M1: 07-15→09-30 77 → long.  A5: no meeting, 91 → long.  4 of 6.
        #expect(value(result, "longGapRate") == 4.0 / 6.0)
        // Recorded days: A1 5 (1 cancelled), A2 4 (1 no-show, 1 cancelled), A3 6, A4 1, M1 2
        // (1 cancelled) = 18, of which 4 missed; 5 pairs have records.
        #expect(value(result, "cancellationRate") == 4.0 / 18.0)
        #expect(n(result, "cancellationRate") == 5)
        // Distinct items: A1 3 (design doc done on 07-20, training course done, migration plan
        // open twice), A2 1 (handover, done on 09-15), A3 2 (summary done, budget open twice),
        // A4 1 (done) → 5 done of 7, over 4 pairs with items.
        #expect(value(result, "actionItemCompletion") == 5.0 / 7.0)
        #expect(n(result, "actionItemCompletion") == 4)
        // Career: A1 (promotion), A4 (career); A2's parking lot and the skip-level do not count.
        #expect(value(result, "topic.career") == 2.0 / 6.0)
        // Feedback: A1 (08-17), A3 (07-10). Well-being: A2 (workload). Priorities: A2.
        #expect(value(result, "topic.feedback") == 2.0 / 6.0)
        #expect(value(result, "topic.wellbeing") == 1.0 / 6.0)
        #expect(value(result, "topic.priorities") == 1.0 / 6.0)
        // The CEO–A1 skip-level: one held meeting of one other pair, in A1's scopes.
        #expect(value(result, "otherMeetings") == 1)
        #expect(n(result, "otherMeetings") == 1)
        #expect(value(result, "otherMeetings", .team("Platform")) == 1)
        // The 2026-06-20 meeting is outside the period: ignored and counted.
        #expect(result.diagnostics.contains { $0.severity == .info && $0.message.hasPrefix("1 one-on-one records dated outside") })
    }

    @Test("department, team and manager scopes")
    func scopes() async throws {
        let result = try await result()
        // Engineering and Platform hold all six pairs (M1 is in Platform too).
        #expect(value(result, "coverage", .department("Engineering")) == 5.0 / 6.0)
        #expect(value(result, "longGapRate", .team("Platform")) == 4.0 / 6.0)
        #expect(n(result, "coverage", .team("Platform")) == 6)
        // Leadership and Exec hold only the CEO, who has no manager: no pairs, no figures.
        #expect(Fixture.metric(result, "oneonone.coverage", .department("Leadership")) == nil)
        #expect(Fixture.metric(result, "oneonone.coverage", .team("Exec")) == nil)
        // manager:M1 = A1 … A5: covered 4 of 5; cadence median(28, 28, 14) = 28 over 3;
        // long gaps A1, A2, A5 = 3 of 5; items 5 done of 7 over 4 pairs.
        let m1 = Scope.manager("M1")
        #expect(value(result, "coverage", m1) == 0.8)
        #expect(value(result, "cadenceDays", m1) == 28)
        #expect(value(result, "longGapRate", m1) == 0.6)
        #expect(value(result, "actionItemCompletion", m1) == 5.0 / 7.0)
        // Per manager only coverage, cadence, long gaps and completion are reported.
        #expect(Fixture.metric(result, "oneonone.cancellationRate", m1) == nil)
        #expect(Fixture.metric(result, "oneonone.topic.career", m1) == nil)
        // manager:CEO = M1 alone: covered, one held meeting (no cadence), a 77-day gap.
        #expect(value(result, "coverage", .manager("CEO")) == 1)
        #expect(value(result, "longGapRate", .manager("CEO")) == 1)
        #expect(Fixture.metric(result, "oneonone.cadenceDays", .manager("CEO")) == nil)
        #expect(Fixture.metric(result, "oneonone.actionItemCompletion", .manager("CEO")) == nil)
    }

    @Test("the reporting line: CEO's line is M1 and A1 … A5, one group; M1 has no indirect reports, so no line")
    func reportingLine() async throws {
        let result = try await result()
        // line:CEO = everyone below the CEO: the pair CEO–M1 (covered, a 77-day gap: manager:CEO above)
        // plus M1's five pairs (4 of 5 covered, 3 long gaps: manager:M1 above) = 6 pairs, 5 covered, 4 long gaps.
        let line = Scope.line("CEO")
        #expect(value(result, "coverage", line) == 5.0 / 6.0)
        #expect(n(result, "coverage", line) == 6)
        #expect(value(result, "longGapRate", line) == 4.0 / 6.0)
        // Held meetings: CEO–M1 1, plus M1's 13 (the org's 14 less the CEO's 1) = 14 over 6 pairs.
        #expect(value(result, "meetingsPerPair", line) == 14.0 / 6.0)
        // M1's reports have no reports: line:M1 would be manager:M1 again.
        #expect(!result.metrics.contains { $0.scope == .line("M1") })
        // Six people are employed below the CEO at the period's end (L1 left): under a
        // minimum group size of 7 there is no line at all.
        let strict = try await Fixture.analyze(try NotesFolder(metricNotes), roster: metricRoster, minGroupSize: 7)
        #expect(!strict.metrics.contains { $0.scope.kind == .line })
    }

    @Test("signals: score from the metric at the same scope, with the metric as basis")
    func signals() async throws {
        let result = try await result()
        func signal(_ basis: String) -> HealthSignal? {
            result.signals.first { $0.scope == .org && $0.basis == "oneonone.\(basis)" }
        }
        #expect(signal("coverage")?.dimension == .execution)
        #expect(signal("coverage")?.score == 100 * (5.0 / 6.0))
        #expect(signal("longGapRate")?.score == 100 * (1 - 4.0 / 6.0))
        #expect(signal("actionItemCompletion")?.dimension == .trust)
        #expect(signal("actionItemCompletion")?.n == 4)
        #expect(signal("topic.career")?.dimension == .growth)
        #expect(signal("topic.feedback")?.dimension == .feedback)
        #expect(signal("topic.wellbeing")?.dimension == .wellbeing)
        #expect(signal("topic.priorities") == nil)
        #expect(!result.signals.contains { $0.scope.kind == .manager })
    }

    @Test("findings: long gaps and missing career talks, each with a recommendation and its evidence")
    func findings() async throws {
        let result = try await result()
        let ids = Set(result.findings.map(\.id))
        // Coverage 83% ≥ 75%, cancellations 22% < 25%, completion 71% ≥ 50%: no finding.
        #expect(!ids.contains { $0.hasPrefix("one-on-ones.low-coverage") })
        #expect(!ids.contains { $0.hasPrefix("one-on-ones.high-cancellation") })
        // Long gaps: 4 of 6 (67%) across the organization, over the 50% bar. A team or manager
        // must also be 20 points above the organization: Platform (67%) and M1 (3 of 5, 60%)
        // are not.
        #expect(ids.contains("one-on-ones.long-gaps.org"))
        #expect(!ids.contains("one-on-ones.long-gaps.team:Platform"))
        #expect(!ids.contains("one-on-ones.long-gaps.manager:M1"))
        // Career discussed by 2 of 6 (33% < 50%).
        let career = result.findings.first { $0.id == "one-on-ones.no-career-talk.team:Platform" }
        #expect(career?.severity == .warning)
        #expect(career?.detail.hasPrefix("4 of 6 people") == true)
        #expect(career?.evidence == ["oneonone.topic.career"])
        #expect(result.findings.allSatisfy { !$0.recommendation.isEmpty && !$0.evidence.isEmpty })
        // Every piece of evidence is a metric at the finding's scope.
        for finding in result.findings {
            for id in finding.evidence { #expect(Fixture.metric(result, id, finding.scope) != nil) }
        }
    }

    @Test("section: cadence histogram, coverage by team, manager table from minGroupSize")
    func section() async throws {
        let result = try await result()
        let blocks = result.sections.first?.blocks ?? []
        let chart = blocks.compactMap { block -> ReportChart? in if case .chart(let chart) = block { chart } else { nil } }.first
        // Pair cadences 14, 28, 28 → bins 8–14: 1, 22–30: 2.
        #expect(chart?.series.first?.points.map(\.value) == [0, 1, 0, 2, 0, 0, 0])
        let tables = blocks.compactMap { block -> ReportTable? in if case .table(let table) = block { table } else { nil } }
        #expect(tables.first?.rows.map { $0.cells } == [["Platform", "Engineering", "6", "83%", "2.3", "67%", "33%"]])
        // The row shows four figures, so it is withheld when any of them is.
        #expect(tables.first?.rows.first?.ref == DataReference(
            scope: .team("Platform"), metric: "oneonone.coverage",
            also: ["oneonone.meetingsPerPair", "oneonone.longGapRate", "oneonone.topic.career"], n: 6))
        // M1 has 5 reports (= minGroupSize 5): listed; the CEO (1 report) is not.
        #expect(tables.dropFirst().first?.rows.map { $0.cells.first } == ["Maria (M1)"])
    }

    @Test("maxGapDays and expectedCadenceDays are options")
    func options() async throws {
        let result = try await Fixture.analyze(try NotesFolder(metricNotes), roster: metricRoster,
                                               options: ["maxGapDays": .number(45)])
        // With 45 days: A1 (42) and A4 are no longer long; A2 (48), M1 (77), A5 (91) are: 3 of 6.
        #expect(value(result, "longGapRate") == 3.0 / 6.0)
    }
}

@Suite("Findings for teams and managers")
struct OneOnOneFindingTests {
    /// Two teams of five under two managers (who sit in the Lead team): Core meets every two
    /// weeks, Edge hardly at all.
    static let roster = """
        employee_id,manager_id,team,department,name
        HEAD,,Lead,Ops,Hana
        MC,HEAD,Lead,Ops,Carla
        ME,HEAD,Lead,Ops,Eddie
        C1,MC,Core,Eng,
        C2,MC,Core,Eng,
        C3,MC,Core,Eng,
        C4,MC,Core,Eng,
        C5,MC,Core,Eng,
        E1,ME,Edge,Eng,
        E2,ME,Edge,Eng,
        E3,ME,Edge,Eng,
        E4,ME,Edge,Eng,
        E5,ME,Edge,Eng,

        """

    static func notes() -> [String: String] {
        var files: [String: String] = [:]
        // Core: C1–C5 meet MC every 14 days from 07-03 to 09-25 (7 held meetings each),
        // career in the first, one action item done.
        for person in ["C1", "C2", "C3", "C4", "C5"] {
            var text = "---\nmanager: MC\nreport: \(person)\n---\n"
            for day in stride(from: 0, through: 84, by: 14) {
                let date = CalendarDate(year: 2026, month: 7, day: 3)?.adding(days: day).description ?? ""
                text += "## \(date)\n- weekly sync\n"
                if day == 0 { text += "- career path\n- [x] update the plan\n" }
            }
            files["core/\(person).md"] = text
        }
        // Edge: E1 and E2 met ME once (07-20), the others never; E1's two items stay open,
        // and two of the three recorded meetings were cancelled.
        files["edge/tool.jsonl"] = """
            {"date":"2026-07-20","manager":"ME","report":"E1","action_items":[{"text":"a","done":false},{"text":"b","done":false}]}
            {"date":"2026-07-20","manager":"ME","report":"E2"}
            {"date":"2026-08-03","manager":"ME","report":"E1","status":"cancelled"}
            {"date":"2026-08-17","manager":"ME","report":"E2","status":"no-show"}
            """
        return files
    }

    @Test("low coverage, long gaps and missing career talks in Edge; Core is fine")
    func teamFindings() async throws {
        let result = try await Fixture.analyze(try NotesFolder(Self.notes()), roster: Self.roster, minGroupSize: 5)
        let ids = Set(result.findings.map(\.id))
        // Edge: 2 of 5 covered (40% < 50%) → critical.
        let coverage = result.findings.first { $0.id == "one-on-ones.low-coverage.team:Edge" }
        #expect(coverage?.severity == .critical)
        #expect(coverage?.detail.hasPrefix("2 of 5 people (40%)") == true)
        // Pairs: HEAD–MC, HEAD–ME (no meetings), C1–C5, E1–E5 = 12. Long gaps: HEAD–MC,
        // HEAD–ME and all five of Edge = 7 of 12 (58%). Edge: 5 of 5 = 100% ≥ 58% + 20%.
        #expect(ids.contains("one-on-ones.long-gaps.team:Edge"))
        #expect(!ids.contains("one-on-ones.long-gaps.team:Core"))
        // Core: 7 meetings, 14 days apart: gaps 07-01→07-03 2, 14 ×6, 09-25→09-30 5: no long gap.
        #expect(Fixture.value(result, "oneonone.longGapRate", .team("Core")) == 0)
        #expect(Fixture.value(result, "oneonone.cadenceDays", .team("Core")) == 14)
        // Edge's career share 0 of 5 → warning; Core 5 of 5 → none.
        #expect(ids.contains("one-on-ones.no-career-talk.team:Edge"))
        #expect(!ids.contains("one-on-ones.no-career-talk.team:Core"))
        // Edge's cancellations (2 of 4 recorded) and items (0 of 2) rest on 2 pairs (< 5): no finding.
        #expect(!ids.contains("one-on-ones.high-cancellation.team:Edge"))
        #expect(!ids.contains("one-on-ones.low-follow-through.team:Edge"))
        // ME's reports are exactly team Edge: the team's findings stand for the manager's.
        #expect(!ids.contains { $0.hasSuffix("manager:ME") })
        #expect(result.findings.allSatisfy { !$0.recommendation.isEmpty })
    }
}
