import Foundation
import OrgHealthKit

/// What `survey draft` finds in an export's columns: the question columns on the survey's
/// (dominant) scale, questions on other scales, the eNPS, comment and team columns, and the
/// last response date.
struct SurveyDraftColumns {
    /// One question column.
    struct Question {
        /// The name the definition gives as `column:`.
        var column: String
        /// The question text.
        var text: String
        /// Points of its scale: 2 (yes/no), 5, 7 or 11 (0–10).
        var points: Int
        var scaleName: String
        /// Labels seen, in the export's spelling, with their value.
        var labels: [(text: String, value: Int)]
        /// Non-answer options and codes seen ("Don't know", "-1").
        var missing: [String]
    }

    /// Questions on the survey's scale.
    private(set) var items: [Question] = []
    /// Questions on another scale: written commented out.
    private(set) var offScale: [Question] = []
    private(set) var enps: Question?
    private(set) var comments: [(column: String, text: String)] = []
    /// The proposed team column and why; `nil` proposes `groupColumn: none`.
    private(set) var group: (column: String, reason: String)?
    /// What was found about teams, when no team column could be proposed.
    private(set) var groupNote = "no column matches the roster's teams"
    private(set) var lastDate: CalendarDate?
    private(set) var points = 5

    /// Columns that describe the response, not a question (lowercased, every vendor).
    static let metadata: Set<String> = [
        "startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished", "recordeddate",
        "responseid", "responseset", "recipientlastname", "recipientfirstname", "recipientemail", "externalreference",
        "externaldatareference", "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage", "name",
        "emailaddress", "respondent id", "collector id", "start date", "end date", "ip address", "email address",
        "first name", "last name", "custom data 1", "id", "start time", "completion time", "email", "last modified time",
        "timestamp", "employee_id", "response id", "response type", "recorded date", "q_recaptchascore",
    ]
    /// Columns holding the response's date (the latest is proposed as `closed:`).
    static let dateColumns: Set<String> = [
        "enddate", "end date", "recordeddate", "recorded date", "completion time", "timestamp",
    ]

    init(recognition: SurveyExportRecognition, rows: [CSVRecord], roster: Roster?) {
        let names = recognition.names.fields
        let teams = roster.map { Set($0.people.map { $0.team.lowercased() }) } ?? []
        let departments = roster.map { Set($0.departments.map { $0.lowercased() }) } ?? []
        var questions: [Question] = []
        var categorical: [(column: String, values: [String: Int], nonBlank: Int)] = []
        for index in names.indices {
            let (column, text) = Self.naming(recognition, index)
            let key = names[index].surveyTrimmed.lowercased()
            let alternative = recognition.alternatives.first.map { index < $0.count ? $0.fields[index] : "" } ?? ""
            if Self.dateColumns.contains(key) || Self.dateColumns.contains(alternative.surveyTrimmed.lowercased()) {
                for row in rows where index < row.count {
                    let value = row.trimmed(index).replacingOccurrences(of: "/", with: "-")
                    if let date = CalendarDate(iso: value.prefix(10)), date > (lastDate ?? date.adding(days: -1)) { lastDate = date }
                }
            }
            guard !Self.metadata.contains(key), !Self.metadata.contains(alternative.surveyTrimmed.lowercased()) else { continue }
            var values: [String: Int] = [:]
            var spelling: [String: String] = [:]
            var nonBlank = 0
            var length = 0
            for row in rows where index < row.count {
                let value = row.trimmed(index)
                guard !value.isEmpty else { continue }
                nonBlank += 1
                length += value.count
                let lowered = value.lowercased()
                values[lowered, default: 0] += 1
                if spelling[lowered] == nil { spelling[lowered] = value }
            }
            guard nonBlank > 0 else { continue }
            if var question = Self.scaleQuestion(values: values, spelling: spelling) {
                question.column = column
                question.text = text
                questions.append(question)
            } else if nonBlank >= 3, Double(values.count) / Double(nonBlank) > 0.5 || length / nonBlank >= 25 {
                comments.append((column, text))
            } else {
                categorical.append((column, values, nonBlank))
            }
        }
        // The survey's scale: the one most questions use (0–10 recommend questions are the eNPS).
        for question in questions where question.points == 11 && enps == nil
            && (question.text.lowercased().contains("recommend") || ["enps", "nps"].contains(question.column.lowercased())) {
            enps = question
        }
        let scored = questions.filter { $0.column != enps?.column }
        var byPoints: [Int: Int] = [:]
        for question in scored { byPoints[question.points, default: 0] += 1 }
        points = byPoints.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? 5
        items = scored.filter { $0.points == points }
        offScale = scored.filter { $0.points != points }

        if roster != nil {
            var best: (column: String, share: Double)?
            var bestDepartment: (column: String, share: Double)?
            for candidate in categorical {
                let matched = candidate.values.filter { teams.contains($0.key) }.reduce(0) { $0 + $1.value }
                let share = Double(matched) / Double(candidate.nonBlank)
                if share > (best?.share ?? 0) { best = (candidate.column, share) }
                let inDepartments = candidate.values.filter { departments.contains($0.key) }.reduce(0) { $0 + $1.value }
                let departmentShare = Double(inDepartments) / Double(candidate.nonBlank)
                if departmentShare > (bestDepartment?.share ?? 0) { bestDepartment = (candidate.column, departmentShare) }
            }
            if let best, best.share >= 0.5 {
                group = (best.column, "\(Int((best.share * 100).rounded()))% of its answers are team names in the roster")
            } else if let bestDepartment, bestDepartment.share >= 0.5 {
                groupNote = "'\(bestDepartment.column)' holds the roster's departments, but responses are grouped by team"
            }
        } else if let team = categorical.first(where: { $0.column.lowercased() == "team" }) {
            group = (team.column, "named team (give --roster to check it against the roster)")
        } else {
            groupNote = "no column is named team (give --roster to find the team column by its values)"
        }
    }

