import Testing
@testable import OrgHealthEngine
import OrgHealthKit

@Suite("Cross-source findings")
struct CrossSourceFindingsTests {
    func run(_ id: String, _ metrics: [Metric]) -> AnalyzerRun {
        AnalyzerRun(descriptor: AnalyzerDescriptor(id: id, name: id, version: "1", summary: ""), status: .ok,
                    result: AnalyzerResult(metrics: metrics))
    }

    @Test("low 1:1 coverage and low survey trust in the same team raise one critical finding citing both")
    func agree() {
        let runs = [
            run("one-on-ones", [Metric(id: "oneonone.coverage", scope: .team("Platform"), value: 0.4, unit: .ratio, n: 12),
                                Metric(id: "oneonone.coverage", scope: .team("Web"), value: 0.95, unit: .ratio, n: 9)]),
            run("culture-survey", [
                Metric(id: "survey.dimension.trust.favorability", scope: .team("Platform"), value: 0.45, unit: .ratio, n: 11),
                Metric(id: "survey.dimension.trust.favorability", scope: .team("Web"), value: 0.40, unit: .ratio, n: 8),
            ]),
        ]
        let findings = CrossSourceFindings().findings(runs: runs, scopeNames: [.team("Platform"): "Platform"])
        #expect(findings.count == 1)
        let finding = findings.first
        #expect(finding?.scope == .team("Platform"))
        #expect(finding?.severity == .critical)
        #expect(finding?.evidence == ["oneonone.coverage", "survey.dimension.trust.favorability"])
        #expect(finding?.detail.contains("40%") == true)
        #expect(finding?.detail.contains("45%") == true)
    }

    @Test("a withheld value never takes part")
    func withheld() {
        var hidden = Metric(id: "survey.dimension.trust.favorability", scope: .team("Platform"), value: 0.45, unit: .ratio, n: 3)
        hidden.value = nil
        hidden.suppressed = .minGroupSize
        let runs = [
            run("one-on-ones", [Metric(id: "oneonone.coverage", scope: .team("Platform"), value: 0.4, unit: .ratio, n: 12)]),
            run("culture-survey", [hidden]),
        ]
        #expect(CrossSourceFindings().findings(runs: runs, scopeNames: [:]).isEmpty)
    }

    @Test("the rules read their metrics among others, and the organization's visible value sets the bar")
    func amongOtherMetrics() {
        // Trust rule: coverage < 0.7 and trust < min(0.6, org trust − 0.1). Org trust 0.65 → bar 0.55.
        // Platform: coverage 0.4, trust 0.58 ≥ 0.55 → no finding (without the org's value the bar
        // would be 0.6 and it would raise one). Data: coverage 0.5, trust 0.5 < 0.55 → one finding.
        // Web: coverage 0.95 → none. The other ids in between must not move a value to another id.
        let runs = [
            run("one-on-ones", [
                Metric(id: "oneonone.coverage", scope: .team("Platform"), value: 0.4, unit: .ratio, n: 12),
                Metric(id: "oneonone.other", scope: .team("Platform"), value: 0.1, unit: .ratio, n: 12),
                Metric(id: "oneonone.coverage", scope: .team("Data"), value: 0.5, unit: .ratio, n: 8),
                Metric(id: "oneonone.other", scope: .team("Web"), value: 0.1, unit: .ratio, n: 9),
                Metric(id: "oneonone.coverage", scope: .team("Web"), value: 0.95, unit: .ratio, n: 9),
            ]),
            run("culture-survey", [
                Metric(id: "survey.dimension.trust.favorability", scope: .org, value: 0.65, unit: .ratio, n: 40),
                Metric(id: "survey.participation", scope: .team("Platform"), value: 0.1, unit: .ratio, n: 11),
                Metric(id: "survey.dimension.trust.favorability", scope: .team("Platform"), value: 0.58, unit: .ratio, n: 11),
                Metric(id: "survey.dimension.trust.favorability", scope: .team("Data"), value: 0.5, unit: .ratio, n: 8),
                Metric(id: "survey.participation", scope: .team("Web"), value: 0.1, unit: .ratio, n: 9),
                Metric(id: "survey.dimension.trust.favorability", scope: .team("Web"), value: 0.4, unit: .ratio, n: 9),
            ]),
        ]
        let findings = CrossSourceFindings().findings(runs: runs, scopeNames: [:])
        #expect(findings.map(\.scope) == [.team("Data")])
        #expect(findings.first?.detail.contains("50%") == true)
    }
}
