import Foundation
import Testing
import OrgHealthKit
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: signals and findings")
struct SurveySignalTests {
    func signal(_ result: AnalyzerResult, _ basis: String, _ scope: Scope) -> HealthSignal? {
        result.signals.first { $0.basis == basis && $0.scope == scope }
    }

    @Test("each dimension's favorability × 100 is its signal; engagement and eNPS feed leadership")
    func signals() async throws {
        let result = try await SurveyFixture.analyze()
        let web = Scope.team("Web")
        // Web trust: no favorable answer among 15 → 0.
        let trust = signal(result, "survey.dimension.trust.favorability", web)
        #expect(trust?.dimension == .trust && trust?.score == 0 && trust?.n == 5)
        // Web eNPS −80 → (−80 + 100) / 2 = 10.
        let enps = signal(result, "survey.enps", web)
        #expect(enps?.dimension == .leadership && enps?.score == 10)
        // Data engagement: E1 4, 5, 4 and E2 4, 5, 4 all favorable → 100.
        let engagement = signal(result, "survey.engagement", .team("Data"))
        #expect(engagement?.dimension == .leadership && engagement?.score == 100 && engagement?.n == 3)
        // The engagement items form their own survey dimension but feed no health signal of that name.
        #expect(!result.signals.contains { $0.dimension.rawValue == "engagement" })
        #expect(result.metric("survey.dimension.engagement.favorability") != nil)
        #expect(CultureSurveyAnalyzer().descriptor.metrics.contains { $0.id == "survey.dimension." && $0.signal != nil })
    }

    @Test("a team trailing the organization on a dimension is a finding; one under the group size is not")
    func teamGaps() async throws {
        let result = try await SurveyFixture.analyze()
        let web = result.findings.first { $0.id == "culture-survey.team-gap.Web" }
        #expect(web?.scope == .team("Web"))
        #expect(web?.severity == .critical)
        #expect(web?.evidence.first?.hasPrefix("survey.dimension.") == true)
        #expect(!(web?.recommendation.isEmpty ?? true))
        // Data (3 respondents) is never a candidate, whatever its figures.
        #expect(!result.findings.contains { $0.scope == .team("Data") })
        // The teams-needing-attention table lists Web.
        let table = result.sections.first { $0.title == "Teams that need attention" }?.blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }.first
        #expect(table?.rows.first?.cells.first == "Web")
    }

    @Test("low participation, unreliable measurement and the focus-here drivers are findings")
    func otherFindings() async throws {
        // Organization participation is 26 / 34 = 76%: a finding at an 80% bar, none at the default 60%.
        let plain = try await SurveyFixture.analyze()
        #expect(!plain.findings.contains { $0.id == "culture-survey.low-participation" })
        let strict = try await SurveyFixture.analyze(options: ["lowParticipation": .number(0.8), "unreliableAlpha": .number(0.999)])
        let participation = strict.findings.first { $0.id == "culture-survey.low-participation" }
        #expect(participation?.evidence == ["survey.participation"])
        #expect(participation?.detail.contains("26 responses from a headcount of 34") == true)
        // With the bar for α at 0.999 both multi-item dimensions are flagged.
        #expect(strict.findings.contains { $0.id == "culture-survey.unreliable.trust" && $0.evidence == ["survey.alpha.trust"] })
        #expect(strict.findings.contains { $0.id == "culture-survey.unreliable.engagement" })
        // Drivers: every focus finding rests on its item's driver and favorability metrics.
        for finding in plain.findings where finding.id.hasPrefix("culture-survey.focus.") {
            let item = String(finding.id.dropFirst("culture-survey.focus.".count))
            #expect(finding.evidence == ["survey.driver.\(item)", "survey.item.\(item).favorability"])
        }
    }

    @Test("the descriptor lists every metric family emitted")
    func descriptor() async throws {
        let result = try await SurveyFixture.analyze()
        let definitions = CultureSurveyAnalyzer().descriptor.metrics.map(\.id)
        for metric in result.metrics {
            #expect(definitions.contains { $0 == metric.id || ($0.hasSuffix(".") && metric.id.hasPrefix($0)) }, "\(metric.id)")
        }
        #expect(CultureSurveyAnalyzer().descriptor.id == "culture-survey")
        #expect(CultureSurveyAnalyzer().descriptor.inputs.first?.kind == "culture-survey")
    }
}
