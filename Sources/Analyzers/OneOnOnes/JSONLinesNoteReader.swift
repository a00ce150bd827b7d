import Foundation
import OrgHealthKit

/// Reads a JSON Lines export of a 1:1 tool, one meeting per line:
/// `{"date":"2026-07-14","manager":"E0042","report":"E0107","status":"held","notes":"…",
///   "action_items":[{"text":"…","done":true}]}`.
///
/// A line that is not a JSON object, lacks a field or has an unparseable date is reported by
/// its line number and skipped; the other lines are read. Field names follow the config's
/// `columns.one-on-ones` re-mapping.
struct JSONLinesNoteReader {
    let lexicon: TopicLexicon
    let fields: NoteFieldNames
    /// Whether lines are first read by ``JSONLineValue`` (off only in tests, to compare with
    /// Foundation's reading).
    var usesFastPath = true

    func read(path: String) throws(POSIXFiles.Failure) -> NoteFileContent {
        var content = NoteFileContent()
        // Bad lines of one kind past the collector's limit are counted, not kept.
        var badLines = DiagnosticCollector(source: nil) { count, listed, summary in
            "has \(count - listed) more lines skipped like the ones above (\(summary))"
        }
        var lines = try LineStream(path: path)
        while let (number, line) = try lines.next() {
            guard line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { continue }
            switch meeting(line) {
            case .success(let entry):
                var meeting = entry.meeting
                meeting.line = number
                var pair = entry.pair
                pair.managerLine = number
                pair.reportLine = number
                content.meetings.append((pair, meeting))
            case .failure(let problem):
                // "has a line that is not a JSON object; the line was skipped" → "a line that is not a JSON object"
                let reason = problem.message.split(separator: ";").first.map(String.init) ?? problem.message
                badLines.note(problem.message, severity: .error, line: number, message: problem.message,
                              summary: reason.hasPrefix("has ") ? String(reason.dropFirst(4)) : reason)
            }
        }
        content.bytesRead = lines.bytesRead
        for problem in badLines.diagnostics(byLine: true) {
            content.problem(problem.message, line: problem.line, severity: problem.severity)
        }
        return content
    }

    /// Why a line was skipped, as the file's problem says it.
    struct LineProblem: Error {
        let message: String
    }

    /// A line's meeting and the pair it names, or why the line was skipped.
    typealias LineOutcome = Result<(pair: PairReference, meeting: NoteMeeting), LineProblem>

    /// The meeting of one line. The bytes are checked to be UTF-8 text, then read by the
    /// byte-level parser; a line it is not sure of (see ``JSONLineValue``) is read by
    /// `JSONSerialization`, which an earlier version used for every line (issue 16: a notable
    /// share of reading the notes of 10,000 people). Both give the same outcome.
    func meeting(_ line: ArraySlice<UInt8>) -> LineOutcome {
        line.withUnsafeBytes { bytes in
            if NoteTextCheck.problem(in: bytes) != nil {
                return .failure(LineProblem(message: "has a line that is not UTF-8 text; the line was skipped"))
            }
            return (usesFastPath ? fastMeeting(bytes) : nil) ?? foundationMeeting(bytes)
        }
    }

    /// The meeting of a line of UTF-8 text read by ``JSONLineValue``; `nil` when the parser or
    /// a field's reading is not sure to match Foundation's.
    func fastMeeting(_ bytes: UnsafeRawBufferPointer) -> LineOutcome? {
        guard case .object(let members)? = JSONLineValue.parse(bytes) else { return nil }
        do {
            return try meeting(FastLineFields(members))
        } catch {
            return nil
        }
    }

