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
}
