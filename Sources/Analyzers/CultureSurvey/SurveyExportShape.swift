import Foundation
import OrgHealthKit

/// The export shapes the analyzer recognises by themselves, from the file's first rows.
///
/// Where each shape comes from (the fixtures in the tests say the same):
/// - Qualtrics, current: "Understanding Your Dataset", qualtrics.com/support/survey-platform/
///   data-and-analysis-module/data/download-data/understanding-your-dataset/ — CSV and TSV
///   files come with three header rows: the field id, the question text, and the ImportId row.
///   The 2017 "Insights" generation wrote that third row as a Python dict, `{'ImportId': 'QID1'}`.
/// - Qualtrics, legacy: the same page's older revision — `V1…V10` ids and `Q1…` in row 1,
///   `ResponseID`, `ResponseSet`, `Name`, `ExternalDataReference`, `EmailAddress`,
///   `IPAddress`, `Status`, `StartDate`, `EndDate`, `Finished` and the question text in row 2.
/// - SurveyMonkey: row 1 holds `Respondent ID`, `Collector ID`, `Start Date`, `End Date`…
///   and each question once (blank over a matrix's further columns); row 2 holds `Response`,
///   `Open-Ended Response` or the matrix row (sub-question).
/// - Microsoft Forms: `ID`, `Start time`, `Completion time`, `Email`, `Name`, then one column
///   per question.
/// - Google Forms: `Timestamp` first (and `Email Address` when emails are collected), then the
///   question text.
enum SurveyExportShape: String, Sendable {
    /// One header row, one row per respondent.
    case plain = "plain CSV"
    /// Qualtrics: row 1 column ids, row 2 question text, row 3 `{"ImportId":…}` (any quote
    /// style), or the two-row export of 2016–2017; previews and unfinished responses are in
    /// the file and must be left out.
    case qualtrics = "Qualtrics"
    /// The older Qualtrics export: `V1…Vn` ids in row 1, field names and question text in row 2.
    case qualtricsLegacy = "Qualtrics legacy"
    /// SurveyMonkey: questions in row 1, sub-questions and answer placeholders in row 2.
    case surveyMonkey = "SurveyMonkey"
    /// Microsoft Forms: ID, Start time, Completion time, Email, Name, then the questions.
    case microsoftForms = "Microsoft Forms"
    /// Google Forms: `Timestamp` first, question text as headers.
    case googleForms = "Google Forms"

    /// How the data-quality section and `validate` name it: "a Qualtrics legacy export".
    var described: String {
        switch self {
        case .plain: return "plain CSV (one header row)"
        case .qualtrics: return "a Qualtrics export"
        case .qualtricsLegacy: return "a Qualtrics legacy export (V-ids in row 1, field names in row 2)"
        case .surveyMonkey: return "a SurveyMonkey export (questions in row 1, sub-questions in row 2)"
        case .microsoftForms: return "a Microsoft Forms export"
        case .googleForms: return "a Google Forms export"
        }
    }

    /// Whether the export carries Qualtrics `Status` and `Finished` columns to apply.
    var isQualtrics: Bool { self == .qualtrics || self == .qualtricsLegacy }
}

/// What the first rows of an export say about its shape: the names its columns are found by,
/// and how many of the rows read ahead are header rows rather than responses.
struct SurveyExportRecognition {
    var shape: SurveyExportShape
    /// The field names columns are looked up by first (with the config's `columns:` mapping).
    var names: CSVHeader
    /// Further names a column may be given by (question text, V-ids, SurveyMonkey sub-questions).
    var alternatives: [CSVHeader]
    /// How many of the records read after the first are header rows.
    var headerRecords: Int

    /// The column with this name in any header row: the field names first.
    func column(_ name: String) -> Int? {
        if let index = names.index(of: name) { return index }
        for header in alternatives { if let index = header.index(of: name) { return index } }
        return nil
    }

