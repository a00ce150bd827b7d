import Foundation
import OrgHealthKit

/// Where the survey's fields sit in one responses file.
struct SurveyExportLayout: Sendable {
    var shape: SurveyExportShape
    /// Item id → column.
    var itemColumns: [String: Int] = [:]
    /// The team column, when the export has one.
    var groupColumn: Int?
    /// The employee id (or email) column: the respondent's team when there is no team column,
    /// and their attribute values under `cuts:` (looked up in the roster, never stored).
    var personColumn: Int?
    var enpsColumn: Int?
    var commentColumns: [Int] = []
    /// Qualtrics `Finished` (0/FALSE = unfinished) and `Status` (see ``ResponseScanner``); a
    /// SurveyMonkey `Status` column, when the export has one (anything but completed is left out).
    var finishedColumn: Int?
    var statusColumn: Int?
    /// The header's column names (for messages).
    var columnNames: [String] = []
    /// `groupColumn: none`: every response counts for the organization only.
    var organizationOnly = false
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
        reader.expectedFieldCount = first.count
        var pending: [CSVRecord] = []
        while pending.count < 2, let record = try readRecord(&reader, diagnostics: &diagnostics) { pending.append(record) }

        let recognition = SurveyExportRecognition(first: first, next: pending, mapping: mapping)
        let header = recognition.names
        pending.removeFirst(min(recognition.headerRecords, pending.count))
        var layout = SurveyExportLayout(shape: recognition.shape, columnNames: header.fields)

        func column(_ name: String, text: String? = nil) -> Int? {
            recognition.column(name) ?? text.flatMap(recognition.column)
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
        if definition.isOrganizationOnly {
            layout.organizationOnly = true
        } else {
            layout.groupColumn = column(definition.groupColumn)
            // Found beside a team column too: the team then comes from the team column, and the
            // person's roster attributes (config `cuts:`) from the id.
            layout.personColumn = ["employee_id", "email", "Email Address", "RecipientEmail", "EmailAddress"].lazy
                .compactMap(header.index(of:)).first
            guard layout.groupColumn != nil || layout.personColumn != nil else {
                throw AnalyzerError(
                    "the responses have neither a '\(header.expectedHeader(for: definition.groupColumn))' column (the survey's "
                        + "groupColumn) nor an 'employee_id' column; add one, map yours under columns: culture-survey: in the "
                        + "config, or set groupColumn: none for a survey without team information"
                        + (header.delimiterHint.map { "; \($0)" } ?? ""),
                    source: source, line: 1)
            }
        }
        if layout.shape.isQualtrics {
            layout.finishedColumn = header.index(of: "Finished")
            layout.statusColumn = header.index(of: "Status")
            if layout.statusColumn == nil {
                diagnostics.append(Diagnostic(
                    severity: .warning, source: source, line: 1,
                    message: "\(layout.shape.described) without a Status column: survey previews and test responses cannot be "
                        + "told apart from real ones and were all counted; export again with the Status (Response Type) field"))
            }
        } else if layout.shape == .surveyMonkey {
            layout.statusColumn = ["Status", "Response Status"].lazy.compactMap(header.index(of:)).first
        }
        // The size only scales the progress bar: without it, progress has no fraction.
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
