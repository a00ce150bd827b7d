/// Writes the `one-on-ones/` folder: every manager–report pair's notes in one of the four
/// forms (mixed across pairs), skip-level meetings, and the planted malformed files.
struct OneOnOneNotesGenerator {
    let chart: SampleOrgChart

    static let folder = "one-on-ones"

    /// What was written.
    struct Summary: Sendable {
        var files = 0
        var meetings = 0
        var malformedFiles: [String] = []
        var nonUTF8Files: [String] = []

        mutating func add(_ other: Summary) {
            files += other.files
            meetings += other.meetings
            malformedFiles += other.malformedFiles
            nonUTF8Files += other.nonUTF8Files
        }
    }

    /// The pair whose notes come only from the planted legacy export (see `MalformedNotesGenerator`).
    var legacyPair: (manager: Int, report: Int)? {
        let manager = chart.cast.wideSpanManager
        guard let report = chart.directReports[manager].first else { return nil }
        return (manager, report)
    }

    func write(with writer: SampleFileWriter) throws -> Summary {
        let managers = chart.managers
        let results = try ParallelWork.map(count: managers.count) { position in
            try writeNotes(ofManager: managers[position], with: writer)
        }
        var summary = Summary()
        for result in results { summary.add(result) }
        summary.add(try MalformedNotesGenerator(chart: chart, legacyPair: legacyPair).write(with: writer))
        summary.malformedFiles.sort()
        return summary
    }

    /// All notes a manager keeps: one file per meeting, running docs, HTML exports, a JSON Lines export.
    func writeNotes(ofManager manager: Int, with writer: SampleFileWriter) throws -> Summary {
        let people = chart.people
        let managerPerson = people[manager]
        let planner = MeetingPlanner(chart: chart, profile: ManagerProfile.make(manager: manager, chart: chart))
        var random = SampleRandom(seed: chart.seed, stream: "note-forms", index: manager)
        let managerFolder = "\(Self.folder)/by-manager/\(SampleNames.slug(managerPerson.name))-\(managerPerson.id)"
        var summary = Summary()
        var jsonLines: [(date: JSONLineOrder, line: String)] = []
        let legacy = legacyPair

        for report in chart.directReports[manager] {
            let form = NoteForm.draw(&random)
            let managerReference = PersonReferenceStyle.draw(&random).reference(to: managerPerson)
            let reportPerson = people[report]
            let reportReference = PersonReferenceStyle.draw(&random).reference(to: reportPerson)
            let markdown = MarkdownNoteRenderer(checkboxes: CheckboxStyle.draw(&random))
            let newestFirst = random.chance(0.6)
            let variant = random.index(below: 8)
            if let legacy, legacy.manager == manager, legacy.report == report { continue }
            let meetings = planner.meetings(manager: manager, report: report)
            guard !meetings.isEmpty else { continue }
            summary.meetings += meetings.count
            let title = "1:1 \(managerPerson.name) / \(reportPerson.name)"

            switch form {
            case .markdownPerMeeting:
                for meeting in meetings {
                    let path = "\(managerFolder)/\(meeting.date)-\(SampleNames.slug(reportPerson.name))-\(reportPerson.id).md"
                    try writer.write(path, text: markdown.meetingFile(
                        meeting, manager: managerReference, report: reportReference, title: title,
                        statusLine: variant % 2 == 0))
                    summary.files += 1
                }
            case .runningMarkdown:
                let path = "\(Self.folder)/shared-docs/\(managerPerson.name) - \(reportPerson.name) (\(reportPerson.id)).md"
                try writer.write(path, text: markdown.runningDocument(
                    meetings, manager: managerReference, report: reportReference, title: title,
                    newestFirst: newestFirst, parkingLot: variant == 0))
                summary.files += 1
            case .html:
                let renderer = HTMLNoteRenderer(docsStyle: variant % 2 == 0, checkboxInputs: variant % 4 < 2)
                let byMeta = variant < 4
                let path = byMeta
                    ? "\(Self.folder)/html-exports/1-1 \(managerPerson.name) and \(reportPerson.name) (\(reportPerson.id)).html"
                    : "\(Self.folder)/html-exports/\(managerReference)__\(reportReference).html"
                try writer.write(path, text: renderer.document(
                    meetings, title: title, metaManager: byMeta ? managerReference : nil,
                    metaReport: byMeta ? reportReference : nil, newestFirst: newestFirst))
                summary.files += 1
            case .jsonLines:
                for meeting in meetings {
                    jsonLines.append((JSONLineOrder(meeting.date.dayNumber, report),
                                      JSONLinesNoteRenderer.line(meeting, manager: managerReference, report: reportReference)))
                }
            }
        }

        // Skip-levels: the manager meets some of their reports' reports, once.
        for report in chart.directReports[manager] {
            for member in chart.directReports[report] {
                guard let meeting = planner.skipLevel(skipManager: manager, report: member) else { continue }
                let person = people[member]
                let path = "\(managerFolder)/\(meeting.date)-skip-level-\(SampleNames.slug(person.name))-\(person.id).md"
                try writer.write(path, text: MarkdownNoteRenderer(checkboxes: CheckboxStyle(open: "- [ ]", done: "- [x]"))
                    .meetingFile(meeting, manager: managerPerson.id, report: person.id,
                                 title: "Skip-level: \(managerPerson.name) / \(person.name)", statusLine: true))
                summary.files += 1
                summary.meetings += 1
            }
        }

        if !jsonLines.isEmpty {
            jsonLines.sort { $0.date < $1.date }
            let team = chart.teams[managerPerson.teamIndex]
            let name = managerPerson.role == .teamManager ? "team-" + SampleNames.slug(team.name) : "manager-" + managerPerson.id
            try writer.write("\(Self.folder)/exports/\(name).jsonl", text: jsonLines.map(\.line).joined())
            summary.files += 1
        }
        return summary
    }
}

/// The order of a manager's JSON Lines export: by meeting day, then by report.
struct JSONLineOrder: Comparable {
    var day: Int
    var report: Int

    init(_ day: Int, _ report: Int) {
        self.day = day
        self.report = report
    }

    static func < (lhs: JSONLineOrder, rhs: JSONLineOrder) -> Bool {
        (lhs.day, lhs.report) < (rhs.day, rhs.report)
    }
}
