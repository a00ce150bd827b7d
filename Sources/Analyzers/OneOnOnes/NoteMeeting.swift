import OrgHealthKit

/// What happened to a scheduled one-on-one.
///
/// When one pair has several records for one day (the same meeting in two exports), the
/// strongest status wins: held, then no-show, then cancelled.
enum MeetingStatus: Int, Comparable, Sendable {
    case cancelled = 0
    case noShow = 1
    case held = 2

    /// Parses `held`, `cancelled`/`canceled`, `no-show` (also `no show`, `noshow`, `no_show`);
    /// `completed` and `done` count as held. Case and spaces are ignored.
    init?(parsing text: some StringProtocol) {
        switch NormalizedWords(text).text {
        case "held", "completed", "done", "happened": self = .held
        case "cancelled", "canceled": self = .cancelled
        case "no show", "noshow": self = .noShow
        default: return nil
        }
    }

    static func < (lhs: MeetingStatus, rhs: MeetingStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One appearance of an action item in a meeting's notes: its identity (a fingerprint of
/// its normalized text, never the text itself) and whether it was checked.
struct ActionItemMark: Hashable, Sendable {
    let identity: UInt64
    let done: Bool
}

/// One recorded meeting as a reader found it: no note text, only what the metrics need.
struct NoteMeeting: Sendable {
    var date: CalendarDate
    var status: MeetingStatus
    var topics = TopicSet()
    var actionItems: [ActionItemMark] = []
    /// The line that dates the meeting (front matter, heading or JSON line).
    var line: Int
}

/// The manager and report a note names, by employee id or email, as written.
struct PairReference: Hashable, Sendable {
    var manager: String
    var report: String
    /// Where each is named (a front matter or JSON line), if known.
    var managerLine: Int?
    var reportLine: Int?
}

/// A problem with a file or one of its lines, to become a ``Diagnostic`` naming the file.
struct NoteProblem: Sendable {
    var severity: DiagnosticSeverity = .error
    var line: Int?
    var message: String
}

/// What a reader found in one file.
struct NoteFileContent: Sendable {
    var meetings: [(pair: PairReference, meeting: NoteMeeting)] = []
    var problems: [NoteProblem] = []
    /// Bytes read by a streaming reader.
    var bytesRead = 0

    mutating func problem(_ message: String, line: Int? = nil, severity: DiagnosticSeverity = .error) {
        problems.append(NoteProblem(severity: severity, line: line, message: message))
    }
}
