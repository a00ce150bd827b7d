import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// The byte-level reading of JSON lines (``JSONLineValue``, ``FastLineFields``) gives what
/// `JSONSerialization` gives, which stays the reference: the same meetings, or the same reason
/// to skip a line. Where the fast path is not sure, it must say so and leave the line to
/// Foundation.
@Suite("JSON Lines fast path")
struct JSONLineFastPathTests {
    static let reader = JSONLinesNoteReader(lexicon: TopicLexicon(), fields: NoteFieldNames())

    /// What a line gives, in comparable form.
    enum Outcome: Equatable, CustomStringConvertible {
        case meeting(manager: String, report: String, date: CalendarDate, status: MeetingStatus, topics: UInt64, items: [ActionItemMark])
        case skipped(String)

        init(_ outcome: JSONLinesNoteReader.LineOutcome) {
            switch outcome {
            case .success(let entry):
                let meeting = entry.meeting
                self = .meeting(manager: entry.pair.manager, report: entry.pair.report, date: meeting.date,
                                status: meeting.status, topics: meeting.topics.bits, items: meeting.actionItems)
            case .failure(let problem):
                self = .skipped(problem.message)
            }
        }

        var description: String {
            switch self {
            case .meeting(let manager, let report, let date, let status, let topics, let items):
                return "meeting \(manager.debugDescription)/\(report.debugDescription) \(date) \(status) topics \(topics) items \(items.map(\.done))"
            case .skipped(let message):
                return "skipped: \(message)"
            }
        }
    }

    /// The reading before the fast path: the UTF-8 check, then Foundation.
    static func reference(_ line: [UInt8]) -> Outcome {
        line.withUnsafeBytes { bytes in
            if NoteTextCheck.problem(in: bytes) != nil { return .skipped("has a line that is not UTF-8 text; the line was skipped") }
            return Outcome(reader.foundationMeeting(bytes))
        }
    }

    /// The fast path alone: `nil` when it leaves the line to Foundation.
    static func fast(_ line: [UInt8]) -> Outcome? {
        line.withUnsafeBytes { reader.fastMeeting($0) }.map(Outcome.init)
    }

    /// Whether Foundation's reading of the line may depend on the order of a dictionary, which
    /// differs from one dictionary to the next: two keys of the line's object, or of an action
    /// item's, equal once lower-cased. The reader's outcome for such a line need not be the
    /// same twice. (The fast path reads no such object: whatever it reads has one reference.)
    static func isOrderDependent(_ line: [UInt8]) -> Bool {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else { return false }
        func collides(_ dictionary: [String: Any]) -> Bool { Set(dictionary.keys.map { $0.lowercased() }).count < dictionary.count }
        let items = object.first { $0.key.lowercased() == "action_items" }?.value as? [Any] ?? []
        return collides(object) || items.contains { ($0 as? [String: Any]).map(collides) ?? false }
    }

    /// Checks one line: where the fast path reads it, the outcome is the reference's; the
    /// reader's outcome (fast path or Foundation) is the reference's. Whether the fast path read it.
    @discardableResult
    static func check(_ line: [UInt8]) -> Bool {
        let text = String(decoding: line, as: UTF8.self)
        let reference = reference(line)
        if !isOrderDependent(line) {
            #expect(Outcome(reader.meeting(line[...])) == reference, "\(text)")
        }
        // The fast path is given only UTF-8 text (the reader checks it first).
        guard line.withUnsafeBytes({ NoteTextCheck.problem(in: $0) }) == nil, let fast = fast(line) else { return false }
        #expect(fast == reference, "\(text)")
        return true
    }

    static func parse(_ text: String) -> JSONLineValue? {
        Array(text.utf8).withUnsafeBytes { JSONLineValue.parse($0) }
    }

    // MARK: The parser, by hand

