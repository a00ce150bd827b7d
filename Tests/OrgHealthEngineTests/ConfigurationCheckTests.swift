import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// Strict config (issue 13): typos in analyzer options and source kinds are errors naming the
/// line, with a suggestion.
@Suite("Config check against declared options and source kinds")
struct ConfigurationCheckTests {
    static let file = URL(fileURLWithPath: "/tmp/orghealth.yml")

    @Test func anOptionTypoIsAnErrorWithASuggestion() throws {
        // Line 4 holds the typo (`expectedCadence` for `expectedCadenceDays`).
        let text = """
            organization: Acme
            analyzers:
              one-on-ones:
                expectedCadence: 14
                maxGapDays: 30
                timeoutSeconds: 60
                enabled: true
            """
        #expect(throws: ConfigError.self) { try ConfigurationCheck(registry: .builtIn()).check(text, file: Self.file) }
        do {
            _ = try ConfigurationCheck(registry: .builtIn()).check(text, file: Self.file)
        } catch {
            #expect(error.line == 4)
            #expect(error.key == "analyzers.one-on-ones.expectedCadence")
            #expect(error.message.contains("did you mean 'expectedCadenceDays'?"))
        }
    }

    @Test func everyBuiltInDeclaresItsOptions() {
        for entry in AnalyzerRegistry.builtIn().entries {
            #expect(entry.analyzer.descriptor.options?.isEmpty == false, "\(entry.analyzer.descriptor.id)")
        }
    }

    @Test func aMistypedSourceKindIsAnError() throws {
        let text = """
            organization: Acme
            sources:
              one-on-ones: notes/
              reviews: reviews.csv
            """
        do {
            _ = try ConfigurationCheck(registry: .builtIn()).check(text, file: Self.file)
            Issue.record("expected an error for sources.reviews")
        } catch {
            #expect(error.line == 4)
            #expect(error.key == "sources.reviews")
            #expect(error.message.contains("did you mean 'review-cycles'?"))
        }
    }

    /// A kind far from every kind read (the sample's `exits:` for an external analyzer that is
    /// not loaded) is a warning, not an error.
    @Test func anUnreadKindFarFromEveryKindIsAWarning() throws {
        let text = """
            organization: Acme
            sources:
              exits: exits.csv
              culture-survey: {responses: r.csv, definition: s.yml}
            """
        let warnings = try ConfigurationCheck(registry: .builtIn()).check(text, file: Self.file)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 3)
    }
}

/// An external analyzer as the registry holds it after `describe`: a descriptor decoded from
/// the protocol's JSON (shape as in docs/WRITING-ANALYZERS.md), with declared options.
private struct DescribedAnalyzer: Analyzer {
    let descriptor: AnalyzerDescriptor
    func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult { AnalyzerResult() }
}

@Suite("Config check: external analyzers")
struct ExternalOptionCheckTests {
    @Test func anUndeclaredOptionOfAnExternalAnalyzerIsAWarning() throws {
        let json = """
            {"protocolVersion": 1, "id": "recognition", "inputs": [{"kind": "recognition"}],
             "options": [{"name": "minKudos", "type": "integer", "default": "3", "doc": "Fewest kudos."}]}
            """
        let described = try JSONDecoder().decode(DescribeResponse.self, from: Data(json.utf8))
        #expect(described.descriptor.options?.first?.type == .integer)
        let registry = try AnalyzerRegistry.builtIn()
            .adding(DescribedAnalyzer(descriptor: described.descriptor), origin: "/plugins/orghealth-analyzer-recognition")
        // Line 5: `minKudo` for `minKudos`; line 6 is a host key, accepted.
        let text = """
            organization: Acme
            sources:
              recognition: kudos.csv
            analyzers:
              recognition: {minKudo: 2,
                            timeoutSeconds: 30}
            """
        let warnings = try ConfigurationCheck(registry: registry).check(text, file: URL(fileURLWithPath: "/tmp/orghealth.yml"))
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("did you mean 'minKudos'?") == true)
    }
}
