import Foundation
import OrgHealthKit

/// The export shapes the analyzer recognises by themselves.
enum SurveyExportShape: String, Sendable {
    /// One header row, one row per respondent.
    case plain = "plain CSV"
    /// Qualtrics: row 1 column ids, row 2 question text, row 3 `{"ImportId":…}`; previews and
    /// unfinished responses are in the file and must be left out.
    case qualtrics = "Qualtrics"
    /// Google Forms: `Timestamp` first, question text as headers.
    case googleForms = "Google Forms"
}

/// Where the survey's fields sit in one responses file.
struct SurveyExportLayout: Sendable {
    var shape: SurveyExportShape
    /// Item id → column.
    var itemColumns: [String: Int] = [:]
    /// The team column, when the export has one.
    var groupColumn: Int?
    /// The employee id (or email) column, used only when there is no team column.
    var personColumn: Int?
    var enpsColumn: Int?
    var commentColumns: [Int] = []
    /// Qualtrics `Finished` (0/FALSE = unfinished) and `Status` (0 or IP Address = a real response).
    var finishedColumn: Int?
    var statusColumn: Int?
    /// The header's column names (for messages).
    var columnNames: [String] = []
}

/// One responses file, opened: its reader positioned after the header rows, the first data
/// records read while recognising the shape, and where each field sits.
struct SurveyExport {
    let source: String
    var reader: CSVReader
    /// Data records read ahead while recognising the shape, to be analysed first.
    var pending: [CSVRecord]
    let layout: SurveyExportLayout
    /// The file's size in bytes (for progress), if known.
    let byteCount: Int?

    /// Opens `url`, recognises its shape and finds the survey's columns. Columns the
    /// definition names but the file lacks are reported in `diagnostics` (at the
    /// definition's line) and left out.
    static func open(
        _ url: URL, definition: SurveyDefinition, definitionSource: String, mapping: [String: String],
        options: TabularOptions = TabularOptions(), diagnostics: inout [Diagnostic]
    ) throws(AnalyzerError) -> SurveyExport? {
        var reader: CSVReader
        do { reader = try TabularFile.open(url, options: options) } catch { throw AnalyzerError(error.message, source: error.source) }
        let source = reader.source
        guard let first = try readRecord(&reader, diagnostics: &diagnostics) else {
            diagnostics.append(Diagnostic(severity: .warning, source: source, line: 1,
                                          message: "the responses file is empty; it was skipped"))
            return nil
        }
        let header = CSVHeader(first, mapping: mapping)
        reader.expectedFieldCount = header.count
        var pending: [CSVRecord] = []
        while pending.count < 2, let record = try readRecord(&reader, diagnostics: &diagnostics) { pending.append(record) }

        var layout = SurveyExportLayout(shape: .plain, columnNames: header.fields)
        var questions: CSVHeader?
        if pending.count == 2, pending[1].fields.contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("{\"ImportId\"") }) {
            layout.shape = .qualtrics
            questions = CSVHeader(pending[0])
            pending.removeAll()
        } else if let idColumn = header.index(of: "ResponseId"), let row = pending.first,
                  ["responseid", "response id"].contains(CSVHeader.normalizedName(row[idColumn])) {
            // The older Qualtrics export: two header rows, no ImportId row.
            layout.shape = .qualtrics
            questions = CSVHeader(row)
            pending.removeFirst()
        } else if CSVHeader.normalizedName(first[0]) == "timestamp" {
            layout.shape = .googleForms
        }

        func column(_ name: String, text: String? = nil) -> Int? {
            if let index = header.index(of: name) { return index }
            if let questions, let index = questions.index(of: name) ?? text.flatMap(questions.index(of:)) { return index }
            return text.flatMap(header.index(of:))
        }
        func missing(_ what: String, _ name: String, line: Int?) {
            diagnostics.append(Diagnostic(
                severity: .warning, source: definitionSource, line: line,
                message: "\(what) names the column '\(name)', which \(source) does not have; it was left out "
                    + "(correct the column in the survey definition, or map it under columns: in the config)"
                    + (header.delimiterHint.map { "; \($0)" } ?? "")))
        }
        for item in definition.items {
            if let index = column(item.column, text: item.text) {
                layout.itemColumns[item.id] = index
            } else {
                missing("item '\(item.id)'", item.column, line: item.line)
            }
        }
        if let enps = definition.enpsColumn {
            layout.enpsColumn = column(enps)
            if layout.enpsColumn == nil { missing("enps", enps, line: definition.lines["enps"]) }
        }
        for comment in definition.commentColumns {
            if let index = column(comment) {
                layout.commentColumns.append(index)
            } else {
                missing("comments", comment, line: definition.lines["comments"])
            }
        }
        layout.groupColumn = header.index(of: definition.groupColumn)
        if layout.groupColumn == nil {
            layout.personColumn = ["employee_id", "email", "Email Address", "RecipientEmail"].lazy.compactMap(header.index(of:)).first
        }
        guard layout.groupColumn != nil || layout.personColumn != nil else {
            throw AnalyzerError(
                "the responses have neither a '\(header.expectedHeader(for: definition.groupColumn))' column (the survey's "
                    + "groupColumn) nor an 'employee_id' column; add one, or map yours under columns: culture-survey: in the config"
                    + (header.delimiterHint.map { "; \($0)" } ?? ""),
                source: source, line: 1)
        }
        if layout.shape == .qualtrics {
            layout.finishedColumn = header.index(of: "Finished")
            layout.statusColumn = header.index(of: "Status")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        return SurveyExport(source: source, reader: reader, pending: pending, layout: layout, byteCount: size)
    }

    /// The next record; a ragged row is reported and skipped, a fatal error thrown.
    static func readRecord(_ reader: inout CSVReader, diagnostics: inout [Diagnostic]) throws(AnalyzerError) -> CSVRecord? {
        while true {
            do {
                return try reader.next()
            } catch where !error.isFatal {
                diagnostics.append(error.diagnostic)
            } catch {
                throw AnalyzerError(error.message, source: error.source, line: error.line)
            }
        }
    }
}
