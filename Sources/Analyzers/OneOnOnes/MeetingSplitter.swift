import OrgHealthKit

/// Splits a running document (Markdown or HTML) into meetings at its dated headings.
///
/// The level of the first dated heading is the meeting level. A dated heading at that level
/// or above starts a meeting; an undated heading there (`## Parking lot`) ends the current
/// one; deeper headings (`### Action items`) stay inside it. A heading ending in
/// `(cancelled)` or `(no-show)` records that status. A heading that looks like a date but is
/// not an ISO date is reported, and its section skipped.
struct MeetingSplitter {
    let lexicon: TopicLexicon
    private(set) var meetings: [NoteMeeting] = []
    private(set) var problems: [NoteProblem] = []
    private var meetingLevel: Int?
    private var current: NoteMeeting?
    /// The normalized words of the current meeting's text, scanned for topics when it closes.
    private var words: [UInt8] = []

    init(lexicon: TopicLexicon) { self.lexicon = lexicon }

    /// Starts a single meeting that everything after belongs to (one file per meeting).
    mutating func begin(_ meeting: NoteMeeting) {
        finish()
        current = meeting
        meetingLevel = 0
    }

    /// Blanks and `#` around a heading's title, as a `trimming(mask:)` mask.
    private static let titleTrim: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x23

    /// A heading of `level` (1–6) with its UTF-8 text, on `line`.
    mutating func heading(level: Int, text: ArraySlice<UInt8>, line: Int) {
        let title = text.trimming(mask: Self.titleTrim)
        let opensMeeting = meetingLevel.map { level <= $0 } ?? true
        if let date = Self.isoDate(in: title) {
            if opensMeeting {
                finish()
                meetingLevel = meetingLevel ?? level
                current = NoteMeeting(date: date, status: Self.status(of: title), line: line)
                return
            }
        } else if Self.looksLikeDate(title), opensMeeting {
            finish()
            meetingLevel = meetingLevel ?? level
            problems.append(NoteProblem(
                line: line, message: "has a meeting heading whose date is not an ISO date (YYYY-MM-DD); that meeting was skipped"))
            return
        } else if let meetingLevel, meetingLevel > 0, level <= meetingLevel {
            finish()
            return
        }
        content(title)
    }

    /// A line or block of note text inside the current meeting (ignored outside meetings).
    mutating func content(_ text: ArraySlice<UInt8>) {
        guard current != nil else { return }
        NormalizedWords.appendWords(of: text, to: &words)
    }

    /// An action item of the current meeting (ignored outside meetings).
    mutating func actionItem(done: Bool, text: ArraySlice<UInt8>) {
        guard current != nil else { return }
        NormalizedWords.appendWords(of: text, to: &words)
        if let identity = ActionItemLine.identity(of: text) {
            current?.actionItems.append(ActionItemMark(identity: identity, done: done))
        }
    }

    /// Closes the current meeting.
    mutating func finish() {
        if var current {
            if !words.isEmpty { current.topics.formUnion(lexicon.topics(inNormalized: words)) }
            meetings.append(current)
        }
        current = nil
        words.removeAll(keepingCapacity: true)
    }

    /// The first `YYYY-MM-DD` in a heading that is a real day, if any.
    static func isoDate(in text: ArraySlice<UInt8>) -> CalendarDate? {
        guard text.count >= 10 else { return nil }
        // Read in place: no array or string per heading (a running document has hundreds).
        return text.withUnsafeBufferPointer { bytes -> CalendarDate? in
            func digit(_ index: Int) -> Bool { (0x30...0x39).contains(bytes[index]) }
            func number(_ start: Int, _ count: Int) -> Int {
                (start..<start + count).reduce(0) { $0 * 10 + Int(bytes[$1]) - 0x30 }
            }
            for start in 0...(bytes.count - 10) {
                guard start == 0 || !digit(start - 1), digit(start), digit(start + 1), digit(start + 2), digit(start + 3),
                      bytes[start + 4] == 0x2D, digit(start + 5), digit(start + 6), bytes[start + 7] == 0x2D,
                      digit(start + 8), digit(start + 9), start + 10 == bytes.count || !digit(start + 10)
                else { continue }
                return CalendarDate(year: number(start, 4), month: number(start + 5, 2), day: number(start + 8, 2))
            }
            return nil
        }
    }

    /// Whether a heading starts like a date in another form (`14/07/2026`, `2026-7-14`, `2026-13-40`).
    static func looksLikeDate(_ text: ArraySlice<UInt8>) -> Bool {
        var separators = 0
        var digits = 0
        for byte in text.prefix(12) {
            if (0x30...0x39).contains(byte) {
                digits += 1
            } else if digits > 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") {
                separators += 1
                digits = 0
            } else {
                break
            }
        }
        return separators >= 2 && digits > 0
    }

    /// `cancelled` or `no-show` when the heading ends in `(cancelled)`/`(no-show)`; held otherwise.
    static func status(of heading: ArraySlice<UInt8>) -> MeetingStatus {
        guard heading.last == UInt8(ascii: ")"), let open = heading.lastIndex(of: UInt8(ascii: "(")) else { return .held }
        let status = MeetingStatus(parsing: heading[(open + 1)..<(heading.endIndex - 1)].string)
        return status == .cancelled || status == .noShow ? status ?? .held : .held
    }
}
