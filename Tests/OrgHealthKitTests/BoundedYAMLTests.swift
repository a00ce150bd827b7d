import Testing
@testable import OrgHealthKit

/// Issue 14, row 3: a 2.4 KB YAML alias bomb took 2.8 GB of memory and aborted the run.
@Suite("YAML: bounded alias expansion")
struct BoundedYAMLTests {
    /// The reproduction: ten levels, each a list of ten aliases of the level below,
    /// so the last level stands for 10¹⁰ values.
    static func bomb(levels: Int = 10) -> String {
        var lines = ["analyzers:", "  org-structure:", "    l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<levels {
            let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("    l\(level): &l\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("an alias bomb is refused quickly, with the limit in the message")
    func bombRefused() {
        let elapsed = ContinuousClock().measure {
            #expect {
                _ = try BoundedYAML.compose(Self.bomb())
            } throws: { error in
                guard let problem = error as? YAMLProblem else { return false }
                return problem.exceedsLimit && problem.detail.contains("more than 100000 values")
            }
        }
        #expect(elapsed < .seconds(5))
    }

    @Test("aliases within the limit are read; the count is of values after expansion")
    func withinLimit() throws {
        // By hand: four levels = root mapping (1) + key/value pairs … well under 100,000:
        // l3 alone expands to 10 + 100 + 1,000 + 10,000 + its own node ≈ 11,111 values.
        let root = try BoundedYAML.compose(Self.bomb(levels: 4))
        #expect(root?.mapping?["analyzers"]?.mapping?["org-structure"]?.mapping?["l3"]?.sequence?.count == 10)
        // Five levels stand for about 111,111 values: past the limit.
        #expect(throws: YAMLProblem.self) { _ = try BoundedYAML.compose(Self.bomb(levels: 5)) }
        // A lower limit applies as given: "a: &a [1, 2]\nb: *a" is 1 + 2 keys + 2 lists of 2 = 9 nodes.
        #expect(throws: YAMLProblem.self) { _ = try BoundedYAML.compose("a: &a [1, 2]\nb: *a\n", maxExpandedNodes: 8) }
        #expect(try BoundedYAML.compose("a: &a [1, 2]\nb: *a\n", maxExpandedNodes: 9) != nil)
    }

    @Test("an alias used as a key is refused before parsing (the YAML library would hash it whole)")
    func aliasKey() {
        for text in ["a: &a [1]\n*a : x\n", "a: &a [1]\n? *a\n: x\n", "a: &a [1]\nb: {*a: x}\n"] {
            #expect(throws: YAMLProblem.self, "\(text)") { _ = try BoundedYAML.compose(text) }
        }
        #expect(BoundedYAML.aliasKeyLine("a: &a [1]\n*a : x\n") == 2)
        // Ordinary text with stars is not an alias key.
        #expect(BoundedYAML.aliasKeyLine("note: 5 * 3 = 15\nlist: [*a]\nb: *a\n") == nil)
    }

    @Test("a syntax error keeps its line")
    func syntaxError() {
        #expect {
            _ = try BoundedYAML.compose("a: 1\nb: [1, 2\nc: 3\n")
        } throws: { error in
            guard let problem = error as? YAMLProblem else { return false }
            return !problem.exceedsLimit && problem.line != nil
        }
    }
}
