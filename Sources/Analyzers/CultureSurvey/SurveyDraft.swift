import Foundation
import OrgHealthKit

/// `orghealth survey draft`: reads a survey export and writes a commented `survey.yml` that a
/// person only has to check. It recognises the export's shape, lists the question columns with
/// their text, infers the answer scale from the answers (the labels it writes come from a fixed
/// vocabulary, ``SurveyAnswerScales``, never from a respondent), proposes reverse-coded items,
/// the eNPS column, comment columns, the team column (with a roster) and a dimension per item.
/// It never writes an answer or a comment into the definition; the draft runs unchanged.
public struct SurveyDraft: Sendable {
    /// The most data rows read to infer the scales (enough to see every answer option).
    public static let sampleRows = 20_000

    /// The draft's YAML text.
    public let text: String
    /// The shape the export was read as ("a Qualtrics export").
    public let shapeDescription: String
    /// How many question columns became items.
    public let itemCount: Int

    /// Drafts a definition from the export at `url`; `roster` (optional) helps find the team
    /// column; `today` is written as `closed:` when the export carries no dates.
    public init(export url: URL, roster: Roster?, today: CalendarDate) throws(AnalyzerError) {
        var reader: CSVReader
        do { reader = try CSVReader(contentsOf: url) } catch { throw AnalyzerError(error.message, source: error.source) }
        let source = reader.source
        var ignored: [Diagnostic] = []
        guard let first = try SurveyExport.readRecord(&reader, diagnostics: &ignored) else {
            throw AnalyzerError("the file is empty, so there is nothing to draft from; point survey draft at the responses export",
                                source: source)
        }
        reader.expectedFieldCount = first.count
        var ahead: [CSVRecord] = []
        while ahead.count < 2, let record = try SurveyExport.readRecord(&reader, diagnostics: &ignored) { ahead.append(record) }
        let recognition = SurveyExportRecognition(first: first, next: ahead, mapping: [:])
        var rows = Array(ahead.dropFirst(recognition.headerRecords))
        while rows.count < Self.sampleRows, let record = try SurveyExport.readRecord(&reader, diagnostics: &ignored) {
            rows.append(record)
        }
        let columns = SurveyDraftColumns(recognition: recognition, rows: rows, roster: roster)
        guard !columns.items.isEmpty else {
            throw AnalyzerError(
                "this does not look like a survey export: no column holds answers on a rating scale (agreement, frequency, "
                    + "satisfaction, yes/no, 1–5, 1–7 or 0–10); point survey draft at the responses export, not at a roster "
                    + "or a report", source: source)
        }
        shapeDescription = recognition.shape.described
        itemCount = columns.items.count
        text = SurveyDraftWriter(source: source, shape: recognition.shape, columns: columns,
                                 closed: columns.lastDate ?? today, closedIsGuess: columns.lastDate == nil).yaml()
    }
}
