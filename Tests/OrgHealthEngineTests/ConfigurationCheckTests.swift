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
