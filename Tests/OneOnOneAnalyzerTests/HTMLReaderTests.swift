import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

@Suite("HTML exports of running documents")
struct HTMLReaderTests {
    @Test("meta tags name the pair; dated headings split meetings; checkbox inputs are action items")
    func plainExport() {
        let content = Fixture.html("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="manager" content="E0042"><meta name="report" content="ann@acme.example">
            <title>1:1 career notes</title>
            </head>
            <body>
            <h1>1:1 Maria / Ann — career</h1>
            <h2>2026-08-07</h2>
            <h3>Notes</h3>
            <ul>
            <li>Feedback on the demo</li>
            </ul>
            <h3>Action items</h3>
            <ul>
            <li><input type="checkbox" checked> @ann send the customer summary</li>
            <li><input type="checkbox"> @E0042 ask finance about the budget (due 2026-08-20)</li>
            </ul>
            <h2>2026-07-24 (cancelled)</h2>
            <p>Offsite day</p>
            </body>
            </html>
            """)
        #expect(content.problems.isEmpty)
        #expect(content.meetings.count == 2)
        let (pair, first) = content.meetings[0]
        #expect(pair.manager == "E0042")
        #expect(pair.report == "ann@acme.example")
        #expect(pair.managerLine == 5)
        #expect(first.date == Fixture.date("2026-08-07"))
        #expect(first.line == 10)
        #expect(first.status == .held)
        #expect(first.topics.contains(Fixture.topic("feedback")))
        // The title and the h1 come before any meeting: their "career" counts nowhere.
        #expect(!first.topics.contains(Fixture.topic("career")))
        #expect(first.actionItems.map(\.done) == [true, false])
        #expect(content.meetings[1].meeting.status == .cancelled)
    }

    @Test("office-suite markup: spans, paragraphs as labels, glyph checkboxes, pair from the file name")
    func docsStyleExport() {
        let content = Fixture.html(
            "<html><head><meta content=\"text/html; charset=UTF-8\" http-equiv=\"content-type\"><style type=\"text/css\">.c1{font-weight:700}</style></head>"
                + "<body class=\"c2 doc-content\"><p class=\"c1 title\"><span>1:1</span></p>"
                + "<h2 class=\"c1\"><span>2026-09-04</span></h2><p class=\"c2\"><span class=\"c1\">Notes</span></p>"
                + "<ul class=\"c2 lst-kix_a-0 start\"><li class=\"c2 li-bullet-0\"><span>Workload feels sustainable again</span></li></ul>"
                + "<p class=\"c2\"><span class=\"c1\">Action items</span></p><ul class=\"c2\">"
                + "<li class=\"c2\"><span>☑ @R write the migration plan</span></li><li class=\"c2\"><span>☐ @M clean up the alerts</span></li></ul>"
                + "<h2 class=\"c1\"><span>2026-09-18 (no-show)</span></h2><p class=\"c2\"><span>No message</span></p></body></html>",
            fileName: "m@acme.example__E0107.html")
        #expect(content.problems.isEmpty)
        #expect(content.meetings.map(\.pair.manager) == ["m@acme.example", "m@acme.example"])
        #expect(content.meetings.map(\.pair.report) == ["E0107", "E0107"])
        let held = content.meetings[0].meeting
        #expect(held.topics.contains(Fixture.topic("wellbeing")))
        #expect(held.actionItems.map(\.done) == [true, false])
        // The glyph is not part of the identity: the same words under a Markdown checkbox match.
        #expect(held.actionItems.first?.identity == ActionItemLine.identity(of: "write the migration plan"))
        #expect(content.meetings[1].meeting.status == .noShow)
    }

    @Test("nested lists: the parent item and the child items are each read once")
    func nestedLists() {
        let content = Fixture.html("""
            <html><head><meta name="manager" content="M"><meta name="report" content="R"></head><body>
            <h2>2026-07-10</h2>
            <ul><li>☐ prepare the roadmap<ul><li>☑ draft the outline</li><li>ask about vacation</li></ul></li></ul>
            </body></html>
            """)
        let meeting = content.meetings.first?.meeting
        #expect(meeting?.actionItems.map(\.done) == [false, true])
        #expect(meeting?.actionItems.first?.identity == ActionItemLine.identity(of: "prepare the roadmap"))
        #expect(meeting?.topics.contains(Fixture.topic("priorities")) == true)
        #expect(meeting?.topics.contains(Fixture.topic("wellbeing")) == true)
    }

    @Test("a DOCTYPE declaring an external entity: the file is refused, nothing in it is read")
    func externalEntity() {
        let content = Fixture.html("""
            <!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <html><head><meta name="manager" content="M"><meta name="report" content="R"></head>
            <body><h2>2026-07-10</h2><ul><li>&x;</li><li>career talk</li></ul></body></html>
            """)
        #expect(content.meetings.isEmpty)
        #expect(content.problems.count == 1)
        #expect(content.problems.first?.line == 1)
        #expect(content.problems.first?.message.contains("entities") == true)
    }

    @Test("no meta tags and no MANAGER__REPORT name: reported, no meeting")
    func noPair() {
        let content = Fixture.html("<html><body><h2>2026-07-10</h2><p>text</p></body></html>", fileName: "export.html")
        #expect(content.meetings.isEmpty)
        #expect(content.problems.first?.message.contains("names no manager and report") == true)
    }
}
