import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// A roster with two departments: Eng (teams A, B, C) and Sales (team D).
private func roster() -> Roster {
    var people: [Person] = []
    for (team, department) in [("A", "Eng"), ("B", "Eng"), ("C", "Eng"), ("D", "Sales")] {
        people.append(Person(id: "\(team)1", team: team, department: department))
    }
    return Roster(people: people)
}

private func metric(_ scope: Scope, _ value: Double, n: Int, id: String = "x.rate") -> Metric {
    Metric(id: id, scope: scope, value: value, unit: .ratio, n: n)
}

@Suite("Privacy gate")
struct PrivacyGateTests {
    let gate = PrivacyGate(policy: PrivacyPolicy(minGroupSize: 5), roster: roster())

    func reasons(_ result: AnalyzerResult) -> [String: SuppressionReason?] {
        Dictionary(uniqueKeysWithValues: result.metrics.map { ($0.scope.id, $0.suppressed) })
    }

    @Test("a group under the minimum size is withheld: no value, a reason")
    func primary() {
        let outcome = gate.apply(to: AnalyzerResult(metrics: [metric(.team("A"), 0.5, n: 4), metric(.team("B"), 0.7, n: 5)]))
        let a = outcome.result.metrics[0]
        #expect(a.value == nil)
        #expect(a.suppressed == .minGroupSize)
        #expect(outcome.result.metrics[1].suppressed == .secondary)  // only sibling: hidden against subtraction
    }

    @Test("a signal derived from a withheld metric is withheld with the metric's reason, though its own n passes")
    func signalInheritsItsBasis() {
        // Team A's metric (n 3) is under 5; its only sibling B (n 12) is hidden against
        // subtraction; C's metric is no sibling of theirs (another id). The signals' own n are
        // all 12: only the basis can withhold them.
        let outcome = gate.apply(to: AnalyzerResult(
            metrics: [metric(.team("A"), 0.2, n: 3), metric(.team("B"), 0.7, n: 12), metric(.team("C"), 0.6, n: 12, id: "y.rate")],
            signals: [
                HealthSignal(dimension: .trust, scope: .team("A"), score: 20, n: 12, basis: "x.rate"),
                HealthSignal(dimension: .trust, scope: .team("B"), score: 70, n: 12, basis: "x.rate"),
                HealthSignal(dimension: .trust, scope: .team("C"), score: 60, n: 12, basis: "y.rate"),
                HealthSignal(dimension: .growth, scope: .team("A"), score: 40, n: 12),
                HealthSignal(dimension: .growth, scope: .team("C"), score: 45, n: 12),
            ]))
        let signals = outcome.result.signals
        #expect(signals[0].suppressed == .minGroupSize && signals[0].score == nil)
        #expect(signals[1].suppressed == .secondary && signals[1].score == nil)
        // C's trust signal rests on a visible metric; the growth signals have no basis and n 12.
        #expect(signals[2].suppressed == nil && signals[2].score == 60)
        #expect(signals[3].suppressed == nil && signals[4].suppressed == nil)
    }

    @Test("exactly one hidden sibling: the next-smallest sibling is hidden too, the others stay")
    func secondary() {
        let outcome = gate.apply(to: AnalyzerResult(metrics: [
            metric(.department("Eng"), 0.6, n: 27),
            metric(.team("A"), 0.2, n: 3), metric(.team("B"), 0.7, n: 12), metric(.team("C"), 0.65, n: 8),
        ]))
        let reasons = reasons(outcome.result)
        #expect(reasons["team:A"] == .minGroupSize)
        #expect(reasons["team:C"] == .secondary)
        #expect(reasons["team:B"] == .some(nil))
        #expect(reasons["department:Eng"] == .some(nil))
        #expect(outcome.suppressedCounts[.minGroupSize] == 1)
        #expect(outcome.suppressedCounts[.secondary] == 1)
    }

    @Test("the hidden value cannot be recovered by subtraction from the parent")
    func subtractionAttack() {
        // Department pooled ratio = (3·0.2 + 12·0.7 + 8·0.65) / 23.
        let department = (3 * 0.2 + 12 * 0.7 + 8 * 0.65) / 23
        let outcome = gate.apply(to: AnalyzerResult(metrics: [
            metric(.department("Eng"), department, n: 23),
            metric(.team("A"), 0.2, n: 3), metric(.team("B"), 0.7, n: 12), metric(.team("C"), 0.65, n: 8),
        ]))
        let visible = outcome.result.metrics.filter { $0.value != nil && $0.scope.kind == .team }
        // With the parent and every visible sibling known, the remainder mixes two hidden teams.
        let known = visible.reduce(0.0) { $0 + ($1.value ?? 0) * Double($1.n) }
        let knownN = visible.reduce(0) { $0 + $1.n }
        let remainderN = 23 - knownN
        #expect(remainderN == 11)  // 3 + 8: team A's 3 alone never appears
        let remainder = (department * 23 - known) / Double(remainderN)
        #expect(abs(remainder - 0.2) > 0.1)
    }

    @Test("two hidden siblings need no secondary suppression")
    func twoHidden() {
        let outcome = gate.apply(to: AnalyzerResult(metrics: [
            metric(.team("A"), 0.2, n: 3), metric(.team("B"), 0.7, n: 4), metric(.team("C"), 0.65, n: 8),
        ]))
        #expect(reasons(outcome.result)["team:C"] == .some(nil))
    }

