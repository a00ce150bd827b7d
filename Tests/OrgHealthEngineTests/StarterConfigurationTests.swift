import OrgHealthKit
import Testing
@testable import OrgHealthEngine

/// The starter config's `analyzers:` part comes from the descriptors' option declarations.
@Suite("Starter configuration")
struct StarterConfigurationTests {
    @Test("an analyzer's options with writable defaults are listed, aligned, with their docs")
    func optionsFromDescriptor() {
        let kudos = AnalyzerDescriptor(id: "kudos", name: "Kudos", version: "1.0.0", summary: "").declaring([
            .init(name: "minKudos", type: .integer, default: "3", doc: "Fewest kudos."),
            .init(name: "scale", type: .mapping, default: "{min: 1, max: 5}", doc: "The scale."),
            .init(name: "cutoff", type: .number, default: "the midpoint", doc: "A description, not a value: left out."),
            .init(name: "labels", type: .mapping, doc: "No default: left out."),
        ])
        let silent = AnalyzerDescriptor(id: "silent", name: "Silent", version: "1.0.0", summary: "")
        // By hand: "minKudos: 3" is 11 characters, "scale: {min: 1, max: 5}" 23, so the first is
        // padded with 12 spaces before the two that precede "#"; `silent` declares nothing.
        let expected = """
            # Per-analyzer options, with their defaults; `enabled: false` switches one off.
            # `orghealth analyzers --options` lists every option with what it does.
            # analyzers:
            #   kudos:
            #     minKudos: 3              # Fewest kudos.
            #     scale: {min: 1, max: 5}  # The scale.


            """
        #expect(StarterConfiguration.analyzerOptions([kudos, silent]) == expected)
    }

    @Test("the built-in analyzers' options are in the text `orghealth init` writes")
    func builtInOptions() {
        let text = StarterConfiguration.text
        #expect(text.contains("#   org-structure:\n#     narrowSpanBelow: 3  # A manager with fewer direct reports has a narrow span.\n"))
        #expect(text.contains("#   one-on-ones:\n#     expectedCadenceDays: 14"))
        #expect(!text.contains("lowUpwardScoreBelow"))  // its default is "the scale's midpoint"
        #expect(text.hasPrefix("# orghealth.yml — configuration of an OrgHealth report.\n"))
        #expect(text.hasSuffix("  formats: [html, xml]\n"))
    }
}
