import OrgHealthKit

/// What happened to a scheduled 1:1.
enum SampleMeetingStatus: String, Sendable {
    case held
    case cancelled
    case noShow = "no-show"
}

/// An action item as it appears in one meeting's notes.
struct SampleActionItem: Sendable {
    /// Employee id of the owner.
    var owner: String
    /// The item's words without owner or due date; identical in every meeting it is copied into.
    var text: String
    var due: CalendarDate?
    var done: Bool

    /// `@E0107 share the design doc (due 2026-07-18)`: the Markdown and HTML form.
    var line: String {
        "@\(owner) \(text)" + (due.map { " (due \($0))" } ?? "")
    }
}

/// One recorded 1:1 (held or not) between a manager and a report.
struct SampleMeeting: Sendable {
    var date: CalendarDate
    var status: SampleMeetingStatus
    var durationMinutes: Int
    var agenda: [String]
    var notes: [String]
    var actionItems: [SampleActionItem]
    var isSkipLevel = false
}
