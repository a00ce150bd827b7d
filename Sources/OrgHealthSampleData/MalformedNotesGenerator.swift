import OrgHealthKit

/// Plants the broken 1:1 files a real notes folder always has, each of which the report should
/// surface as a diagnostic without stopping: unterminated front matter, an unparseable date, an
/// unknown person, a JSON Lines export with a line that is not JSON, a Latin-1 file, and an HTML
/// file whose DOCTYPE declares an external entity (which must never be resolved).
///
/// All of them concern one pair (the legacy pair), whose valid meetings live only in the
/// legacy JSON Lines export, so the planted files never duplicate a real meeting.
struct MalformedNotesGenerator {
    let chart: SampleOrgChart
    let legacyPair: (manager: Int, report: Int)?

    static let brokenFrontMatter = "one-on-ones/imports/broken-front-matter.md"
    static let unparseableDate = "one-on-ones/imports/unparseable-date.md"
    static let unknownPerson = "one-on-ones/imports/unknown-person.md"
    static let legacyExport = "one-on-ones/exports/legacy-export.jsonl"
    static let latin1 = "one-on-ones/imports/legacy-latin1.md"
    static let externalEntity = "one-on-ones/html-exports/external-entity.html"

    func write(with writer: SampleFileWriter) throws -> OneOnOneNotesGenerator.Summary {
        guard let legacyPair else { return OneOnOneNotesGenerator.Summary() }
        let manager = chart.people[legacyPair.manager]
        let report = chart.people[legacyPair.report]
        let period = chart.period
        var random = SampleRandom(seed: chart.seed, stream: "malformed-notes")
        func marker() -> String { "(private: \(NoteLexicon.sentinel) \(random.int(in: 1_000...9_999)))" }
        var summary = OneOnOneNotesGenerator.Summary()

        // The pair's real meetings, as a 1:1 tool export with one corrupted line in the middle.
        let planner = MeetingPlanner(chart: chart, profile: ManagerProfile.make(manager: legacyPair.manager, chart: chart))
        let meetings = planner.meetings(manager: legacyPair.manager, report: legacyPair.report)
        var lines = meetings.map { JSONLinesNoteRenderer.line($0, manager: manager.id, report: report.id) }
        let corrupted = "{\"date\":\"\(period.start.adding(days: 20))\",\"manager\":\"\(manager.id)\",\"report\": this line is not JSON \(marker())\n"
        lines.insert(corrupted, at: lines.count / 2)
        try writer.write(Self.legacyExport, text: lines.joined())
        summary.meetings += meetings.count

        let day = period.start.adding(days: 16)
        try writer.write(Self.brokenFrontMatter, text: """
            ---
            date: \(day)
            manager: \(manager.id)
            report: \(report.id)
            status: held

            ## Notes
            - The closing front matter line is missing \(marker())

            """)
        try writer.write(Self.unparseableDate, text: """
            ---
            date: \(pad(day.day))/\(pad(day.month))/\(day.year)
            manager: \(manager.id)
            report: \(report.id)
            ---
            ## Notes
            - Date typed by hand in the wrong format \(marker())

            """)
        try writer.write(Self.unknownPerson, text: """
            ---
            date: \(day.adding(days: 1))
            manager: \(manager.id)
            report: \(chart.unusedID)
            ---
            ## Notes
            - Notes for someone who is not in the roster \(marker())

            """)

        let latin1Text = """
            ---
            date: \(day.adding(days: 2))
            manager: \(manager.id)
            report: \(report.id)
            ---
            ## Réunion
            - Résumé du café, déjà noté \(marker())

            """
        try writer.write(Self.latin1, bytes: latin1Text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })

        try writer.write(Self.externalEntity, text: """
            <!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <html><head><meta name="manager" content="\(manager.id)"><meta name="report" content="\(report.id)">
            <title>1:1 export</title></head>
            <body><h2>\(period.previous.start.adding(days: 9))</h2>
            <ul><li>&x;</li><li>Imported from an old tool \(marker())</li></ul>
            </body></html>

            """)

        summary.files = 6
        summary.malformedFiles = [
            Self.brokenFrontMatter, Self.unparseableDate, Self.unknownPerson, Self.legacyExport, Self.latin1,
            Self.externalEntity,
        ]
        summary.nonUTF8Files = [Self.latin1]
        return summary
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
