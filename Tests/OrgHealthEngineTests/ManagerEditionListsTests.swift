import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthSampleData
import Testing

/// A manager's edition takes its scopes' entries through an index of the report's lists
/// (issue 16: `ScopeIndex`). Each of its lists must be what a plain filter of HR's list by
/// the edition's own scopes gives, in HR's order.
@Suite("Manager editions: each list is HR's, filtered by the edition's scopes, in order")
struct ManagerEditionListsTests {
    @Test("scopes, watchlist, suppressed scopes, and each analyzer's metrics, signals and findings")
    func listsKeepHROrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("editions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleOrganization(employees: 240, period: try ReportingPeriod(parsing: "2026-Q3")).write(to: folder)
        let run = ReportRun(configFile: folder.appendingPathComponent("orghealth.yml"), writer: nil)
        let setup = try await run.setUp()
        let pipeline = ReportPipeline(registry: setup.registry, clock: .fixed(secondsSince1970: 0))
        let report = try await pipeline.run(setup.configuration)
        let roster = try pipeline.readRoster(setup.configuration).roster
        let editions = ManagerAudience(roster: roster, minGroupSize: setup.configuration.privacy.minGroupSize)
            .editions(of: report).compactMap(\.report)
        #expect(editions.count >= 10, "only \(editions.count) editions")

        var checked = 0
        for edition in editions {
            // The edition's scopes: every scope any of its lists holds.
            var scopes = Set(edition.scopes.map(\.scope))
            for run in edition.analyzers {
                scopes.formUnion(run.result.metrics.map(\.scope))
                scopes.formUnion(run.result.signals.map(\.scope))
            }
            #expect(edition.scopes.map(\.scope) == report.scopes.map(\.scope).filter(scopes.contains))
            #expect(edition.watchlist == report.watchlist.filter { scopes.contains($0.scope) })
            #expect(edition.dataQuality.suppressedScopes == report.dataQuality.suppressedScopes.filter(scopes.contains))
            for (mine, hr) in zip(edition.analyzers, report.analyzers) {
                #expect(mine.result.metrics == hr.result.metrics.filter { scopes.contains($0.scope) })
                #expect(mine.result.signals == hr.result.signals.filter { scopes.contains($0.scope) })
                // Findings are also withheld when they name someone: a subsequence of HR's, in order.
                var rest = hr.result.findings[...]
                for finding in mine.result.findings {
                    guard let at = rest.firstIndex(of: finding) else {
                        Issue.record("a finding out of HR's order, or not HR's: \(finding.title)")
                        break
                    }
                    rest = rest[rest.index(after: at)...]
                }
                checked += mine.result.metrics.count
            }
        }
        #expect(checked > 1000, "only \(checked) metrics checked")
    }
}
