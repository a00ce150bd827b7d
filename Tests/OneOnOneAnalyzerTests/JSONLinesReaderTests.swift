import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

@Suite("JSON Lines exports")
struct JSONLinesReaderTests {
    @Test("one meeting per line: pair, date, status, notes topics and action items")
    func goodLines() throws {
        let content = try Fixture.jsonLines("""
            {"date":"2026-07-14","manager":"E0042","report":"E0107","status":"held","duration_minutes":30,"notes":"Talked about promotion timing","action_items":[{"text":"share the design doc","done":true,"owner":"E0107","due":"2026-07-18"},{"text":"book the course","done":false}]}

            {"date":"2026-07-28T09:00:00Z","manager":"E0042","report":"E0107","status":"cancelled","notes":"Cancelled: travel"}
            {"date":"2026-08-11","manager":"E0042","report":"E0107","notes":["Feedback on the demo","Roadmap change"],"action_items":["- [x] book the course"]}
            """)
        #expect(content.problems.isEmpty)
        let meetings = content.meetings.map(\.meeting)
        #expect(meetings.map(\.date) == ["2026-07-14", "2026-07-28", "2026-08-11"].map(Fixture.date))
        #expect(meetings.map(\.status) == [.held, .cancelled, .held])
        // Line numbers count the blank line 2.
        #expect(meetings.map(\.line) == [1, 3, 4])
        #expect(meetings[0].topics.contains(Fixture.topic("career")))
        #expect(meetings[0].actionItems.map(\.done) == [true, false])
        #expect(meetings[2].topics.contains(Fixture.topic("feedback")))
        #expect(meetings[2].topics.contains(Fixture.topic("priorities")))
        #expect(meetings[2].actionItems == [ActionItemMark(identity: meetings[0].actionItems[1].identity, done: true)])
        #expect(content.meetings.allSatisfy { $0.pair.manager == "E0042" && $0.pair.report == "E0107" })
    }

    @Test("bad lines are reported by number and skipped; the other lines are read")
    func badLines() throws {
        let content = try Fixture.jsonLines("""
            {"date":"2026-07-14","manager":"M","report":"R"}
            {"date":"2026-07-21","manager":"M","report": this line is not JSON
            ["an array, not an object"]
            {"date":"21/07/2026","manager":"M","report":"R"}
            {"date":"2026-07-21","report":"R"}
            {"date":"2026-07-21","manager":"M","report":"R","status":"postponed"}
            {"date":"2026-07-28","manager":"M","report":"R","status":"no-show"}
            """)
        #expect(content.meetings.map(\.meeting.line) == [1, 7])
        #expect(content.meetings.last?.meeting.status == .noShow)
        #expect(content.problems.map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test("bad lines are listed 20 of each kind per file, the rest counted once per kind")
    func badLinesCapped() throws {
        // 25 lines that are not JSON (lines 1…25), then 2 lines without a manager (26, 27):
        // the first 20 of the first kind by line, both of the second, then one count of the
        // 25 − 20 = 5 not listed, naming their kind.
        let notJSON = Array(repeating: "not json", count: 25)
        let noManager = Array(repeating: #"{"date":"2026-07-21","report":"R"}"#, count: 2)
        let content = try Fixture.jsonLines((notJSON + noManager).joined(separator: "\n"))
        #expect(content.problems.count == 23)
        #expect(content.problems.prefix(22).map(\.line) == Array(1...20) + [26, 27])
        #expect(content.problems.last?.line == nil)
        #expect(content.problems.last?.message
            == "has 5 more lines skipped like the ones above (a line that is not a JSON object)")
    }

    @Test("a line that is not UTF-8 is skipped, the rest read")
    func notUTF8Line() throws {
        let good = Array("{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\"}\n".utf8)
        let bad = Array("{\"date\":\"2026-07-15\",\"manager\":\"M\",\"report\":\"R\",\"notes\":\"caf".utf8) + [0xE9] + Array("\"}\n".utf8)
        let folder = try NotesFolder(bytes: ["x.jsonl": good + bad + good])
        let content = try JSONLinesNoteReader(lexicon: Fixture.lexicon, fields: NoteFieldNames())
            .read(path: folder.url.appendingPathComponent("x.jsonl").path)
        #expect(content.meetings.map(\.meeting.line) == [1, 3])
        #expect(content.problems.map(\.line) == [2])
        #expect(content.problems.first?.message.contains("UTF-8") == true)
    }

    @Test("field names follow the config's columns re-mapping")
    func renamedFields() throws {
        let fields = NoteFieldNames(renamed: ["date": "Meeting Date", "manager": "host", "report": "guest", "done": "completed"])
        let content = try Fixture.jsonLines(
            "{\"meeting date\":\"2026-07-14\",\"Host\":\"M\",\"guest\":\"R\",\"action_items\":[{\"text\":\"a\",\"completed\":\"yes\"}]}",
            fields: fields)
        #expect(content.problems.isEmpty)
        #expect(content.meetings.first?.pair.manager == "M")
        #expect(content.meetings.first?.pair.report == "R")
        #expect(content.meetings.first?.meeting.actionItems.first?.done == true)
    }
}
