import Foundation
import OrgHealthEngine
import OrgHealthKit
import Testing

/// The generated reference blocks of docs/analyzers/*.md: every built-in analyzer has a page,
/// and each page's block is what its descriptor gives today (swift-format's pattern: regenerate
/// and compare). `ORGHEALTH_WRITE_DOCS=1 swift test --filter AnalyzerReferenceTests` rewrites them.
@Suite("Analyzer reference pages")
struct AnalyzerReferenceTests {
    /// The package root: this file is Tests/OrgHealthEngineTests/AnalyzerReferenceTests.swift.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("every built-in analyzer's page holds its current generated block", arguments: AnalyzerRegistry.builtIn().entries.map(\.analyzer.descriptor.id))
    func pageIsCurrent(id: String) throws {
        let descriptor = try #require(AnalyzerRegistry.builtIn().entries.first { $0.analyzer.descriptor.id == id }?.analyzer.descriptor)
        let url = Self.root.appendingPathComponent(AnalyzerReference.pagePath(descriptor))
        guard let page = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("\(AnalyzerReference.pagePath(descriptor)) is missing: every built-in analyzer has a page (docs/ADDING-AN-ANALYZER.md)")
            return
        }
        guard let current = AnalyzerReference.updating(page, with: descriptor) else {
            Issue.record("\(AnalyzerReference.pagePath(descriptor)) has no generated block; add the two lines\n\(AnalyzerReference.begin)\n\(AnalyzerReference.end)")
            return
        }
        if ProcessInfo.processInfo.environment["ORGHEALTH_WRITE_DOCS"] == "1" {
            try current.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(page == current, "\(AnalyzerReference.pagePath(descriptor)) is stale: run ORGHEALTH_WRITE_DOCS=1 swift test --filter AnalyzerReferenceTests")
    }

    @Test("a small descriptor gives the tables worked out by hand")
    func smallDescriptor() {
        let descriptor = AnalyzerDescriptor(
            id: "kudos", name: "Kudos", version: "1.0.0", summary: "Who thanks whom.",
            inputs: [.init(kind: "kudos", required: false)], dimensions: [.feedback],
            metrics: [.init(id: "kudos.rate", definition: "Kudos | person.", signal: "100 × rate")]
        ).declaring([.init(name: "minKudos", type: .integer, default: "3", doc: "Fewest kudos.")])
        // Written by hand from the descriptor above: the pipe in the definition is escaped, a
        // metric without a signal would show "—".
        let expected = """
            \(AnalyzerReference.begin)

            **Reads:** the roster, `kudos` (optional) · **Feeds:** feedback

            ### Options (`analyzers.kudos`)

            Besides `enabled` and `timeoutSeconds`, which every analyzer accepts:

            | option | type | default | what it does |
            |---|---|---|---|
            | `minKudos` | integer | `3` | Fewest kudos. |

            ### Metric definitions

            As printed in the report's methodology section (an id ending in `.` names a family).

            | id | definition | signal |
            |---|---|---|
            | `kudos.rate` | Kudos \\| person. | 100 × rate |

            \(AnalyzerReference.end)

            """
        #expect(AnalyzerReference.markdown(descriptor) == expected)
        let page = "# Kudos\n\nIntro.\n\n\(AnalyzerReference.begin)\nold\n\(AnalyzerReference.end)\n\n## More\n"
        #expect(AnalyzerReference.updating(page, with: descriptor) == "# Kudos\n\nIntro.\n\n" + expected + "\n## More\n")
        #expect(AnalyzerReference.updating("# Kudos\n", with: descriptor) == nil)
    }
}
