/// Renders a pair's running document as an office-suite HTML export: date headings, list items
/// for notes, and action items as checkbox inputs or ☐/☑ glyphs.
struct HTMLNoteRenderer {
    /// Google-Docs-like markup (classes, spans, one long line per block) rather than plain HTML.
    var docsStyle: Bool
    /// `<input type="checkbox">` rather than ☐/☑ glyphs.
    var checkboxInputs: Bool

    /// The document; `metaManager`/`metaReport` are written as `<meta>` tags when given.
    func document(
        _ meetings: [SampleMeeting], title: String, metaManager: String?, metaReport: String?, newestFirst: Bool
    ) -> String {
        let title = NoteEscaping.html(title)
        var text = docsStyle
            ? "<html><head><meta content=\"text/html; charset=UTF-8\" http-equiv=\"content-type\">"
            : "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        let metaEnd = docsStyle ? "" : "\n"
        if let manager = metaManager { text += "<meta name=\"manager\" content=\"\(NoteEscaping.html(manager))\">" + metaEnd }
        if let report = metaReport { text += "<meta name=\"report\" content=\"\(NoteEscaping.html(report))\">" + metaEnd }
        if docsStyle {
            text += "<title>\(title)</title><style type=\"text/css\">ul.lst-kix_a-0{list-style-type:none}"
            text += ".c1{font-weight:700}.c2{padding:0;margin:0}.title{font-size:26pt}</style></head>"
            text += "<body class=\"c2 doc-content\"><p class=\"c1 title\"><span>\(title)</span></p>\n"
        } else {
            text += "<title>\(title)</title>\n</head>\n<body>\n<h1>\(title)</h1>\n"
        }
        for meeting in newestFirst ? meetings.reversed() : meetings {
            text += section(meeting)
        }
        text += docsStyle ? "</body></html>\n" : "</body>\n</html>\n"
        return text
    }

    private func section(_ meeting: SampleMeeting) -> String {
        var heading = meeting.date.description
        switch meeting.status {
        case .held: break
        case .cancelled: heading += " (cancelled)"
        case .noShow: heading += " (no-show)"
        }
        var text = docsStyle ? "<h2 class=\"c1\"><span>\(heading)</span></h2>" : "<h2>\(heading)</h2>\n"
        guard meeting.status == .held else {
            for line in meeting.notes { text += paragraph(line) }
            return text + (docsStyle ? "\n" : "")
        }
        text += label("Notes") + list(meeting.notes.map(NoteEscaping.html))
        if !meeting.actionItems.isEmpty {
            text += label("Action items") + list(meeting.actionItems.map(actionItem))
        }
        return text + (docsStyle ? "\n" : "")
    }

    private func actionItem(_ item: SampleActionItem) -> String {
        let words = NoteEscaping.html(item.line)
        if checkboxInputs {
            return (item.done ? "<input type=\"checkbox\" checked> " : "<input type=\"checkbox\"> ") + words
        }
        return (item.done ? "☑ " : "☐ ") + words
    }

    private func label(_ text: String) -> String {
        docsStyle ? "<p class=\"c2\"><span class=\"c1\">\(text)</span></p>" : "<h3>\(text)</h3>\n"
    }

    private func paragraph(_ text: String) -> String {
        docsStyle ? "<p class=\"c2\"><span>\(NoteEscaping.html(text))</span></p>" : "<p>\(NoteEscaping.html(text))</p>\n"
    }

    private func list(_ items: [String]) -> String {
        if docsStyle {
            return "<ul class=\"c2 lst-kix_a-0 start\">"
                + items.map { "<li class=\"c2 li-bullet-0\"><span>\($0)</span></li>" }.joined() + "</ul>"
        }
        return "<ul>\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
    }
}
