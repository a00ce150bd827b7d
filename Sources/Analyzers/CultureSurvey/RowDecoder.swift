import OrgHealthKit

/// Decodes one response's fields into a ``ResponseRow``: answers as numbers or through the
/// labels, checked against the scale and reverse-coded; the eNPS answer; comment themes (and
/// the comments themselves only when verbatims may be shown). A value that cannot be read is
/// reported and skipped; the rest of the row counts.
struct RowDecoder: Sendable {
    /// Where the survey's fields sit in one export.
    struct Columns: Sendable {
        /// Per plan item: its column, or −1 when the export lacks it.
        var items: [Int]
        var enps: Int?
        var comments: [Int]
        /// The header's names, for messages.
        var names: [String]
        var source: String
    }

    let scale: SurveyScale
    let reverse: [Bool]
    let decoder: AnswerDecoder
    let themes: CommentThemes?
    let keepsVerbatims: Bool
    /// Per export, in order.
    let exports: [Columns]
    /// Per plan item: the answers that mean "no answer".
    let missing: [MissingAnswers]
    /// The survey's own list, for the eNPS answer.
    let surveyMissing: MissingAnswers
    let placeholders: CommentPlaceholders
    /// Values that could not be read, capped per kind.
    var log = DiagnosticCollector.surveyLog()
    /// Answers left out because the definition declares them missing ("NA", "Don't know", −1…).
    var declaredMissing = 0
    /// Comments left out because they were only a placeholder ("NA", "none", "-"…).
    var placeholderComments = 0

    init(definition: SurveyDefinition, plan: SurveyPlan, exports: [SurveyExportLayout], sources: [String],
         themes: CommentThemes?, keepsVerbatims: Bool) {
        scale = definition.scale
        reverse = plan.items.map(\.reverse)
        decoder = AnswerDecoder(labels: definition.labels)
        missing = plan.items.map(definition.missing(for:))
        surveyMissing = definition.missing
        placeholders = definition.commentPlaceholders
        self.themes = themes
        self.keepsVerbatims = keepsVerbatims
        // Under comments: exclude the comment columns are never read at all.
        let readsComments = themes != nil || keepsVerbatims
        self.exports = zip(exports, sources).map { layout, source in
            Columns(items: plan.items.map { layout.itemColumns[$0.id] ?? -1 }, enps: layout.enpsColumn,
                    comments: readsComments ? layout.commentColumns : [], names: layout.columnNames, source: source)
        }
    }

    /// Fills `row` (already reset) from a record of the `export`-th file.
    mutating func decode(_ record: CSVRecord, export: Int, into row: inout ResponseRow) {
        let columns = exports[export]
        let low = scale.min, high = scale.max
        var needsSlowPath = false
        row.values.withUnsafeMutableBufferPointer { values in
            for item in columns.items.indices {
                let column = columns.items[item]
                guard column >= 0 else { continue }
                let value = record.withField(column, AnswerDecoder.shortWholeNumber)
                // Digits in range are the common case; blanks, labels, other notations and
                // values off the scale take the path that also reports.
                if value >= low && value <= high {
                    values[item] = Int8(truncatingIfNeeded: reverse[item] ? high - value : value - low)
                } else {
                    needsSlowPath = true
                    values[item] = -2  // marked for the slower path below
                }
            }
        }
        if needsSlowPath {
            for item in columns.items.indices where row.values[item] == -2 {
                row.values[item] = -1
                guard let value = answer(record, columns.items[item], range: low...high, columns: columns, export: export,
                                         missing: missing[item])
                else { continue }
                row.values[item] = Int8(truncatingIfNeeded: reverse[item] ? high - value : value - low)
            }
        }
        if let column = columns.enps {
            row.enps = Int8(answer(record, column, range: 0...10, columns: columns, export: export, missing: surveyMissing) ?? -1)
        }
        for column in columns.comments {
            let themes = self.themes
            let placeholders = self.placeholders
            let (blank, placeholder, found) = record.withField(column) { bytes -> (Bool, Bool, UInt64) in
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
                    return (true, false, 0)
                }
                if placeholders.contains(bytes) { return (true, true, 0) }
                return (false, false, themes?.match(bytes) ?? 0)
            }
            if placeholder { placeholderComments += 1 }
            guard !blank else { continue }
            row.commented = true
            row.themes |= found
            if keepsVerbatims { row.comments.append(record.trimmed(column)) }
        }
    }

    /// A valid answer in `range`, or `nil` (blank, or reported and skipped).
    private mutating func answer(
        _ record: CSVRecord, _ column: Int, range: ClosedRange<Int>, columns: Columns, export: Int, missing: MissingAnswers
    ) -> Int? {
        let problem: String
        let decoded = decoder.decode(record, column)
        if !missing.isEmpty {
            var number: Int?
            if case .value(let value) = decoded { number = value }
            if decoded != .missing, missing.contains(record, column, value: number) {
                declaredMissing += 1
                return nil
            }
        }
        switch decoded {
        case .missing: return nil
        case .value(let value) where range.contains(value): return value
        case .value: problem = "is outside the scale \(range.lowerBound)–\(range.upperBound)"
        case .notWhole: problem = "is not a whole number on the scale \(range.lowerBound)–\(range.upperBound)"
        case .unknownText:
            problem = "is neither a number nor one of the survey's labels (add the choice text under labels: in the survey definition)"
        }
        let name = column < columns.names.count ? columns.names[column] : "column \(column + 1)"
        log.note("answer|\(export)|\(column)", source: columns.source, file: export, line: record.line,
                 message: "the answer in column '\(name)' \(problem); that answer was skipped",
                 summary: "answers in column '\(name)' that could not be read were skipped")
        return nil
    }
}
