import OrgHealthKit

/// The data-quality notes on how the exports were read: per file, the shape it was read as
/// and the rows left out and why; then the answers declared missing and the placeholder
/// comments. `orghealth validate` prints them too.
struct SurveyReadingNotes {
    let exports: [SurveyExport]
    let scanner: ResponseScanner
    let decoder: RowDecoder
    let definition: SurveyDefinition
    let definitionSource: String

    func notes() -> [Diagnostic] {
        var notes: [Diagnostic] = []
        for (index, export) in exports.enumerated() {
            let shape = export.layout.shape
            var text = "read as \(shape.described)"
            let excluded = scanner.excludedPerExport[index] ?? (0, 0)
            if shape.isQualtrics, export.layout.statusColumn != nil || export.layout.finishedColumn != nil {
                text += ": left out \(rows(excluded.status)) whose Status is not a real response (anything but 0 IP Address, "
                    + "4 Imported, 16 Offline or 32 EX, e.g. 1 = survey preview, 2 = survey test) and \(rows(excluded.unfinished)) of "
                    + "unfinished responses (Finished = 0 or FALSE)"
            } else if shape == .surveyMonkey, export.layout.statusColumn != nil {
                text += ": left out \(rows(excluded.status)) of incomplete responses (status other than completed)"
            } else if shape == .plain {
                text += ": no Qualtrics, SurveyMonkey, Microsoft Forms or Google Forms header was recognised, so the "
                    + "first row is the header and every other row a response"
            }
            notes.append(Diagnostic(severity: .info, source: export.source, message: text))
        }
        if decoder.declaredMissing > 0 {
            notes.append(Diagnostic(
                severity: .info, source: definitionSource, line: definition.lines["missing"],
                message: "\(answers(decoder.declaredMissing)) declared missing under missing: (e.g. 'Don't know') left out of "
                    + "every figure"))
        }
        if decoder.placeholderComments > 0 {
            notes.append(Diagnostic(
                severity: .info, source: exports.first?.source,
                message: "\(decoder.placeholderComments == 1 ? "1 comment was" : "\(decoder.placeholderComments) comments were") "
                    + "only a placeholder (NA, none, -, no comment…) and not counted as comments"))
        }
        return notes
    }

    private func rows(_ count: Int) -> String { count == 1 ? "1 row" : "\(count) rows" }

    private func answers(_ count: Int) -> String { count == 1 ? "1 answer" : "\(count) answers" }
}
