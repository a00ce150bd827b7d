import OrgHealthKit

/// The four forms 1:1 notes come in (FORMATS.md, "One-on-one notes").
enum NoteForm: Sendable {
    /// One Markdown file per meeting, with YAML front matter, in a folder per manager.
    case markdownPerMeeting
    /// One running Markdown document per pair, a `## YYYY-MM-DD` heading per meeting.
    case runningMarkdown
    /// An office-suite HTML export of a running document.
    case html
    /// A JSON Lines export from a 1:1 tool, one meeting per line.
    case jsonLines

    /// Roughly 40 / 30 / 15 / 15 per cent of pairs.
    static func draw(_ random: inout SampleRandom) -> NoteForm {
        [.markdownPerMeeting, .runningMarkdown, .html, .jsonLines][random.weightedIndex([40, 30, 15, 15])]
    }
}

/// How a note names a person: by employee id mostly, by e-mail sometimes (in any letter case).
enum PersonReferenceStyle: Sendable {
    case id, email, mixedCaseEmail

    static func draw(_ random: inout SampleRandom) -> PersonReferenceStyle {
        [.id, .email, .mixedCaseEmail][random.weightedIndex([80, 10, 10])]
    }

    func reference(to person: SamplePerson) -> String {
        switch self {
        case .id: return person.id
        case .email: return person.email
        case .mixedCaseEmail: return SampleNames.mixedCase(email: person.email)
        }
    }
}

/// The checkbox markers of a pair's Markdown action items (`- [ ]`/`- [x]`, `* [ ]`/`* [X]`, …).
struct CheckboxStyle: Sendable {
    var open: String
    var done: String

    static func draw(_ random: inout SampleRandom) -> CheckboxStyle {
        [
            CheckboxStyle(open: "- [ ]", done: "- [x]"),
            CheckboxStyle(open: "* [ ]", done: "* [X]"),
            CheckboxStyle(open: "- [ ]", done: "- [X]"),
        ][random.weightedIndex([60, 25, 15])]
    }

    func line(_ item: SampleActionItem) -> String {
        (item.done ? done : open) + " " + item.line
    }
}

/// Escaping for the HTML and JSON note forms.
enum NoteEscaping {
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A JSON string literal, quotes included.
    static func json(_ text: String) -> String { QuotedText.doubleQuoted(text) }
}
