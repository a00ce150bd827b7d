import OrgHealthKit

/// Writes the drafted definition as commented YAML: every guess is marked `check` or `TODO`.
struct SurveyDraftWriter {
    let source: String
    let shape: SurveyExportShape
    let columns: SurveyDraftColumns
    let closed: CalendarDate
    let closedIsGuess: Bool

    static let dimensions = ["direction", "leadership", "trust", "feedback", "growth", "wellbeing", "execution"]

    func yaml() -> String {
        var lines = [
            "# Survey definition drafted by `orghealth survey draft` from \(source), read as \(shape.described).",
            "# Check every line marked 'check' or 'TODO', then run orghealth report. The answer texts below come",
            "# from a fixed list of scale labels: nothing in this file is a respondent's answer or comment.",
            "id: survey",
            "title: \"Culture survey\"",
            closedIsGuess ? "# TODO: the day the survey closed (the export carries no dates; this is the day of the draft)."
                : "# check: the day the survey closed (here the last response in the export).",
            "closed: \(closed)",
        ]
        let scale = Self.scale(points: columns.points)
        let scaleName = columns.items.first?.scaleName ?? "5-point"
        lines.append("# Inferred from the answers: \(scaleName) (\(columns.items.count) items); check the cut-offs.")
        lines.append("scale: {min: \(scale.min), max: \(scale.max), favorableMin: \(scale.favorableMin), "
                     + "unfavorableMax: \(scale.unfavorableMax)}")
        var labels: [(text: String, value: Int)] = []
        for item in columns.items {
            for label in item.labels where !labels.contains(where: { $0.text.lowercased() == label.text.lowercased() }) {
                labels.append(label)
            }
        }
        if !labels.isEmpty {
            lines.append("# The answer options seen, with their scale value.")
            lines.append("labels:")
            for label in labels.sorted(by: { ($0.value, $0.text) < ($1.value, $1.text) }) {
                lines.append("  \(Self.quoted(label.text)): \(label.value)")
            }
        }
        var missing: [String] = []
        for item in columns.items + [columns.enps].compactMap({ $0 }) {
            for value in item.missing where !missing.contains(value) { missing.append(value) }
        }
        if !missing.isEmpty {
            lines.append("# Options that mean \"no answer\": left out of every figure, counted in the data-quality section.")
            lines.append("missing: [\(missing.map { Int($0) != nil ? $0 : Self.quoted($0) }.joined(separator: ", "))]")
        }
        if let group = columns.group {
            lines.append("# check: responses are grouped by this column (\(group.reason)).")
            lines.append("groupColumn: \(Self.quoted(group.column))")
        } else {
            lines.append("# TODO: \(columns.groupNote); without a team column the survey gives organization figures only.")
            lines.append("# Name the team column here to have team and department figures.")
            lines.append("groupColumn: none")
        }
        let ids = itemIDs()
        let outcome = columns.items.indices.filter { SurveyAnswerScales.dimensionGuess(columns.items[$0].text) == "engagement" }
        if !outcome.isEmpty {
            lines.append("# check: the engagement index pools these items (guessed from their wording).")
            lines.append("outcome: [\(outcome.map { ids[$0] }.joined(separator: ", "))]")
        }
        if let enps = columns.enps {
            lines.append("# check: the eNPS question (0–10, \(Self.quoted(Self.short(enps.text)))).")
            lines.append("enps: {column: \(Self.quoted(enps.column))}")
        }
        if !columns.comments.isEmpty {
            lines.append("# check: free-text columns (long, varied answers), read as comments: themes only unless privacy allows.")
            lines.append("comments: [\(columns.comments.map { Self.quoted($0.column) }.joined(separator: ", "))]")
        }
        lines.append("# TODO: give each item its dimension: one of \(Self.dimensions.joined(separator: ", ")), or engagement for")
        lines.append("# the outcome items. The guesses below come from the wording only.")
        lines.append("items:")
        for (index, item) in columns.items.enumerated() {
            let reverse = SurveyAnswerScales.isNegativelyWorded(item.text)
            var line = "  - {id: \(ids[index]), column: \(Self.quoted(item.column)), text: \(Self.quoted(item.text))"
            let guess = SurveyAnswerScales.dimensionGuess(item.text)
            if let guess { line += ", dimension: \(guess)" }
            line += ", reverse: \(reverse)}"
            var notes = [guess == nil ? "TODO dimension" : "TODO check dimension (guessed)"]
            if reverse { notes.append("check reverse: negatively worded") }
            lines.append(line + "  # " + notes.joined(separator: "; "))
        }
        if !columns.offScale.isEmpty {
            lines.append("# Questions on another scale than the survey's; one definition has one scale, so they are left out:")
            for item in columns.offScale {
                lines.append("#  - {column: \(Self.quoted(item.column)), text: \(Self.quoted(item.text))}  # \(item.scaleName)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Cut-offs by number of points: the agree side favourable, the disagree side unfavourable.
    static func scale(points: Int) -> SurveyScale {
        switch points {
        case 2: return SurveyScale(min: 1, max: 2, favorableMin: 2, unfavorableMax: 1)
        case 7: return SurveyScale(min: 1, max: 7, favorableMin: 5, unfavorableMax: 3)
        case 11: return SurveyScale(min: 0, max: 10, favorableMin: 7, unfavorableMax: 4)
        default: return .fivePoint
        }
    }

    /// Unique item ids from the column names: letters, digits and '-', at most 40 characters.
    private func itemIDs() -> [String] {
        var seen: Set<String> = []
        return columns.items.enumerated().map { index, item in
            var slug = ""
            for character in item.column.lowercased() {
                if character.isASCII, character.isLetter || character.isNumber {
                    slug.append(character)
                } else if !slug.isEmpty, slug.last != "-" {
                    slug.append("-")
                }
                if slug.count >= 40 { break }
            }
            while slug.last == "-" { slug.removeLast() }
            if slug.isEmpty { slug = "item-\(index + 1)" }
            var id = slug
            var suffix = 2
            while !seen.insert(id).inserted {
                id = "\(slug)-\(suffix)"
                suffix += 1
            }
            return id
        }
    }

    private static func short(_ text: String) -> String { text.count > 60 ? String(text.prefix(57)) + "…" : text }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String { QuotedText.doubleQuoted(text) }
}
