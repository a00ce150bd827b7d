import Foundation
@testable import OrgHealthEngine
import OrgHealthKit
import OrgHealthSampleData
import Testing

/// The metric catalogue: every built-in analyzer declares its metrics in its descriptor under
/// one prefix of its own (docs/METRICS.md "Metric ids"), emits only what it declares, and the
/// engine's rules name only declared metrics — so renaming a metric is a compile error (the
/// rules use the analyzers' typed constants) or a failure here, never a rule silently off.
@Suite("Metric catalogue")
struct MetricCatalogueTests {
    static let registry = AnalyzerRegistry.builtIn()

    /// The metrics of `ids` that no analyzer of `registry` both declares and emits in its
    /// examples. Emitting matters for families: `survey.dimension.` declares every
    /// `survey.dimension.<d>.favorability`, misspelt ones too.
    static func unknown(_ ids: [MetricID], in registry: AnalyzerRegistry) async throws -> [MetricID] {
        var emitted: Set<String> = []
        for entry in registry.entries {
            for example in entry.analyzer.examples {
                emitted.formUnion(try await example.run(entry.analyzer).metrics.map(\.id))
            }
        }
        return ids.filter { id in
            !emitted.contains(id.rawValue) || !registry.entries.contains { $0.analyzer.descriptor.declaresMetric(id.rawValue) }
        }
    }

    /// Every metric the cross-source rules read.
    static var ruleMetrics: [MetricID] {
        CrossSourceFindings.rules.flatMap { [$0.first.metric, $0.second.metric] }
    }

    @Test("every metric a cross-source rule reads is declared by a registered analyzer and emitted by its examples")
    func crossSourceRulesNameDeclaredMetrics() async throws {
        // Four rules, two conditions each.
        #expect(Self.ruleMetrics.count == 8)
        #expect(try await Self.unknown(Self.ruleMetrics, in: Self.registry) == [])
    }

    @Test("a rule naming a renamed or misspelt metric fails the check")
    func renamedMetricIsCaught() async throws {
        // What a rule would read after `oneonone.coverage` were renamed in the analyzer but
        // spelt the old way here, or a member of a declared family misspelt: the check names
        // exactly those ids.
        let renamed = MetricID(rawValue: "oneonone.coverageRate")
        let misspelt = MetricID(rawValue: "survey.dimension.trust.favourability")
        #expect(try await Self.unknown(Self.ruleMetrics + [renamed, misspelt], in: Self.registry) == [renamed, misspelt])
        // Without the analyzer that declares them, a rule's metrics are unknown too.
        let withoutSurvey = AnalyzerRegistry(entries: Self.registry.entries.filter { $0.analyzer.descriptor.id != "culture-survey" })
        #expect(try await Self.unknown(Self.ruleMetrics, in: withoutSurvey).map(\.rawValue) == [
            "survey.dimension.trust.favorability", "survey.dimension.wellbeing.favorability",
        ])
    }

    @Test("one prefix per analyzer: a lowercase word, unique, shared by all its metrics")
    func prefixes() {
        var seen: [String: String] = [:]
        for entry in Self.registry.entries {
            let descriptor = entry.analyzer.descriptor
            let prefix = descriptor.metricPrefix
            #expect(prefix != nil, "\(descriptor.id): its metrics do not share one prefix")
            guard let prefix else { continue }
            #expect(prefix.allSatisfy { $0.isASCII && $0.isLowercase }, "\(descriptor.id): prefix '\(prefix)'")
            #expect(seen[prefix] == nil, "prefix '\(prefix)' of \(descriptor.id) is also \(seen[prefix] ?? "")'s")
            seen[prefix] = descriptor.id
        }
        // The published prefixes (docs/METRICS.md), kept when the spelling rule was written down.
        // (Those four are checked; a built-in added later brings a prefix of its own.)
        #expect(seen.filter { ["org", "oneonone", "reviews", "survey"].contains($0.key) }
            == ["org": "org-structure", "oneonone": "one-on-ones", "reviews": "review-cycles", "survey": "culture-survey"])
    }

    @Test("a descriptor whose metrics mix prefixes has none")
    func mixedPrefixes() {
        let descriptor = AnalyzerDescriptor(
            id: "kudos", name: "Kudos", version: "1.0.0", summary: "",
            metrics: [MetricDefinition(id: "kudos.given", definition: ""), MetricDefinition(id: "praise.given", definition: "")])
        #expect(descriptor.metricPrefix == nil)
        #expect(AnalyzerDescriptor(id: "empty", name: "", version: "1.0.0", summary: "").metricPrefix == nil)
    }

    @Test("family ids cover their members only")
    func families() {
        let items = MetricPrefix("survey").family("item")
        #expect(items.rawValue == "survey.item.")
        #expect(items.covers("survey.item.trust1.mean"))
        #expect(!items.covers("survey.item."))
        #expect(!items.covers("survey.items"))
        let coverage = MetricPrefix("oneonone").id("coverage")
        #expect(coverage.covers("oneonone.coverage"))
        #expect(!coverage.covers("oneonone.coverage.x"))
    }

    @Test("the demo organization: every declared metric is emitted, every emitted one declared")
    func declaredAndEmittedAgree() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-catalogue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try SampleOrganization(employees: 240, period: try ReportingPeriod(parsing: "2026-Q3")).write(to: folder)
        let configuration = try ConfigurationLoader(knownAnalyzers: Self.registry.ids)
            .load(folder.appendingPathComponent("orghealth.yml"))
        let report = try await ReportPipeline(registry: Self.registry, clock: .fixed(secondsSince1970: 0)).run(configuration)
        for run in report.analyzers {
            #expect(run.status == .ok, "\(run.descriptor.id): \(run.message ?? "")")
            let emitted = Set(run.result.metrics.map(\.id))
            let undeclared = emitted.filter { !run.descriptor.declaresMetric($0) }
            #expect(undeclared.isEmpty, "\(run.descriptor.id) emits undeclared \(undeclared.sorted())")
            let unused = run.descriptor.metrics.map { MetricID(rawValue: $0.id) }.filter { id in !emitted.contains { id.covers($0) } }
            #expect(unused.isEmpty, "\(run.descriptor.id) declares metrics the demo never emits: \(unused)")
        }
    }
}
