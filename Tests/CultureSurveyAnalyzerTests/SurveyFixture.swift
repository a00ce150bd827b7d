import Foundation
import OrgHealthKit
@testable import CultureSurveyAnalyzer

/// A small literal survey for 2026-Q3: four teams in two departments, six items (trust ×3 with
/// one reverse-coded, well-being ×1, engagement ×2 as the outcome), eNPS and a comment column.
enum SurveyFixture {
    /// One response: team, answers T1 T2 T3 W1 E1 E2 (raw, before reverse coding; nil = blank),
    /// eNPS and comment.
    struct Row {
        var team: String
        var answers: [Int?]
        var enps: Int?
        var comment: String
    }

    static let columns = ["T1", "T2", "T3", "W1", "E1", "E2"]
    static let questions = ["I can speak up without fear.", "People are blamed for mistakes.", "We keep our commitments.",
                            "My workload is manageable.", "I am proud to work here.", "I would recommend working here."]
    static let itemIDs = ["trust1", "trust2", "trust3", "wb1", "eng1", "eng2"]
    static let labels = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]

    static let rows: [Row] = [
        // Platform: 12 responses; trust2 blank in row 8, eNPS blank in row 12.
        Row(team: "Platform", answers: [5, 1, 4, 4, 5, 5], enps: 10, comment: "Great team, but the workload is heavy"),
        Row(team: "Platform", answers: [4, 2, 4, 3, 4, 4], enps: 9, comment: ""),
        Row(team: "Platform", answers: [4, 1, 5, 4, 5, 4], enps: 8, comment: ""),
        Row(team: "Platform", answers: [3, 3, 3, 2, 3, 3], enps: 6, comment: "My manager keeps cancelling our 1:1s"),
        Row(team: "Platform", answers: [5, 2, 4, 5, 5, 5], enps: 10, comment: ""),
        Row(team: "Platform", answers: [2, 4, 2, 2, 2, 3], enps: 4, comment: "Too much overtime <b>really</b>"),
        Row(team: "Platform", answers: [4, 2, 4, 4, 4, 4], enps: 9, comment: ""),
        Row(team: "Platform", answers: [4, nil, 4, 3, 4, 5], enps: 7, comment: ""),
        Row(team: "Platform", answers: [5, 1, 5, 4, 5, 5], enps: 10, comment: ""),
        Row(team: "Platform", answers: [3, 3, 4, 3, 3, 4], enps: 7, comment: ""),
        Row(team: "Platform", answers: [4, 2, 3, 4, 4, 4], enps: 8, comment: ""),
        Row(team: "Platform", answers: [4, 1, 4, 5, 5, 4], enps: nil, comment: ""),
        // Web: 5 responses, clearly unhappy.
        Row(team: "Web", answers: [2, 4, 2, 1, 2, 2], enps: 3, comment: "<script>alert(1)</script> no career path"),
        Row(team: "Web", answers: [3, 4, 2, 2, 3, 2], enps: 5, comment: ""),
        Row(team: "Web", answers: [2, 5, 3, 2, 2, 3], enps: 6, comment: ""),
        Row(team: "Web", answers: [3, 3, 3, 2, 3, 3], enps: 7, comment: ""),
        Row(team: "Web", answers: [1, 5, 2, 1, 1, 2], enps: 2, comment: ""),
        // Data: 3 responses (under the minimum group size of 5).
        Row(team: "Data", answers: [4, 2, 4, 4, 4, 4], enps: 9, comment: ""),
        Row(team: "Data", answers: [5, 1, 5, 5, 5, 5], enps: 10, comment: ""),
        Row(team: "Data", answers: [4, 2, 4, 3, 4, 4], enps: 8, comment: ""),
        // Field (Sales): 6 responses; E2 blank in the last.
        Row(team: "Field", answers: [4, 2, 4, 3, 4, 4], enps: 8, comment: ""),
        Row(team: "Field", answers: [3, 3, 3, 3, 3, 3], enps: 7, comment: ""),
        Row(team: "Field", answers: [4, 2, 4, 4, 4, 4], enps: 9, comment: ""),
        Row(team: "Field", answers: [5, 1, 5, 5, 5, 5], enps: 10, comment: ""),
        Row(team: "Field", answers: [4, 2, 3, 2, 4, 3], enps: 6, comment: ""),
        Row(team: "Field", answers: [2, 4, 2, 2, 2, nil], enps: 4, comment: ""),
    ]

    /// Headcounts: Exec 1 (the CEO), Platform 15, Web 6, Data 4, Field 8 — 34 in all.
    static let rosterCSV: String = {
        var lines = ["employee_id,manager_id,team,department", "CEO,,Exec,Leadership"]
        for (team, department, size) in [("Platform", "Engineering", 15), ("Web", "Engineering", 6),
                                         ("Data", "Engineering", 4), ("Field", "Sales", 8)] {
            for index in 1...size { lines.append("\(team.prefix(1))\(index),CEO,\(team),\(department)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    static func definition(closed: String = "2026-09-10", columns: [String] = columns, extra: String = "") -> String {
        var text = """
            id: pulse-2026-q3
            title: "Pulse, Q3"
            closed: \(closed)
            scale: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}
            labels:
              "Strongly disagree": 1
              "Disagree": 2
              "Neutral": 3
              "Agree": 4
              "Strongly agree": 5
            groupColumn: team
            outcome: [eng1, eng2]
            enps: {column: enps}
            comments: [comment]
            items:

            """
        let dimensions = ["trust", "trust", "trust", "wellbeing", "engagement", "engagement"]
        for index in itemIDs.indices {
            text += "  - {id: \(itemIDs[index]), column: \(columns[index]), text: \"\(questions[index])\", "
                + "dimension: \(dimensions[index]), reverse: \(index == 1)}\n"
        }
        return text + extra
    }

    // MARK: - Export shapes

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func plainCSV(_ rows: [Row] = rows) -> String {
        var lines = ["team,T1,T2,T3,W1,E1,E2,enps,comment"]
        for row in rows {
            lines.append(([row.team] + row.answers.map { $0.map(String.init) ?? "" }
                          + [row.enps.map(String.init) ?? "", csvField(row.comment)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Qualtrics export with choice text, one survey preview and two unfinished rows.
    static func qualtricsCSV() -> String {
        let header = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId", "team"] + columns + ["enps", "comment"]
        let questionRow = ["Start Date", "End Date", "Response Type", "Progress", "Finished", "Response ID", "team"]
            + questions + ["How likely are you to recommend us? (0-10)", "Anything else?"]
        let importRow = header.map { "{\"ImportId\":\"\($0)\"}" }
        var lines = [header, questionRow, importRow].map { $0.map(csvField).joined(separator: ",") }
        func line(_ row: Row, status: String, finished: String, id: Int) -> String {
            (["2026-09-01 10:00:00", "2026-09-01 10:05:00", status, finished == "1" ? "100" : "40", finished, "R_\(id)", row.team]
             + row.answers.map { $0.map { labels[$0 - 1] } ?? "" } + [row.enps.map(String.init) ?? "", row.comment])
                .map(csvField).joined(separator: ",")
        }
        for (index, row) in rows.enumerated() {
            lines.append(line(row, status: "0", finished: "1", id: index))
            if index == 3 { lines.append(line(rows[12], status: "1", finished: "1", id: 100)) }  // a preview
            if index == 7 { lines.append(line(rows[0], status: "0", finished: "0", id: 101)) }  // unfinished
            if index == 9 { lines.append(line(rows[4], status: "0", finished: "FALSE", id: 102)) }  // unfinished
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A Google Forms export: Timestamp first, question text as headers.
    static func googleFormsCSV() -> String {
        let header = ["Timestamp", "team"] + questions + ["enps", "comment"]
        var lines = [header.map(csvField).joined(separator: ",")]
        for row in rows {
            lines.append((["2026/09/01 10:00:00 AM GMT+2", row.team] + row.answers.map { $0.map(String.init) ?? "" }
                          + [row.enps.map(String.init) ?? "", row.comment]).map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Running the analyzer

    /// Writes the files to a fresh folder, runs the analyzer on them and removes the folder.
    static func analyze(
        responses: String = plainCSV(), definition: String = definition(), period: String = "2026-Q3",
        privacy: PrivacyPolicy = PrivacyPolicy(), options: [String: ConfigValue] = [:], roster: String = rosterCSV
    ) async throws -> AnalyzerResult {
        let context = try context(responses: responses, definition: definition, period: period, privacy: privacy,
                                  options: options, roster: roster)
        defer { removeFiles(of: context) }
        return try await CultureSurveyAnalyzer().analyze(context)
    }

    /// Removes the folder ``context(responses:definition:period:privacy:options:roster:)`` wrote.
    static func removeFiles(of context: AnalysisContext) {
        if let folder = context.files(of: "culture-survey").first?.deletingLastPathComponent() {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Writes the files to a fresh folder (remove it with ``removeFiles(of:)``) and makes a context.
    static func context(
        responses: String = plainCSV(), definition: String = definition(), period: String = "2026-Q3",
        privacy: PrivacyPolicy = PrivacyPolicy(), options: [String: ConfigValue] = [:], roster: String = rosterCSV
    ) throws -> AnalysisContext {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let responsesURL = folder.appendingPathComponent("responses.csv")
        let definitionURL = folder.appendingPathComponent("survey.yml")
        try Data(responses.utf8).write(to: responsesURL)
        try Data(definition.utf8).write(to: definitionURL)
        return AnalysisContext(
            organization: "Fixture", period: try ReportingPeriod(parsing: period),
            roster: try RosterReader().read(csv: roster).roster,
            inputs: [SurveyInputs.responsesKind: [responsesURL], SurveyInputs.definitionKind: [definitionURL]],
            options: AnalyzerOptions(options), privacy: privacy)
    }
}

extension AnalyzerResult {
    func metric(_ id: String, _ scope: Scope = .org) -> Metric? {
        metrics.first { $0.id == id && $0.scope == scope }
    }

    func value(_ id: String, _ scope: Scope = .org) -> Double? { metric(id, scope)?.value }
}
