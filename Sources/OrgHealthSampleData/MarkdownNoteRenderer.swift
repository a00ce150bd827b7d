/// Renders 1:1 notes as Markdown: one file per meeting with YAML front matter, or one running
/// document per pair with a `## YYYY-MM-DD` heading per meeting.
struct MarkdownNoteRenderer {
    var checkboxes: CheckboxStyle

    /// One meeting's file. `statusLine` false leaves `status` out of held meetings (it defaults to held).
    func meetingFile(_ meeting: SampleMeeting, manager: String, report: String, title: String, statusLine: Bool) -> String {
        var text = "---\n"
        text += "date: \(meeting.date)\n"
        text += "manager: \(manager)\n"
        text += "report: \(report)\n"
        if statusLine || meeting.status != .held { text += "status: \(meeting.status.rawValue)\n" }
        text += "duration_minutes: \(meeting.durationMinutes)\n"
        text += "---\n"
        text += "# \(title)\n\n"
        text += body(meeting, headingLevel: "##")
        return text
    }

    /// The running document of a pair; `newestFirst` puts the latest meeting at the top.
    func runningDocument(
        _ meetings: [SampleMeeting], manager: String, report: String, title: String, newestFirst: Bool, parkingLot: Bool
    ) -> String {
        var text = "---\nmanager: \(manager)\nreport: \(report)\n---\n"
        text += "# \(title)\n\n"
        text += newestFirst ? "Shared 1:1 doc. Newest entries at the top.\n\n" : "Shared 1:1 doc, one section per meeting.\n\n"
        if parkingLot {
            text += "## Parking lot\n- Ideas to pick up later\n\n"
        }
        for meeting in newestFirst ? meetings.reversed() : meetings {
            text += "## \(meeting.date)"
            switch meeting.status {
            case .held: text += "\n"
            case .cancelled: text += " (cancelled)\n"
            case .noShow: text += " (no-show)\n"
            }
            text += body(meeting, headingLevel: "###")
        }
        return text
    }

    private func body(_ meeting: SampleMeeting, headingLevel: String) -> String {
        guard meeting.status == .held else {
            return meeting.notes.joined(separator: "\n") + "\n\n"
        }
        var text = ""
        if !meeting.agenda.isEmpty {
            text += "\(headingLevel) Agenda\n"
            for item in meeting.agenda { text += "- \(item)\n" }
            text += "\n"
        }
        text += "\(headingLevel) Notes\n"
        for line in meeting.notes { text += "- \(line)\n" }
        text += "\n"
        if !meeting.actionItems.isEmpty {
            text += "\(headingLevel) Action items\n"
            for item in meeting.actionItems { text += checkboxes.line(item) + "\n" }
            text += "\n"
        }
        return text
    }
}
