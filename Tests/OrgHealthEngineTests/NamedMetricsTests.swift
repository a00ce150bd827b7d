import OrgHealthEngine
import OrgHealthKit
@testable import OrgHealthRendering
import Testing

/// The renderers know no analyzer, so the few metric ids they show specially are strings; each
/// must be in the catalogue of a built-in analyzer, or a renamed metric would silently drop
/// its card (docs/METRICS.md "Metric ids").
@Suite("Metric ids named by the renderers")
struct NamedMetricsTests {
    @Test("the survey headline cards name declared metrics")
    func surveyHeadlines() {
        let descriptors = AnalyzerRegistry.builtIn().entries.map(\.analyzer.descriptor)
        let ids = SurveyHeadlineView.headlineMetrics.map(\.id)
        // eNPS, engagement and participation: the three cards of docs/OUTPUTS.md.
        #expect(ids.count == 3)
        for id in ids {
            #expect(descriptors.contains { $0.declaresMetric(id) }, "\(id) is in no analyzer's catalogue")
        }
        #expect(!descriptors.contains { $0.declaresMetric("survey.enpsScore") })
    }
}