    /// Recognises the shape from the first record and the (up to two) records after it.
    init(first: CSVRecord, next: [CSVRecord], mapping: [String: String]) {
        let row1 = first.fields
        func lowered(_ fields: [String]) -> [String] { fields.map { CSVHeader.normalizedName($0) } }
        if next.count == 2, next[1].fields.contains(where: Self.isImportID) {
            self.init(shape: .qualtrics, names: CSVHeader(fields: row1, mapping: mapping),
                      alternatives: [CSVHeader(next[0])], headerRecords: 2)
        } else if let row2 = next.first?.fields, Self.isLegacyQualtrics(row1: row1, row2: row2) {
            self.init(shape: .qualtricsLegacy, names: CSVHeader(fields: row2, mapping: mapping),
                      alternatives: [CSVHeader(fields: row1)], headerRecords: 1)
        } else if let row2 = next.first?.fields, let id = lowered(row1).firstIndex(of: "responseid"), id < row2.count,
                  ["responseid", "response id"].contains(CSVHeader.normalizedName(row2[id])) {
            // The Qualtrics export of 2016–2017: two header rows, no ImportId row.
            self.init(shape: .qualtrics, names: CSVHeader(fields: row1, mapping: mapping),
                      alternatives: [CSVHeader(fields: row2)], headerRecords: 1)
        } else if let row2 = next.first?.fields, Set(lowered(row1)).isSuperset(of: ["respondent id", "collector id"]) {
            let (combined, subQuestions) = Self.surveyMonkeyNames(row1: row1, row2: row2)
            self.init(shape: .surveyMonkey, names: CSVHeader(fields: combined, mapping: mapping),
                      alternatives: [CSVHeader(fields: subQuestions), CSVHeader(fields: row1)], headerRecords: 1)
        } else if Set(lowered(row1)).isSuperset(of: ["id", "start time", "completion time"]) {
            self.init(shape: .microsoftForms, names: CSVHeader(fields: row1, mapping: mapping), alternatives: [],
                      headerRecords: 0)
        } else if CSVHeader.normalizedName(first.trimmed(0)) == "timestamp" {
            self.init(shape: .googleForms, names: CSVHeader(fields: row1, mapping: mapping), alternatives: [],
                      headerRecords: 0)
        } else {
            self.init(shape: .plain, names: CSVHeader(fields: row1, mapping: mapping), alternatives: [], headerRecords: 0)
        }
    }

    private init(shape: SurveyExportShape, names: CSVHeader, alternatives: [CSVHeader], headerRecords: Int) {
        self.shape = shape
        self.names = names
        self.alternatives = alternatives
        self.headerRecords = headerRecords
    }

    /// `{"ImportId":"QID1"}` or, from the 2017 Insights export, `{'ImportId': 'QID1'}`.
    static func isImportID(_ field: String) -> Bool {
        let text = field.surveyTrimmed
        return text.hasPrefix("{") && text.contains("ImportId")
    }

    /// Row 1 holds `V1…` ids where row 2 names `ResponseID`.
    static func isLegacyQualtrics(row1: [String], row2: [String]) -> Bool {
        guard let index = row2.firstIndex(where: { CSVHeader.normalizedName($0) == "responseid" }), index < row1.count
        else { return false }
        let id = row1[index].surveyTrimmed
        return id.count >= 2 && id.first == "V" && id.dropFirst().allSatisfy(\.isASCIIDigit)
    }

    /// SurveyMonkey's placeholders in row 2: not names of anything.
    static let surveyMonkeyPlaceholders: Set<String> = ["response", "open-ended response", "other (please specify)"]

    /// Per column: `Question - Sub-question` (or the question alone, under a placeholder) and
    /// the sub-question alone where it is unique in the file (blank otherwise).
    static func surveyMonkeyNames(row1: [String], row2: [String]) -> (combined: [String], subQuestions: [String]) {
        var combined: [String] = []
        var subQuestions: [String] = []
        var question = ""
        var counts: [String: Int] = [:]
        for index in row1.indices {
            let top = row1[index].surveyTrimmed
            if !top.isEmpty { question = top }
            let sub = index < row2.count ? row2[index].surveyTrimmed : ""
            if sub.isEmpty || surveyMonkeyPlaceholders.contains(sub.lowercased()) {
                combined.append(question)
                subQuestions.append("")
            } else {
                combined.append(question.isEmpty ? sub : "\(question) - \(sub)")
                subQuestions.append(sub)
                counts[sub.lowercased(), default: 0] += 1
            }
        }
        return (combined, subQuestions.map { counts[$0.lowercased(), default: 0] == 1 ? $0 : "" })
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The text without surrounding spaces, tabs and line breaks.
    var surveyTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
