import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// Issue 14, row 3 for notes: front matter that needs the YAML parser goes through the same
/// bounded loader as the config, so an alias bomb in one note skips that note, with a message.
@Suite("Notes: bounded front matter")
struct FrontMatterBoundsTests {
    @Test("an alias bomb in front matter skips the file with a message naming the limit")
    func aliasBomb() {
        var front = "date: 2026-07-14\nmanager: M\nreport: R\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            front += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let content = Fixture.markdown("---\n" + front + "---\n- feedback\n")
        #expect(content.meetings.isEmpty)
        #expect(content.problems.contains { $0.message.contains("is too large") && $0.message.contains("100000") })
    }
}
