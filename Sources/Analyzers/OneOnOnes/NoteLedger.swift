import OrgHealthKit

/// A manager and one person they met, by employee id.
struct PairKey: Hashable, Comparable, Sendable {
    let manager: String
    let report: String

    static func < (lhs: PairKey, rhs: PairKey) -> Bool { (lhs.manager, lhs.report) < (rhs.manager, rhs.report) }
}

/// Everything kept about one pair's meetings in the period: the status of each meeting day,
/// the topics their held meetings touched and their action items (by identity). No note text.
struct PairLog: Sendable {
    /// Status per meeting day (day number); the strongest status wins for a day recorded twice.
    private(set) var statusByDay: [Int: MeetingStatus] = [:]
    /// Topics touched by at least one held meeting.
    private(set) var topics = TopicSet()
    /// Action items of held meetings: done if any appearance was checked.
    private(set) var actionItems: [UInt64: Bool] = [:]

    mutating func record(_ meeting: NoteMeeting) {
        let day = meeting.date.dayNumber
        statusByDay[day] = max(statusByDay[day] ?? meeting.status, meeting.status)
        guard meeting.status == .held else { return }
        topics.formUnion(meeting.topics)
        for item in meeting.actionItems { actionItems[item.identity] = (actionItems[item.identity] ?? false) || item.done }
    }

    mutating func merge(_ other: PairLog) {
        for (day, status) in other.statusByDay { statusByDay[day] = max(statusByDay[day] ?? status, status) }
        topics.formUnion(other.topics)
        for (identity, done) in other.actionItems { actionItems[identity] = (actionItems[identity] ?? false) || done }
    }

    /// The days with a held meeting, in order.
    var heldDays: [Int] { statusByDay.filter { $0.value == .held }.map(\.key).sorted() }
    /// Days recorded with any status.
    var recordedCount: Int { statusByDay.count }
}

/// A diagnostic waiting to be sorted into the result (by path, then line).
struct PendingDiagnostic: Sendable {
    let path: String
    let diagnostic: Diagnostic
}

/// What reading the notes produced: per-pair logs and counts. Ledgers of parts of the folder
/// merge into the same ledger whatever the order.
struct NoteLedger: Sendable {
    var pairs: [PairKey: PairLog] = [:]
    var filesRead = 0
    var filesSkipped = 0
    var bytesRead = 0
    /// Meeting records dated inside the period (before merging records of one day).
    var meetingsInPeriod = 0
    /// Meeting records dated outside the period, ignored.
    var meetingsOutsidePeriod = 0
    /// Meetings skipped because a person was not in the roster, or for a bad line.
    var meetingsSkipped = 0
    var diagnostics: [PendingDiagnostic] = []

    mutating func merge(_ other: NoteLedger) {
        for (key, log) in other.pairs {
            if pairs[key] == nil { pairs[key] = log } else { pairs[key]?.merge(log) }
        }
        filesRead += other.filesRead
        filesSkipped += other.filesSkipped
        bytesRead += other.bytesRead
        meetingsInPeriod += other.meetingsInPeriod
        meetingsOutsidePeriod += other.meetingsOutsidePeriod
        meetingsSkipped += other.meetingsSkipped
        diagnostics += other.diagnostics
    }
}
