import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// Issue 14, row 1: an HTML export with one `<div>` holding 250,000 `<p>` (about 2.7 MB, the
/// shape of the issue's reproduction) took tens of seconds, because each paragraph's text was
/// searched for and spliced out of the whole `<div>`'s text. Now each text node is read once.
@Suite("HTML exports at scale")
struct HTMLReaderScaleTests {
    /// The issue's reproduction with `count` paragraphs in one `<div>`, and one more that
    /// names a topic.
    static func export(paragraphs count: Int) -> String {
        var html = "<html><head><meta name=\"manager\" content=\"E0002\"><meta name=\"report\" content=\"E0120\"></head>"
            + "<body><h2>2026-08-03</h2><div>"
        html.reserveCapacity(12 * count + 200)
        for index in 0..<count { html += "<p>\(index % 10)K</p>" }
        html += "<p>feedback on the demo</p></div></body></html>"
        return html
    }

    @Test("250,000 paragraphs in one div are read in linear time")
    func manyParagraphs() {
        let clock = ContinuousClock()
        let small = Self.export(paragraphs: 25_000)
        let large = Self.export(paragraphs: 250_000)
        let smallTime = clock.measure { _ = Fixture.html(small) }
        var content = NoteFileContent()
        let largeTime = clock.measure { content = Fixture.html(large) }
        #expect(content.problems.isEmpty)
        // One dated heading: one meeting; the last paragraph's "feedback" is one of its topics.
        #expect(content.meetings.count == 1)
        #expect(content.meetings.first?.meeting.topics.contains(Fixture.topic("feedback")) == true)
        // Ten times the paragraphs: linear work takes about ten times as long, quadratic work
        // a hundred times. The ratio does not depend on how fast or busy the machine is.
        let ratio = largeTime / smallTime
        #expect(ratio < 30, "25,000: \(smallTime), 250,000: \(largeTime)")
        // Measured in a debug build on a 2-core machine shared by eight builds: did not finish in
        // 400 s before; 17–23 s after. A generous bound for slow machines, far below quadratic.
        #expect(largeTime < .seconds(120), "took \(largeTime)")
    }

    @Test("own text of a block between nested blocks is kept, the nested blocks are read once each")
    func ownTextBetweenBlocks() {
        let content = Fixture.html("""
            <html><head><meta name="manager" content="M"><meta name="report" content="R"></head><body>
            <h2>2026-08-03</h2>
            <ul><li>feedback on the demo<ul><li>☐ @R write the plan</li></ul></li></ul>
            </body></html>
            """)
        #expect(content.meetings.count == 1)
        let meeting = content.meetings.first?.meeting
        // By hand: "feedback" is the outer item's own text; the nested item is one open action item.
        #expect(meeting?.topics.contains(Fixture.topic("feedback")) == true)
        #expect(meeting?.actionItems.map(\.done) == [false])
    }
}
