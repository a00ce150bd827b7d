import Foundation
@testable import CultureSurveyAnalyzer

/// The fixture's 26 responses written the way each vendor exports them. Each shape is written
/// from the vendor's documented layout (named on each function); the answers are those of
/// ``SurveyFixture/rows``, so every shape must give the plain export's figures.
enum SurveyVendorFixtures {
    typealias Row = SurveyFixture.Row

    static func line(_ fields: [String]) -> String { fields.map(SurveyFixture.csvField).joined(separator: ",") }

    static func answers(_ row: Row, text: Bool) -> [String] {
        row.answers.map { answer in answer.map { text ? SurveyFixture.labels[$0 - 1] : String($0) } ?? "" }
    }

    /// The 15 generated test responses ("Generate test responses" in Qualtrics' survey tools).
    static let testRows = Array(SurveyFixture.rows[0..<15])

    /// Qualtrics legacy export (the "Understanding Your Dataset" page before 2016): row 1 holds
    /// `V1…V10` for the ten response fields and `Q…` ids for the questions, row 2 the field
    /// names (`ResponseID`, `ResponseSet`, `Name`, `ExternalDataReference`, `EmailAddress`,
    /// `IPAddress`, `Status`, `StartDate`, `EndDate`, `Finished`) and the question text; numeric
    /// answers; `Status` 0 = IP Address (real), 2 = Survey Test. Embedded data (`team`) keeps its
    /// name in both rows. `status: false` drops the Status column.
    static func qualtricsLegacy(status: Bool = true) -> String {
        var ids = (1...10).map { "V\($0)" } + ["team"] + (1...6).map { "Q\($0)" } + ["Q7", "Q8_TEXT"]
        var names = ["ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress", "Status",
                     "StartDate", "EndDate", "Finished", "team"] + SurveyFixture.questions
            + ["How likely are you to recommend us? (0-10)", "Anything else?"]
        func fields(_ row: Row, id: Int, status code: String) -> [String] {
            ["R_\(id)", "Default Response Set", "Anonymous", "", "", "", code, "2026-09-01 10:00:00", "2026-09-01 10:05:00",
             "1", row.team] + answers(row, text: false) + [row.enps.map(String.init) ?? "", row.comment]
        }
        var rows = SurveyFixture.rows.enumerated().map { fields($1, id: $0, status: "0") }
        rows += testRows.enumerated().map { fields($1, id: 500 + $0, status: "2") }
        if !status {
            ids.remove(at: 6)
            names.remove(at: 6)
            rows = rows.filter { $0[6] == "0" }.map { var copy = $0; copy.remove(at: 6); return copy }
        }
        return ([ids, names] + rows).map(line).joined(separator: "\r\n") + "\r\n"
    }

