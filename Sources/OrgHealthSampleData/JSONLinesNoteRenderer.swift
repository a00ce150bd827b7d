/// Renders meetings as JSON Lines, the export shape of 1:1 tools: one meeting per line.
enum JSONLinesNoteRenderer {
    static func line(_ meeting: SampleMeeting, manager: String, report: String) -> String {
        var text = "{\"date\":\"\(meeting.date)\",\"manager\":\(NoteEscaping.json(manager))"
        text += ",\"report\":\(NoteEscaping.json(report)),\"status\":\"\(meeting.status.rawValue)\""
        text += ",\"duration_minutes\":\(meeting.durationMinutes)"
        text += ",\"notes\":" + NoteEscaping.json(meeting.notes.joined(separator: "\n"))
        text += ",\"action_items\":["
        for (position, item) in meeting.actionItems.enumerated() {
            if position > 0 { text += "," }
            text += "{\"text\":\(NoteEscaping.json(item.text)),\"done\":\(item.done),\"owner\":\(NoteEscaping.json(item.owner))"
            if let due = item.due { text += ",\"due\":\"\(due)\"" }
            text += "}"
        }
        return text + "]}\n"
    }
}