    /// The definition's `column:` and the question text for column `index`.
    private static func naming(_ recognition: SurveyExportRecognition, _ index: Int) -> (column: String, text: String) {
        let names = recognition.names.fields
        let alternative = recognition.alternatives.first.flatMap { index < $0.count ? $0.fields[index] : nil }
        switch recognition.shape {
        case .qualtrics:
            return (names[index], alternative.flatMap { $0.surveyTrimmed.isEmpty ? nil : $0 } ?? names[index])
        case .qualtricsLegacy:
            // Row 1 holds the short id (Q1), row 2 the question text.
            return (alternative ?? names[index], names[index])
        case .surveyMonkey:
            // A matrix sub-question unique in the file is its own name; else "Question - Sub-question".
            if let sub = alternative?.surveyTrimmed, !sub.isEmpty { return (sub, names[index]) }
            return (names[index], names[index])
        default:
            return (names[index], names[index])
        }
    }

    /// The column as a scale question, when its answers are all on one scale (non-answers aside).
    private static func scaleQuestion(values: [String: Int], spelling: [String: String]) -> Question? {
        var missing: [String] = []
        var rest: [String] = []
        for value in values.keys.sorted() {
            if SurveyAnswerScales.nonAnswers.contains(value) { missing.append(spelling[value] ?? value) } else { rest.append(value) }
        }
        guard !rest.isEmpty else { return nil }
        let numbers = rest.compactMap { Int($0) }
        if numbers.count == rest.count {
            // Codes off every scale (−1 "no basis for evaluation", 99 "don't know") are non-answers.
            let codes = numbers.filter { $0 < 0 || $0 > 10 }
            let main = numbers.filter { (0...10).contains($0) }
            guard Set(main).count >= 2, let low = main.min(), let high = main.max() else { return nil }
            missing += codes.sorted().map(String.init)
            let points: Int
            if low >= 1, high <= 5 { points = 5 } else if low >= 1, high <= 7 { points = 7 } else { points = 11 }
            let name = points == 11 ? "0–10" : "1–\(points) numbers"
            return Question(column: "", text: "", points: points, scaleName: name, labels: [], missing: missing)
        }
        let hasSevenPointWords = rest.contains { $0.hasPrefix("somewhat") || $0.hasPrefix("slightly") }
        for scale in SurveyAnswerScales.labelled where scale.points.count != 7 || hasSevenPointWords {
            var labels: [(text: String, value: Int)] = []
            var allMatch = true
            for value in rest {
                guard let point = scale.points.firstIndex(where: { $0.contains(value) }) else {
                    allMatch = false
                    break
                }
                labels.append((spelling[value] ?? value, point + 1))
            }
            guard allMatch, Set(labels.map(\.value)).count >= 2 else { continue }
            return Question(column: "", text: "", points: scale.points.count, scaleName: scale.name,
                            labels: labels.sorted { ($0.value, $0.text) < ($1.value, $1.text) }, missing: missing)
        }
        return nil
    }
}