    /// The meeting of a line of UTF-8 text read by `JSONSerialization`.
    func foundationMeeting(_ bytes: UnsafeRawBufferPointer) -> LineOutcome {
        // The parser's error text would quote the line (private notes): the message below says enough.
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)), let raw = parsed as? [String: Any] else {
            return .failure(LineProblem(message: "has a line that is not a JSON object; the line was skipped"))
        }
        return meeting(FoundationLineFields(lowercasing: raw))
    }

    /// The meeting a line's object describes, or why it describes none.
    private func meeting<Fields: JSONLineFields>(_ object: Fields) throws(Fields.Unsure) -> LineOutcome {
        guard let manager = try object.text(fields.manager), let report = try object.text(fields.report),
              !manager.isEmpty, !report.isEmpty else {
            return .failure(LineProblem(message: "has a line without '\(fields.manager)' and '\(fields.report)'; the line was skipped"))
        }
        guard let dateText = try object.text(fields.date), let date = CalendarDate(iso: dateText) else {
            return .failure(LineProblem(message: "has a line whose '\(fields.date)' is missing or not an ISO date (YYYY-MM-DD); the line was skipped"))
        }
        var status = MeetingStatus.held
        if let statusText = try object.text(fields.status), !statusText.isEmpty {
            guard let parsed = MeetingStatus(parsing: statusText) else {
                return .failure(LineProblem(message: "has a line whose status is not held, cancelled or no-show; the line was skipped"))
            }
            status = parsed
        }
        var meeting = NoteMeeting(date: date, status: status, line: 0)
        for key in [fields.notes, fields.agenda] {
            for text in object.texts(key) { meeting.topics.formUnion(lexicon.topics(in: text)) }
        }
        for item in try object.actionItems(fields.actionItems) {
            let text: String
            var done = false
            switch item {
            case .fields(let entry):
                text = try entry.text(fields.text) ?? ""
                done = try entry.flag(fields.done) ?? false
            case .plain(let plain):
                let bytes = Array(plain.utf8)[...]
                if let box = ActionItemLine.markdown(bytes) ?? ActionItemLine.checkbox(bytes) {
                    text = box.text.string
                    done = box.done
                } else {
                    text = plain
                }
            }
            meeting.topics.formUnion(lexicon.topics(in: text))
            if let identity = ActionItemLine.identity(of: text) {
                meeting.actionItems.append(ActionItemMark(identity: identity, done: done))
            }
        }
        return .success((PairReference(manager: manager, report: report), meeting))
    }
}

/// The lines of a file, read in large chunks so a big export is never held whole.
struct LineStream {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var lineNumber = 0
    /// Bytes read so far.
    private(set) var bytesRead = 0
    /// A line longer than this is cut into pieces (each then fails to parse and is reported).
    static let maxLineBytes = 16 << 20
    static let maxChunkBytes = 1 << 20

    /// How much one read asks for: the file's size (plus one, to see its end), at most 1 MiB.
    private let chunkBytes: Int

    init(path: String) throws(POSIXFiles.Failure) {
        // Only a regular file, opened without blocking (see RegularFile).
        let size: Int
        do { (descriptor, size) = try RegularFile.open(path) } catch { throw .refused(reason: error.reason) }
        chunkBytes = min(Self.maxChunkBytes, max(4_096, size + 1))
    }

    /// Closes the file (also done on reaching its end).
    mutating func close() {
        guard !atEnd else { return }
        atEnd = true
        LibC.close(descriptor)
    }

    /// The next line (without its line break) and its 1-based number; `nil` at the end.
    mutating func next() throws(POSIXFiles.Failure) -> (Int, ArraySlice<UInt8>)? {
        while true {
            if let newline = buffer.withUnsafeBytes({ bytes in
                LibC.firstOffset(of: 0x0A, in: UnsafeRawBufferPointer(rebasing: bytes[start...])).map { start + $0 }
            }) {
                lineNumber += 1
                var line = buffer[start..<newline]
                if lineNumber == 1 { line = ByteOrderMark.droppingUTF8(line) }
                if line.last == 0x0D { line = line.dropLast() }
                start = newline + 1
                return (lineNumber, line)
            }
            if atEnd || buffer.count - start >= Self.maxLineBytes {
                guard start < buffer.count else { return nil }
                lineNumber += 1
                let line = buffer[start...]
                start = buffer.count
                return (lineNumber, line)
            }
            buffer.removeSubrange(0..<start)
            start = 0
            var count = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkBytes) { bytes, initialized in
                count = LibC.read(descriptor, bytes.baseAddress, chunkBytes)
                initialized = max(count, 0)
            }
            buffer.append(contentsOf: chunk)
            bytesRead += chunk.count
            if count < 0 {
                close()
                throw .unreadable
            }
            if count == 0 { close() }
        }
    }
}
