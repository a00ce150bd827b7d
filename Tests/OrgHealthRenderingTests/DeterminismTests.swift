import Foundation
import OrgHealthKit
import OrgHealthRendering
import Testing

@Suite("Deterministic output")
struct DeterminismTests {
    @Test("the same inputs give byte-identical reports in every format", arguments: ReportFormat.allCases)
    func identical(format: ReportFormat) async throws {
        let first = try ReportRenderers.renderer(for: format).render(try ReportFixtures.hostileReport())
        let second = try ReportRenderers.renderer(for: format).render(try ReportFixtures.hostileReport())
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test("XML numbers are unrounded; suppressed values are absent, not zero")
    func numbers() async throws {
        let report = try ReportFixtures.hostileReport()
        let xml = String(decoding: try XMLRenderer().render(report), as: UTF8.self)
        // The fixture's attrition: 1 leaver over the average of 34 employed on 2026-07-01 and 33
        // on 2026-09-30, 1 / 33.5 = 0.029850746268656716 — written with every digit Swift prints.
        let attrition = report.analyzers[0].result.metrics.first { $0.id == "org.attritionRate" && $0.scope == .org }
        #expect(attrition?.value == 1.0 / 33.5)
        #expect(xml.contains(#"value="0.029850746268656716""#))
        // The three-person team (its manager and two members) is withheld: a reason, no value.
        let tiny = report.analyzers[0].result.metrics.filter { $0.scope == .team("Tiny") }
        #expect(!tiny.isEmpty && tiny.allSatisfy { $0.value == nil && $0.suppressed == .minGroupSize })
        #expect(xml.contains(#"scope="team:Tiny" unit="count" n="3" suppressed="true" reason="min-group-size""#))
    }
}
