import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

@Suite("Markdown notes: one meeting per file and running documents")
struct MarkdownReaderTests {
    @Test("a meeting file: date, status, pair, topics and action items from front matter and body")
    func meetingFile() {
        let content = Fixture.markdown("""
            ---
            date: 2026-07-14
            manager: E0042            # employee_id or email
            report: E0107
            status: held
            duration_minutes: 30
            ---
            ## Agenda
            - Career: what the next level looks like
            ## Action items
            - [x] @E0107 share the design doc (due 2026-07-18)
            - [ ] @E0042 set up a meeting with the platform lead
            """)
        #expect(content.problems.isEmpty)
        #expect(content.meetings.count == 1)
        let (pair, meeting) = content.meetings[0]
        #expect(pair.manager == "E0042")
        #expect(pair.report == "E0107")
        #expect(pair.managerLine == 3)
        #expect(meeting.date == Fixture.date("2026-07-14"))
        #expect(meeting.status == .held)
        #expect(meeting.line == 2)
        #expect(meeting.topics.contains(Fixture.topic("career")))
        #expect(!meeting.topics.contains(Fixture.topic("feedback")))
        #expect(meeting.actionItems.map(\.done) == [true, false])
    }

    @Test("status defaults to held; cancelled and no-show are read; quoted values go through YAML")
    func statuses() {
        let held = Fixture.markdown("---\ndate: 2026-07-14\nmanager: M\nreport: R\n---\nNotes\n")
        #expect(held.meetings.first?.meeting.status == .held)
        let cancelled = Fixture.markdown("---\ndate: \"2026-07-14\"\nmanager: 'M'\nreport: R\nstatus: Cancelled\n---\n")
        #expect(cancelled.problems.isEmpty)
        #expect(cancelled.meetings.first?.meeting.status == .cancelled)
        #expect(cancelled.meetings.first?.meeting.date == Fixture.date("2026-07-14"))
        #expect(cancelled.meetings.first?.pair.manager == "M")
        let noShow = Fixture.markdown("---\ndate: 2026-07-14T10:30:00Z\nmanager: M\nreport: R\nstatus: no-show\n---\n")
        #expect(noShow.meetings.first?.meeting.status == .noShow)
    }

    @Test("a running document, newest first, with status suffixes, nested headings and a parking lot")
    func runningDocumentNewestFirst() {
        let content = Fixture.markdown("""
            ---
            manager: m1@acme.example
            report: A2
            ---
            # 1:1 Maria / Ann
            Shared doc, newest entries at the top. Career ideas go in the parking lot.

            ## 2026-09-15
            ### Notes
            - Workload is heavy this sprint
            ### Action items
            - [x] @A2 plan the handover
            ## 2026-09-01 (no-show)
            ## 2026-08-18
            #### Deep notes
            - Priorities for the next sprint
            * [ ] @A2 Plan the handover.
            ## 2026-08-04 (cancelled)
            Conflicting customer call
            ## Parking lot
            - Career: staff track, later
            """)
        #expect(content.problems.isEmpty)
        let meetings = content.meetings.map(\.meeting)
        // Four dated headings → four meetings, in file order.
        #expect(meetings.map(\.date) == ["2026-09-15", "2026-09-01", "2026-08-18", "2026-08-04"].map(Fixture.date))
        #expect(meetings.map(\.status) == [.held, .noShow, .held, .cancelled])
        #expect(meetings.map(\.line) == [8, 13, 14, 18])
        #expect(meetings[0].topics.contains(Fixture.topic("wellbeing")))
        #expect(meetings[2].topics.contains(Fixture.topic("priorities")))
        // Text before the first meeting and in the parking lot belongs to no meeting.
        #expect(!meetings.contains { $0.topics.contains(Fixture.topic("career")) })
        // The same item (case and punctuation aside) in two meetings has one identity.
        #expect(meetings[0].actionItems.first?.identity == meetings[2].actionItems.first?.identity)
        #expect(meetings[0].actionItems.first?.done == true)
        #expect(meetings[2].actionItems.first?.done == false)
        #expect(content.meetings.allSatisfy { $0.pair.manager == "m1@acme.example" && $0.pair.report == "A2" })
    }