    @Test("a child with n = 0 has nothing to hide and does not count")
    func zeroN() {
        let outcome = gate.apply(to: AnalyzerResult(metrics: [
            metric(.team("A"), 0, n: 0), metric(.team("B"), 0.7, n: 12), metric(.team("C"), 0.65, n: 8),
        ]))
        let reasons = reasons(outcome.result)
        #expect(reasons["team:A"] == .minGroupSize)
        #expect(reasons["team:B"] == .some(nil))
        #expect(reasons["team:C"] == .some(nil))
    }

    @Test("with no sibling to hide, the parent is hidden instead")
    func parentHidden() {
        let outcome = gate.apply(to: AnalyzerResult(metrics: [
            metric(.org, 0.5, n: 30), metric(.department("Sales"), 0.4, n: 6), metric(.team("D"), 0.4, n: 4),
            metric(.department("Eng"), 0.55, n: 24),
        ]))
        let reasons = reasons(outcome.result)
        #expect(reasons["team:D"] == .minGroupSize)
        #expect(reasons["department:Sales"] == .secondary)
        // Hiding Sales leaves Eng the only visible department: it is hidden in turn.
        #expect(reasons["department:Eng"] == .secondary)
        #expect(reasons["org"] == .some(nil))
    }

    @Test("a signal derived from a withheld metric is withheld; findings resting on it are dropped")
    func derived() {
        let result = AnalyzerResult(
            metrics: [metric(.team("A"), 0.2, n: 3), metric(.team("B"), 0.7, n: 12), metric(.team("C"), 0.7, n: 12)],
            signals: [
                HealthSignal(dimension: .trust, scope: .team("A"), score: 20, n: 3, basis: "x.rate"),
                HealthSignal(dimension: .trust, scope: .team("B"), score: 70, n: 12, basis: "x.rate"),
                HealthSignal(dimension: .trust, scope: .team("C"), score: 70, n: 12, basis: "x.rate"),
            ],
            findings: [
                Finding(id: "a", severity: .warning, scope: .team("A"), title: "A is low", detail: "", recommendation: "", evidence: ["x.rate"]),
                Finding(id: "b", severity: .info, scope: .team("B"), title: "B", detail: "", recommendation: "", evidence: ["x.rate"]),
                Finding(id: "c", severity: .info, scope: .team("B"), title: "no evidence", detail: "", recommendation: ""),
                Finding(id: "org", severity: .info, scope: .org, title: "org-wide", detail: "", recommendation: ""),
            ])
        let outcome = gate.apply(to: result)
        #expect(outcome.result.signals[0].score == nil)
        #expect(outcome.result.signals[0].suppressed != nil)
        // B and C are equal in size: the tie goes to the first by name (B).
        #expect(outcome.result.signals[1].score == nil)
        #expect(outcome.result.signals[2].score == 70)
        #expect(outcome.result.findings.map(\.id) == ["org"])
    }

    @Test("table rows and chart points tied to withheld figures lose their values")
    func sections() {
        let table = ReportTable(columns: ["Team", "Rate"], rows: [
            .init(["A", "20%"], ref: DataReference(scope: .team("A"), metric: "x.rate")),
            .init(["B", "70%"], ref: DataReference(scope: .team("B"), metric: "x.rate")),
            .init(["E", "55%"], ref: DataReference(scope: .team("E"), n: 2)),
            .init(["All", "50%"]),
        ])
        let chart = ReportChart(kind: .bar, title: "t", unit: .ratio, series: [.init(name: "s", points: [
            .init(label: "A", value: 0.2, ref: DataReference(scope: .team("A"), metric: "x.rate")),
            .init(label: "C", value: 0.9, ref: DataReference(scope: .team("C"), metric: "x.rate")),
        ])])
        let outcome = gate.apply(to: AnalyzerResult(
            metrics: [metric(.team("A"), 0.2, n: 3), metric(.team("B"), 0.7, n: 12), metric(.team("C"), 0.9, n: 20)],
            sections: [ReportSection(title: "s", blocks: [.table(table), .chart(chart)])]))
        guard case .table(let gated) = outcome.result.sections[0].blocks[0],
              case .chart(let gatedChart) = outcome.result.sections[0].blocks[1] else {
            Issue.record("blocks changed kind")
            return
        }
        #expect(gated.rows.map(\.cells) == [["A", "suppressed"], ["B", "suppressed"], ["E", "suppressed"], ["All", "50%"]])
        #expect(gatedChart.series[0].points[0].value == nil)
        #expect(gatedChart.series[0].points[1].value == 0.9)
    }

    @Test("a row showing several metrics is withheld when any of them is")
    func rowWithSeveralMetrics() {
        let table = ReportTable(columns: ["Team", "Rate", "Other"], rows: [
            .init(["B", "70%", "3"], ref: DataReference(scope: .team("B"), metric: "x.rate", also: ["y.count"])),
        ])
        let outcome = gate.apply(to: AnalyzerResult(
            metrics: [metric(.team("B"), 0.7, n: 12), metric(.team("B"), 3, n: 4, id: "y.count")],
            sections: [ReportSection(title: "s", blocks: [.table(table)])]))
        guard case .table(let gated) = outcome.result.sections[0].blocks[0] else {
            Issue.record("the block changed kind")
            return
        }
        #expect(gated.rows[0].cells == ["B", "suppressed", "suppressed"])
    }

    @Test("the minimum group size never goes below 3")
    func floor() {
        #expect(PrivacyPolicy(minGroupSize: 1).minGroupSize == 3)
    }
}
