import Foundation
import OrgHealthKit
import OrgHealthRendering
import Testing

@Suite("Deterministic output")
struct DeterminismTests {
    @Test("the same inputs give byte-identical reports in every format", arguments: ReportFormat.allCases)
    func identical(format: ReportFormat) async throws {
        let first = try ReportRenderers.renderer(for: format).render(try await ReportFixtures.hostileReport())
        let second = try ReportRenderers.renderer(for: format).render(try await ReportFixtures.hostileReport())
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test("XML numbers are unrounded; suppressed values are absent, not zero")
    func numbers() async throws {
        let report = try await ReportFixtures.hostileReport()
        let xml = String(decoding: try XMLRenderer().render(report), as: UTF8.self)
        // 1 leaver over the average of 41 and 40 employed (Web's first member left on 2026-08-01).
        let attrition = report.analyzers[0].result.metrics.first { $0.id == "org.attritionRate" && $0.scope == .org }
        #expect(attrition?.value == 1.0 / 40.5)
        #expect(xml.contains(#"value="\#(1.0 / 40.5)""#))
        // The two-person team is withheld everywhere: a reason, no value.
        let tiny = report.analyzers[0].result.metrics.filter { $0.scope == .team("Tiny") }
        #expect(!tiny.isEmpty && tiny.allSatisfy { $0.value == nil && $0.suppressed == .minGroupSize })
        #expect(xml.contains(#"scope="team:Tiny" unit="count" n="2" suppressed="true" reason="min-group-size""#))
    }
}