    /// Qualtrics "Insights" export of 2017: three header rows, the third written as Python dicts
    /// in single quotes (`{'ImportId': 'QID1'}`); choice text; `Status` as text — "IP Address" is a
    /// real response, "Survey Preview" and "Survey Test" are not; `Finished` as True/False.
    static func qualtricsInsights() -> String {
        let ids = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
                   "RecordedDate", "ResponseId", "team"] + SurveyFixture.columns + ["enps", "comment"]
        let questions = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
                         "Finished", "Recorded Date", "Response ID", "team"] + SurveyFixture.questions
            + ["How likely are you to recommend us? (0-10)", "Anything else?"]
        let imports = ["{'ImportId': 'startDate', 'timeZone': 'America/Denver'}", "{'ImportId': 'endDate', 'timeZone': 'America/Denver'}",
                       "{'ImportId': 'status'}", "{'ImportId': 'ipAddress'}", "{'ImportId': 'progress'}", "{'ImportId': 'duration'}",
                       "{'ImportId': 'finished'}", "{'ImportId': 'recordedDate', 'timeZone': 'America/Denver'}",
                       "{'ImportId': '_recordId'}", "{'ImportId': 'team'}"] + (1...8).map { "{'ImportId': 'QID\($0)'}" }
        func fields(_ row: Row, id: Int, status: String, finished: String) -> [String] {
            ["2026-09-01 10:00:00", "2026-09-01 10:05:00", status, "", finished == "True" ? "100" : "50", "300", finished,
             "2026-09-01 10:05:00", "R_\(id)", row.team] + answers(row, text: true) + [row.enps.map(String.init) ?? "", row.comment]
        }
        var lines = [ids, questions, imports].map(line)
        for (index, row) in SurveyFixture.rows.enumerated() { lines.append(line(fields(row, id: index, status: "IP Address", finished: "True"))) }
        for (index, row) in testRows.enumerated() {
            lines.append(line(fields(row, id: 500 + index, status: index < 10 ? "Survey Test" : "Survey Preview", finished: "True")))
        }
        // Imported and Offline responses are real ones (Qualtrics' Response Type list); none here,
        // so the counts stay those of the plain export. One unfinished response is left out.
        lines.append(line(fields(SurveyFixture.rows[0], id: 900, status: "IP Address", finished: "False")))
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The matrix question holding the six statements in the SurveyMonkey export.
    static let matrixQuestion = "How much do you agree with each statement?"

    /// SurveyMonkey "All responses data" CSV: row 1 the response fields (`Respondent ID`,
    /// `Collector ID`, `Start Date`, `End Date`, `IP Address`, `Email Address`, `First Name`,
    /// `Last Name`, `Custom Data 1`) and each question once — a matrix question over its first
    /// column only; row 2 `Response` under single-answer questions, `Open-Ended Response` under
    /// text boxes and the statement (sub-question) under each matrix column.
    static func surveyMonkey() -> String {
        let meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
                    "Last Name", "Custom Data 1"]
        let row1 = meta + ["team", matrixQuestion] + Array(repeating: "", count: 5) + ["enps", "comment"]
        let row2 = Array(repeating: "", count: meta.count) + ["Response"] + SurveyFixture.questions
            + ["Response", "Open-Ended Response"]
        var lines = [line(row1), line(row2)]
        for (index, row) in SurveyFixture.rows.enumerated() {
            lines.append(line(["\(11_400_000_000 + index)", "4242", "09/01/2026 10:00:00 AM", "09/01/2026 10:05:00 AM", "", "",
                               "", "", "", row.team] + answers(row, text: true) + [row.enps.map(String.init) ?? "", row.comment]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Microsoft Forms (the workbook's one sheet, here as CSV): `ID`, `Start time`, `Completion
    /// time`, `Email`, `Name`, then one column per question, headed by its text; an anonymous
    /// form writes "anonymous" as the email.
    static func microsoftForms() -> String {
        let header = ["ID", "Start time", "Completion time", "Email", "Name", "team"] + SurveyFixture.questions
            + ["enps", "comment"]
        var lines = [line(header)]
        for (index, row) in SurveyFixture.rows.enumerated() {
            lines.append(line(["\(index + 1)", "9/1/26 10:00:00", "9/1/26 10:05:13", "anonymous", "", row.team]
                              + answers(row, text: true) + [row.enps.map(String.init) ?? "", row.comment]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Google Forms with "Collect email addresses" on: `Timestamp`, `Email Address`, then the
    /// questions; the timestamp in the sheet's locale, here with a time-zone name.
    static func googleFormsWithEmail() -> String {
        let header = ["Timestamp", "Email Address", "team"] + SurveyFixture.questions + ["enps", "comment"]
        var lines = [line(header)]
        for (index, row) in SurveyFixture.rows.enumerated() {
            lines.append(line(["2026/09/01 10:00:\(10 + index) AM EEST", "someone\(index)@example.com", row.team]
                              + answers(row, text: false) + [row.enps.map(String.init) ?? "", row.comment]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