    @Test("values, escapes, surrogate pairs, numbers as text, whitespace, key order")
    func parsedValues() {
        // Worked out by hand from RFC 8259.
        let text = #" { "b" : [1, -2.5e3 ,true,false,null] ,"a":"caf\u00e9 \ud83d\ude00 \"\\\/\b\f\n\r\t","c":{}, "d":[], "é":"e\u0301" }  "#
        #expect(Self.parse(text) == .object([
            .init(key: "b", value: .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
            .init(key: "a", value: .string("café 😀 \"\\/\u{8}\u{C}\n\r\t")),
            .init(key: "c", value: .object([])),
            .init(key: "d", value: .array([])),
            .init(key: "é", value: .string("e\u{301}")),
        ]))
        #expect(Self.parse(#"["\u0000", "\uFEFF", "\u00E9\u00e9", 0, -0, 0.5, 1E+2, 1e-99]"#) == .array([
            .string("\u{0}"), .string("\u{FEFF}"), .string("éé"),
            .number("0"), .number("-0"), .number("0.5"), .number("1E+2"), .number("1e-99"),
        ]))
        #expect(Self.parse("\"top-level string\"") == .string("top-level string"))
        #expect(Self.parse("\t42\r") == .number("42"))
        // 64 levels of nesting are read, 65 are left to Foundation.
        #expect(Self.parse(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) != nil)
        #expect(Self.parse(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)) == nil)
    }

    @Test("invalid JSON, and what the parser is not sure of, give nil", arguments: [
        "", "   ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}", "[1 2]", "[1,,2]",
        "{\"a\":1}}", "{} x", "{}{}", "[1,]", "{\"a\":1,}", "tru", "nul", "True", "NaN", "Infinity",
        "01", "1.", ".5", "-", "+1", "1e", "1e+", "--1", "0x10", "1.5.2", "\"abc", "\"a\\x\"", "\"\\u12\"",
        "\"\\u12G4\"", "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ud83d\\u0041\"", "\"\\ude00\"", "\"tab\there\"",
        "\"line\u{1}\"", "\"\u{FEFF}bom\"", "\"x\u{FEFF}\"", "\u{FEFF}{}", "{\"a\":1,\"a\":2}", "{\"é\":1,\"e\u{301}\":2}",
        "1e400", "1e100", "123456789012345678901234567890123", "[1]\u{0B}", "\u{A0}{}",
    ])
    func unsure(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test("a key repeated among many is found")
    func repeatedKeyAmongMany() {
        let keys = (0..<40).map { "\"k\($0)\":\($0)" }
        #expect(Self.parse("{" + keys.joined(separator: ",") + "}") != nil)
        #expect(Self.parse("{" + (keys + ["\"k7\":0"]).joined(separator: ",") + "}") == nil)
    }

    // MARK: Lines, by hand

    @Test("a line read by the fast path, its fields worked out by hand")
    func handLine() throws {
        let line = #"{"Date":"2026-07-14","MANAGER":" E0042\t","report":107,"status":"Cancelled","notes":["Talked about promotion",7],"#
            + #""agenda":"roadmap","action_items":[{"Text":"share the doc","DONE":1},{"text":"book it","done":"Yes "},"#
            + #""- [x] write it",5,null,{"text":"open item","done":0},{"text":"@E1 plan (due 2026-07-20)","done":false}]}"#
        let outcome = try #require(Self.fast(Array(line.utf8)))
        let items = [("share the doc", true), ("book it", true), ("write it", true), ("open item", false), ("plan", false)]
        #expect(outcome == .meeting(
            manager: "E0042", report: "107", date: try #require(CalendarDate(iso: "2026-07-14")), status: .cancelled,
            // "promotion" is a career keyword (topic 0), "roadmap" a priorities one (topic 3).
            topics: 0b1001,
            items: try items.map { ActionItemMark(identity: try #require(ActionItemLine.identity(of: $0.0)), done: $0.1) }))
        #expect(outcome == Self.reference(Array(line.utf8)))
    }

    @Test("lines the fast path leaves to Foundation, and what Foundation makes of them", arguments: [
        // Foundation reads 1 (and 0) as a Bool, which is no text: no manager.
        (#"{"date":"2026-07-14","manager":1,"report":"R"}"#, "has a line without 'manager' and 'report'; the line was skipped"),
        // A number other than a plain integer: Foundation's stringValue, "-5".
        (#"{"date":"2026-07-14","manager":-5,"report":"R"}"#, nil),
        // Two keys equal once lower-cased (Foundation's outcome then depends on its dictionary's order).
        (#"{"date":"2026-07-14","manager":"A","Manager":"B","report":"R"}"#, nil),
        // A trailing comma, which Foundation accepts.
        (#"{"date":"2026-07-14","manager":"M","report":"R",}"#, nil),
        // A lone surrogate, which Foundation refuses.
        (#"{"date":"2026-07-14","manager":"M\ud800","report":"R"}"#, "has a line that is not a JSON object; the line was skipped"),
        // A number too large for a Double, which Foundation refuses.
        (#"{"date":"2026-07-14","manager":"M","report":"R","x":1e400}"#, "has a line that is not a JSON object; the line was skipped"),
    ] as [(String, String?)])
    func leftToFoundation(line: String, skipped: String?) {
        let bytes = Array(line.utf8)
        #expect(Self.fast(bytes) == nil)
        if let skipped { #expect(Self.reference(bytes) == .skipped(skipped)) }
        #expect(!Self.check(bytes))
    }

    // MARK: Differential

    /// Lines written to catch differences: every kind of field value, escapes, letter case,
    /// whitespace, and invalid JSON of many kinds.
    static let handLines: [String] = [
        #"{"date":"2026-07-14","manager":"E0042","report":"E0107","status":"held","duration_minutes":30,"notes":"Talked about promotion timing","action_items":[{"text":"share the design doc","done":true,"owner":"E0107","due":"2026-07-18"},{"text":"book the course","done":false}]}"#,
        #"{"date":"2026-07-28T09:00:00Z","manager":"E0042","report":"E0107","status":"cancelled","notes":"Cancelled: travel"}"#,
        #"{"date":"2026-08-11","manager":"E0042","report":"E0107","notes":["Feedback on the demo","Roadmap change"],"action_items":["- [x] book the course"]}"#,
        #"{"date":"2026-07-14","manager":"caf\u00e9","report":"R\u00E9","notes":"burn\u006fut and pto \ud83d\ude00"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","notes":"a\nb\tc\"d\\e\/f\bg\fh\ri"}"#,
        #"{"date":"2026\u002d07\u002d14","manager":"\u0020M\u0009","report":"R"}"#,
        #"  {  "date" : "2026-07-14" , "manager" : "M" , "report" : "R" }  "#,
        "{\"date\":\"2026-07-14\",\t\"manager\":\"M\",\r\"report\":\"R\"}",
        #"{"DATE":"2026-07-14","Manager":"M","rEpOrT":"R","STATUS":"No-Show"}"#,
        #"{"date":"2026-07-14","manager":42,"report":123456789012345,"status":"done"}"#,
        #"{"date":"2026-07-14","manager":1234567890123456,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":0,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":1.0,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":2.5,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":1e2,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":-0,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":true,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":null,"report":"R"}"#,
        #"{"date":"2026-07-14","manager":["M"],"report":"R"}"#,
        #"{"date":"2026-07-14","manager":{"id":"M"},"report":"R"}"#,
        #"{"date":"2026-07-14","manager":"  ","report":"R"}"#,
        #"{"date":"2026-07-14","manager":"M"}"#,
        #"{"date":20260714,"manager":"M","report":"R"}"#,
        #"{"date":"21/07/2026","manager":"M","report":"R"}"#,
        #"{"date":"2026-02-30","manager":"M","report":"R"}"#,
        #"{"manager":"M","report":"R"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","status":"postponed"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","status":""}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","status":2}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","status":true}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","notes":42,"agenda":["deadline",{"x":"promotion"},["praise"],null]}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","action_items":[{"text":"a","done":1},{"text":"b","done":0},{"text":"c","done":2},{"text":"d","done":"x"},{"text":"e","done":" Completed "},{"text":"f","done":"no"},{"text":"g","done":null},{"text":"h"}]}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","action_items":[{"text":"a","done":0.5},{"text":"b","done":-1},{"text":"c","done":1e0},{"text":"d","done":[true]}]}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","action_items":[{"TEXT":42,"Done":true},{"text":1},{"text":0},{"text":"","done":true},{"text":"  ","done":true}]}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","action_items":["[ ] open","☑ sent","- [X] upper","1. [x] numbered","plain words","",7,null,[["nested"]],{"text":{"deep":"x"}}]}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","action_items":{"text":"not a list"}}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","action_items":"- [x] a string"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","action_items":[{"text":"a","Text":"b"}]}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":{"y":{"z":[1,2,{"w":null}]}}}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":"\u0000"}"#,
        #"{"date":"2026-07-14","manager":"M\u0000","report":"R"}"#,
        #"{"date":"2026-07-14","manager":"\uFEFFM","report":"R"}"#,
        "{\"date\":\"2026-07-14\",\"manager\":\"\u{FEFF}M\",\"report\":\"R\"}",
        "{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\",\"notes\":\"\u{7F} del\"}",
        "{\"date\":\"2026-07-14\",\"manager\":\"e\u{301}\",\"report\":\"\u{E9}\"}",
        "{\"dat\u{E9}\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\"}",
        "{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\",\"\u{E9}\":1,\"e\u{301}\":2}",
        #"{"date":"2026-07-14","manager":"M","report":"R","date":"2026-07-15"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","Date":"2026-07-15"}"#,
        "{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\",\"x\":" + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}",
        "{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\",\"x\":" + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "}",
        #"{"date":"2026-07-14","manager":"M","report":"R","x":12345678901234567890123456789012345}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":1e308}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":1e309}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":1E-400}"#,
        #"{}"#,
        #"[]"#,
        #"[{"date":"2026-07-14","manager":"M","report":"R"}]"#,
        #""just a string""#,
        "42",
        "null",
        "not json at all",
        #"{"date":"2026-07-21","manager":"M","report": this line is not JSON"#,
        #"{"date":"2026-07-14","manager":"M","report":"R"} trailing"#,
        #"{"date":"2026-07-14","manager":"M","report":"R"}}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R",}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":[1,2,]}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":01}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":1.}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":.5}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":+1}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":tru}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":NaN}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":"\x"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":"\u12"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":"\ud83d"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":"\ude00"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R","x":"\ud83d\u0041"}"#,
        "{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\",\"x\":\"raw\ttab\"}",
        #"{"date":"2026-07-14","manager":"M","report":"R","x":"unterminated}"#,
        #"{'date':'2026-07-14','manager':'M','report':'R'}"#,
        #"{date:"2026-07-14",manager:"M",report:"R"}"#,
        #"{"date":"2026-07-14" "manager":"M","report":"R"}"#,
        #"{"date":"2026-07-14","manager":"M","report":"R""#,
        "\u{FEFF}{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\"}",
        "{\"date\":\"2026-07-14\",\"manager\":\"M\",\"report\":\"R\"}\u{0B}",
    ]

    @Test("hand-written lines: the fast path agrees with Foundation, and reads the common ones itself")
    func handLinesAgree() {
        let fastCount = Self.handLines.filter { Self.check(Array($0.utf8)) }.count
        // The first ten are ordinary lines: all read without Foundation.
        #expect(Self.handLines.prefix(10).allSatisfy { Self.fast(Array($0.utf8)) != nil })
        #expect(fastCount >= Self.handLines.count / 3)
    }

    @Test("4,000 random lines: the fast path agrees with Foundation wherever it reads a line")
    func randomLinesAgree() {
        var generator = RandomJSONLines(seed: 0x5EED_1E55)
        var fastCount = 0, meetings = 0
        let count = 4_000
        for _ in 0..<count {
            let bytes = generator.line()
            if Self.check(bytes) { fastCount += 1 }
            if case .meeting = Self.reference(bytes) { meetings += 1 }
        }
        // Not a test that passes by leaving everything to Foundation: many lines are read fast
        // (the generator makes a good share of odd ones, left to Foundation), and many give meetings.
        #expect(fastCount > count * 2 / 5)
        #expect(meetings > count / 10)
    }

    @Test("a whole file reads the same with and without the fast path: meetings, lines, problems, the count of bad lines")
    func wholeFile() throws {
        var generator = RandomJSONLines(seed: 42)
        var lines = (0..<300).map { _ in generator.line() }
        lines += Array(repeating: Array("not json".utf8), count: 25) + [[], Array(" \t".utf8)] + Self.handLines.map { Array($0.utf8) }
        lines.removeAll(where: Self.isOrderDependent)
        let folder = try NotesFolder(bytes: ["x.jsonl": Array(lines.joined(separator: [0x0A]))])
        let path = folder.url.appendingPathComponent("x.jsonl").path
        var reader = Self.reader
        let fast = try reader.read(path: path)
        reader.usesFastPath = false
        let foundation = try reader.read(path: path)
        #expect(fast.meetings.count == foundation.meetings.count)
        #expect(fast.meetings.map(\.pair) == foundation.meetings.map(\.pair))
        #expect(fast.meetings.map { Outcome(.success($0)) } == foundation.meetings.map { Outcome(.success($0)) })
        #expect(fast.meetings.map(\.meeting.line) == foundation.meetings.map(\.meeting.line))
        #expect(fast.problems.map(\.message) == foundation.problems.map(\.message))
        #expect(fast.problems.map(\.line) == foundation.problems.map(\.line))
        #expect(fast.bytesRead == foundation.bytesRead)
        #expect(fast.meetings.count > 50)
        #expect(fast.problems.count > 20)
    }
}

/// Random JSON lines from a seeded generator: mostly meetings with a mix of field names in any
/// letter case, values of every type, strings written with and without escapes, random
/// whitespace; some lines then damaged (a byte dropped or added, cut short, garbage after).
struct RandomJSONLines {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    private mutating func next() -> UInt64 { random.next() }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    private mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    static let texts = [
        "E0042", " E0107 ", "M", "R", "", " ", "2026-07-14", "2026-07-28T09:00:00Z", "21/07/2026", "2026-02-30",
        "held", "cancelled", "no-show", "postponed", "Held", " held ", "yes", "Done", " x ", "no", "1", "0",
        "Talked about promotion timing", "Feedback on the demo", "roadmap change and deadline", "burnout, pto",
        "- [x] book the course", "[ ] share the doc", "☑ sent", "café é", "e\u{301}", "😀 emoji", "\u{FEFF}bom",
        "tab\there", "new\nline", "quote \" and \\ backslash", "nul \u{0} char", "\u{7F}", "slash / here", "中文",
        "\u{1}", "@E0107 plan (due 2026-07-20)", "\t", "İstanbul", "ǅ",
    ]
    static let numbers = [
        "0", "1", "2", "42", "107", "-1", "-0", "1.5", "0.0", "1e2", "1E2", "2.5e-3", "123456789012345",
        "1234567890123456", "12345678901234567890123", "1e400", "1e99", "-12", "0.5", "100", "1.0", "10",
    ]
    static let keys = ["date", "manager", "report", "status", "notes", "agenda", "action_items", "duration_minutes", "owner", "x"]
    static let itemKeys = ["text", "done", "owner", "due"]

    /// One line's bytes.
    mutating func line() -> [UInt8] {
        let value: JSONLineValue
        if chance(4) {
            value = anyValue(depth: 0)
        } else {
            value = .object(members(Self.keys, depth: 0))
        }
        var bytes = Array(write(value).utf8)
        if chance(15) { damage(&bytes) }
        return bytes
    }

    /// Some of `names`, each in some letter case, sometimes twice.
    private mutating func members(_ names: [String], depth: Int) -> [JSONLineValue.Member] {
        var members: [JSONLineValue.Member] = []
        for name in names where chance(name == "date" || name == "manager" || name == "report" ? 90 : 55) {
            members.append(JSONLineValue.Member(key: keyCase(name), value: fieldValue(name, depth: depth)))
            if chance(2) { members.append(JSONLineValue.Member(key: keyCase(name), value: fieldValue(name, depth: depth))) }
        }
        if chance(5) { members.append(JSONLineValue.Member(key: pick(Self.texts), value: anyValue(depth: depth + 1))) }
        for _ in 0..<below(3) where members.count > 1 {
            members.swapAt(below(members.count), below(members.count))
        }
        return members
    }

    private mutating func keyCase(_ name: String) -> String {
        switch below(10) {
        case 0: return name.uppercased()
        case 1: return name.prefix(1).uppercased() + name.dropFirst()
        default: return name
        }
    }

    private mutating func fieldValue(_ name: String, depth: Int) -> JSONLineValue {
        guard chance(75) else { return anyValue(depth: depth + 1) }
        switch name {
        case "date": return .string(pick(["2026-07-14", "2026-08-01", "2026-07-28T09:00:00Z", " 2026-07-14 ", "21/07/2026", "2026-02-30"]))
        case "manager", "report", "owner", "text":
            return chance(80) ? .string(pick(Self.texts)) : .number(pick(Self.numbers))
        case "status": return .string(pick(["held", "cancelled", "no-show", "No Show", "postponed", "", " done "]))
        case "notes", "agenda":
            return chance(60) ? .string(pick(Self.texts)) : .array((0..<below(4)).map { _ in chance(80) ? .string(pick(Self.texts)) : anyValue(depth: depth + 1) })
        case "done":
            switch below(3) {
            case 0: return .bool(chance(50))
            case 1: return .number(pick(Self.numbers))
            default: return .string(pick(Self.texts))
            }
        case "action_items":
            return .array((0..<below(5)).map { _ in
                switch below(10) {
                case 0..<6: return .object(members(Self.itemKeys, depth: depth + 1))
                case 6..<9: return .string(pick(Self.texts))
                default: return anyValue(depth: depth + 1)
                }
            })
        default: return anyValue(depth: depth + 1)
        }
    }

    private mutating func anyValue(depth: Int) -> JSONLineValue {
        switch below(depth > 3 ? 5 : 7) {
        case 0: return .string(pick(Self.texts))
        case 1: return .number(pick(Self.numbers))
        case 2: return .bool(chance(50))
        case 3: return .null
        case 4: return chance(3) ? nested(depth: 60 + below(10)) : .string(pick(Self.texts))
        case 5: return .array((0..<below(4)).map { _ in anyValue(depth: depth + 1) })
        default: return .object(members(Self.itemKeys, depth: depth + 1))
        }
    }

    /// Arrays nested around the 64-level cap.
    private func nested(depth: Int) -> JSONLineValue {
        (0..<depth).reduce(JSONLineValue.array([])) { inner, _ in .array([inner]) }
    }

    private mutating func space() -> String { pick(["", "", "", "", " ", "\t", "  ", "\r", " \t "]) }

    /// The JSON text of `value`, repeated keys kept.
    private mutating func write(_ value: JSONLineValue) -> String {
        switch value {
        case .object(let members):
            var parts: [String] = []
            for member in members { parts.append(space() + quoted(member.key) + space() + ":" + space() + write(member.value) + space()) }
            return "{" + space() + parts.joined(separator: ",") + "}"
        case .array(let elements):
            var parts: [String] = []
            for element in elements { parts.append(space() + write(element) + space()) }
            return "[" + space() + parts.joined(separator: ",") + "]"
        case .string(let text): return quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// A JSON string, each character written raw or escaped by chance.
    private mutating func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "/": result += chance(50) ? "\\/" : "/"
            case "\n": result += chance(50) ? "\\n" : "\\u000a"
            case "\t": result += chance(50) ? "\\t" : "\\u0009"
            case _ where scalar.value < 0x20: result += escaped(UInt16(scalar.value))
            case _ where scalar.value >= 0x80 && chance(40):
                if scalar.value > 0xFFFF {
                    let offset = scalar.value - 0x10000
                    result += escaped(UInt16(0xD800 + (offset >> 10))) + escaped(UInt16(0xDC00 + (offset & 0x3FF)))
                } else {
                    result += escaped(UInt16(scalar.value))
                }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private mutating func escaped(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16)
        let padded = String(repeating: "0", count: 4 - hex.count) + hex
        return "\\u" + (chance(50) ? padded.uppercased() : padded)
    }

    /// A byte dropped or added, the line cut short, or something after it.
    private mutating func damage(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        switch below(5) {
        case 0: bytes.remove(at: below(bytes.count))
        case 1: bytes.insert(pick(Array(",}]\"\\ 1{:x[-.".utf8)), at: below(bytes.count + 1))
        case 2: bytes.removeLast(1 + below(bytes.count))
        case 3: bytes += Array(pick([" x", "}", ",", "]", " {}", "\u{FEFF}", " 1"]).utf8)
        default:
            if let comma = bytes.lastIndex(of: UInt8(ascii: "}")) { bytes.insert(UInt8(ascii: ","), at: comma) }
        }
    }
}