    @Test("a running document, oldest first, with CRLF line ends and a code fence")
    func runningDocumentOldestFirst() {
        let text = "---\r\nmanager: M\r\nreport: R\r\n---\r\n## 2026-07-01\r\n- feedback given\r\n```\r\n## 2026-07-02\r\n- [ ] not an item\r\n```\r\n## 2026-07-15\r\n- [X] done item\r\n"
        let content = Fixture.markdown(text)
        #expect(content.problems.isEmpty)
        // The heading inside the fence is text, not a meeting; the checkbox in it is no item.
        #expect(content.meetings.map(\.meeting.date) == [Fixture.date("2026-07-01"), Fixture.date("2026-07-15")])
        #expect(content.meetings[0].meeting.actionItems.isEmpty)
        #expect(content.meetings[0].meeting.topics.contains(Fixture.topic("feedback")))
        #expect(content.meetings[1].meeting.actionItems.map(\.done) == [true])
    }

    @Test("front matter that is never closed: a diagnostic on line 1 and no meeting")
    func unclosedFrontMatter() {
        let content = Fixture.markdown("---\ndate: 2026-07-17\nmanager: M\nreport: R\nstatus: held\n\n## Notes\n- text\n")
        #expect(content.meetings.isEmpty)
        #expect(content.problems.count == 1)
        #expect(content.problems.first?.line == 1)
        #expect(content.problems.first?.message.contains("never closes") == true)
    }

    @Test("front matter that is not YAML: a diagnostic with the line, and no meeting")
    func invalidYAML() {
        let content = Fixture.markdown("---\ndate: 2026-07-17\nmanager: [M, \nreport: R\n---\n- text\n")
        #expect(content.meetings.isEmpty)
        #expect(content.problems.count == 1)
        #expect(content.problems.first?.message.contains("not valid YAML") == true)
        #expect((content.problems.first?.line ?? 0) >= 3)
    }

    @Test("an unparseable date in front matter or in a meeting heading is reported with its line")
    func unparseableDates() {
        let file = Fixture.markdown("---\ndate: 17/07/2026\nmanager: M\nreport: R\n---\n- text\n")
        #expect(file.meetings.isEmpty)
        #expect(file.problems.first?.line == 2)
        #expect(file.problems.first?.message.contains("ISO date") == true)

        let running = Fixture.markdown("---\nmanager: M\nreport: R\n---\n## 2026-07-01\n- a\n## 14/07/2026\n- career\n## 2026-07-28\n- b\n")
        // The badly dated section is skipped; the meetings around it are read.
        #expect(running.meetings.map(\.meeting.date) == [Fixture.date("2026-07-01"), Fixture.date("2026-07-28")])
        #expect(running.problems.map(\.line) == [7])
        #expect(!running.meetings.contains { $0.meeting.topics.contains(Fixture.topic("career")) })
    }

    @Test("an unknown status value rejects the file; missing people fall back to the file name")
    func statusAndPeople() {
        let status = Fixture.markdown("---\ndate: 2026-07-14\nmanager: M\nreport: R\nstatus: postponed\n---\n")
        #expect(status.meetings.isEmpty)
        #expect(status.problems.first?.line == 5)
        let byName = Fixture.markdown("---\ndate: 2026-07-14\n---\n- text\n", fileName: "E1__E2.md")
        #expect(byName.meetings.first?.pair == PairReference(manager: "E1", report: "E2"))
        let nobody = Fixture.markdown("## 2026-07-14\n- text\n", fileName: "notes.md")
        #expect(nobody.meetings.isEmpty)
        #expect(nobody.problems.first?.message.contains("names no manager and report") == true)
    }
}
