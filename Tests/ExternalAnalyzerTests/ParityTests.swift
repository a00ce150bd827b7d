import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthSampleData
import OrgStructureAnalyzer
import Testing

/// The protocol is faithful: the built-in org-structure analyzer run in-process, and run as
/// an external executable through the SDK entry point and the host, give identical results.
@Suite("External analyzers: parity with in-process")
struct ParityTests {
    static var executable: URL { BuiltProducts.executable("orghealth-analyzer-org-structure") }

    @Test("describe gives the built-in's descriptor")
    func descriptor() async throws {
        let external = try await ExternalAnalyzer.describe(Self.executable, limits: ExternalAnalyzerLimits())
        #expect(external.descriptor == OrgStructureAnalyzer().descriptor)
    }

    @Test("the demo organization: identical AnalyzerResult in-process and external")
    func demoOrganization() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-parity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let period = try ReportingPeriod(parsing: "2026-Q3")
        let manifest = try SampleOrganization(employees: 240, period: period).write(to: folder)
        let roster = try RosterReader().read(folder.appendingPathComponent("roster.csv")).roster
        #expect(manifest.employees == roster.people.count)
        for options in [AnalyzerOptions(), AnalyzerOptions(["narrowSpanBelow": .number(2), "wideSpanAbove": .number(6)])] {
            let context = AnalysisContext(organization: "Northwind Labs", period: period, roster: roster, options: options)
            let inProcess = try await OrgStructureAnalyzer().analyze(context)
            let external = try await ExternalAnalyzer.describe(Self.executable, limits: ExternalAnalyzerLimits())
                .analyze(context)
            #expect(!inProcess.metrics.isEmpty && !inProcess.sections.isEmpty)
            #expect(external == inProcess)
        }
    }

    @Test("every built-in with an executable: its examples give identical results through the protocol")
    func examples() async throws {
        var covered: [String] = []
        for entry in AnalyzerRegistry.builtIn().entries {
            let analyzer = entry.analyzer
            let executable = BuiltProducts.executable(ExternalProtocol.executablePrefix + analyzer.descriptor.id)
            guard FileManager.default.isExecutableFile(atPath: executable.path) else { continue }
            let external = try await ExternalAnalyzer.describe(executable, limits: ExternalAnalyzerLimits())
            #expect(external.descriptor == analyzer.descriptor)
            #expect(!analyzer.examples.isEmpty)
            for example in analyzer.examples {
                let (inProcess, throughProtocol) = try await example.withContext { context in
                    (try await analyzer.analyze(context), try await external.analyze(context))
                }
                #expect(throughProtocol == inProcess, "\(example.name)")
                #expect(example.mismatches(in: throughProtocol) == [], "\(example.name)")
            }
            covered.append(analyzer.descriptor.id)
        }
        // The one built-in built as an executable (Package.swift: orghealth-analyzer-org-structure).
        #expect(covered == ["org-structure"])
    }

    @Test("a hand-made organization through the whole pipeline: the same report either way")
    func wholePipeline() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let configuration = try Fixture.configuration(in: fixtures.folder)
        let builtIn = AnalyzerRegistry(entries: [.init(analyzer: OrgStructureAnalyzer(), origin: "built-in")])
        let external = try await PluginDiscovery().registry(extending: AnalyzerRegistry(), locations: [Self.executable])
        let clock = ReportClock.fixed(secondsSince1970: 0)
        let left = try await ReportPipeline(registry: builtIn, clock: clock).run(configuration)
        let right = try await ReportPipeline(registry: external, clock: clock).run(configuration)
        #expect(right.analyzers.first?.status == .ok)
        #expect(right.analyzers.first?.origin == Self.executable.path)
        #expect(left.analyzers.map(\.result) == right.analyzers.map(\.result))
        #expect(left.summary == right.summary)
        #expect(left.scopes == right.scopes)
    }

    @Test("an analyzer error in the executable fails the run with its message")
    func analyzerError() async throws {
        var context = try Fixture.context()
        context = AnalysisContext(
            organization: context.organization, period: context.period, roster: context.roster,
            options: AnalyzerOptions(["narrowSpanBelow": .number(0)]))
        let external = try await ExternalAnalyzer.describe(Self.executable, limits: ExternalAnalyzerLimits())
        await #expect {
            _ = try await external.analyze(context)
        } throws: { error in
            let text = "\(error)"
            return text.contains("exited with status 1") && text.contains("narrowSpanBelow must be ≥ 1")
        }
    }
}
