import Foundation
import OrgHealthKit
import Yams

/// Reads `survey.yml` into a ``SurveyDefinition``.
///
/// A definition that is not YAML, lacks a required key or has a value of the wrong type is an
/// ``AnalyzerError`` naming the file and line (the analyzer cannot run without it). Smaller
/// problems — an unknown key, an outcome naming no item — are warnings, and the rest is used.
struct SurveyDefinitionParser {
    /// The definition file's base name, for messages.
    let source: String

    private static let knownKeys: Set<String> = [
        "id", "title", "closed", "scale", "labels", "groupColumn", "outcome", "enps", "comments", "items",
        "missing", "commentPlaceholders",
    ]

    /// Parses the definition's text.
    func parse(_ text: String) throws(AnalyzerError) -> (definition: SurveyDefinition, diagnostics: [Diagnostic]) {
        let root: Node?
        do {
            root = try BoundedYAML.compose(text)
        } catch {
            throw AnalyzerError(error.exceedsLimit ? "the survey definition is too large: \(error.detail)"
                                    : "the survey definition is not valid YAML (\(error.detail)); fix the line and run again",
                                source: source, line: error.line)
        }
        guard let root, case .mapping(let top) = root else {
            throw AnalyzerError("the survey definition must be a mapping with id, closed, scale and items", source: source,
                                line: root?.mark?.line ?? 1)
        }
        var diagnostics: [Diagnostic] = []
        var lines: [String: Int] = [:]
        var values: [String: Node] = [:]
        for (keyNode, value) in top {
            let key = keyNode.scalar?.string ?? ""
            let line = keyNode.mark?.line ?? 1
            guard Self.knownKeys.contains(key) else {
                diagnostics.append(Diagnostic(severity: .warning, source: source, line: line,
                                              message: "unknown key '\(key)' in the survey definition was ignored"))
                continue
            }
            values[key] = value
            lines[key] = line
        }
        func required(_ key: String) throws(AnalyzerError) -> Node {
            guard let node = values[key] else {
                throw AnalyzerError("the survey definition has no '\(key)'; add it (see docs/analyzers/culture-survey.md)",
                                    source: source, line: 1)
            }
            return node
        }

        let closedNode = try required("closed")
        guard let closedText = closedNode.scalar?.string, let closed = CalendarDate(iso: closedText.prefix(10)) else {
            throw error("'closed' must be the date the survey closed, e.g. 2026-09-14", closedNode)
        }
        let scale = try values["scale"].map(parseScale) ?? .fivePoint
        let labels = try values["labels"].map(parseLabels) ?? []
        let items = try parseItems(try required("items"), scale: scale, labels: labels)
        let itemIDs = Set(items.map(\.id))
        var outcome: [String] = []
        if let node = values["outcome"] {
            for entry in try strings(node, key: "outcome") {
                if itemIDs.contains(entry.text) {
                    if !outcome.contains(entry.text) { outcome.append(entry.text) }
                } else {
                    diagnostics.append(Diagnostic(
                        severity: .warning, source: source, line: entry.line,
                        message: "outcome names '\(entry.text)', which is not an item id; it was left out of the engagement index"))
                }
            }
        }
        var enpsColumn: String?
        if let node = values["enps"] {
            if case .mapping(let mapping) = node {
                guard let column = mapping["column"]?.scalar?.string, !column.isEmpty else {
                    throw error("enps must name its column: enps: {column: enps}", node)
                }
                enpsColumn = column
            } else if let column = node.scalar?.string, !column.isEmpty {
                enpsColumn = column
            }
        }
        let comments = try values["comments"].map { node throws(AnalyzerError) in
            try strings(node, key: "comments").map(\.text)
        } ?? []
        let definition = SurveyDefinition(
            id: try values["id"].map { node throws(AnalyzerError) in try scalar(node, key: "id") } ?? "survey",
            title: try values["title"].map { node throws(AnalyzerError) in try scalar(node, key: "title") } ?? "Culture survey",
            closed: closed, scale: scale, labels: labels,
            groupColumn: try values["groupColumn"].map { node throws(AnalyzerError) in try scalar(node, key: "groupColumn") } ?? "team",
            outcome: outcome, enpsColumn: enpsColumn, commentColumns: comments, items: items, lines: lines)
        var result = definition
        if let node = values["missing"] {
            result.missing = try SurveyListParser.missing(node, source: source, scale: scale, labels: labels)
        }
        if let node = values["commentPlaceholders"] {
            guard let extra = SurveyListParser.scalars(node) else {
                throw error("commentPlaceholders must be a list of texts that are not comments, e.g. [\"see above\"]", node)
            }
            result.commentPlaceholders = CommentPlaceholders(extra: extra)
        }
        return (result, diagnostics)
    }

    private func parseScale(_ node: Node) throws(AnalyzerError) -> SurveyScale {
        guard case .mapping(let mapping) = node else {
            throw error("scale must be a mapping: {min: 1, max: 5, favorableMin: 4, unfavorableMax: 2}", node)
        }
        func number(_ key: String, _ fallback: Int) throws(AnalyzerError) -> Int {
            guard let value = mapping[key] else { return fallback }
            guard let text = value.scalar?.string, let number = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw error("scale.\(key) must be a whole number", value)
            }
            return number
        }
        let scale = SurveyScale(
            min: try number("min", 1), max: try number("max", 5),
            favorableMin: try number("favorableMin", 4), unfavorableMax: try number("unfavorableMax", 2))
        if let problem = scale.problem { throw error(problem, node) }
        return scale
    }

    private func parseLabels(_ node: Node) throws(AnalyzerError) -> [(text: String, value: Int)] {
        guard case .mapping(let mapping) = node else {
            throw error("labels must map answer text to a scale value, e.g. \"Strongly agree\": 5", node)
        }
        var labels: [(text: String, value: Int)] = []
        for (key, value) in mapping {
            guard let text = key.scalar?.string, let valueText = value.scalar?.string,
                  let number = Int(valueText.trimmingCharacters(in: .whitespaces)) else {
                throw error("each label must map answer text to a whole number", key)
            }
            labels.append((text, number))
        }
        return labels
    }

    private func parseItems(_ node: Node, scale: SurveyScale, labels: [(text: String, value: Int)])
        throws(AnalyzerError) -> [SurveyDefinition.Item] {
        guard case .sequence(let sequence) = node, !sequence.isEmpty else {
            throw error("items must be a list of {id, column, text, dimension, reverse}", node)
        }
        var items: [SurveyDefinition.Item] = []
        var seen: Set<String> = []
        for entry in sequence {
            guard case .mapping(let mapping) = entry else {
                throw error("each item must be a mapping {id, column, text, dimension, reverse}", entry)
            }
            guard let idNode = mapping["id"], let id = idNode.scalar?.string, !id.isEmpty else {
                throw error("an item has no id", entry)
            }
            guard Self.isIdentifier(id) else {
                throw error("item id '\(id)' may hold only letters, digits, '-' and '_' (it becomes part of metric ids)", idNode)
            }
            guard seen.insert(id).inserted else { throw error("item id '\(id)' appears twice", idNode) }
            var dimension: String?
            if let node = mapping["dimension"] {
                let text = try scalar(node, key: "dimension")
                guard Self.isIdentifier(text) else {
                    throw error("dimension '\(text)' may hold only letters, digits, '-' and '_'", node)
                }
                dimension = text
            }
            var reverse = false
            if let node = mapping["reverse"] {
                switch node.scalar?.string.lowercased() {
                case "true", "yes", "on": reverse = true
                case "false", "no", "off", "": reverse = false
                default: throw error("reverse must be true or false", node)
                }
            }
            items.append(SurveyDefinition.Item(
                id: id, column: try mapping["column"].map { node throws(AnalyzerError) in try scalar(node, key: "column") } ?? id,
                text: try mapping["text"].map { node throws(AnalyzerError) in try scalar(node, key: "text") } ?? id,
                dimension: dimension, reverse: reverse, line: entry.mark?.line ?? 1,
                missing: try mapping["missing"].map { node throws(AnalyzerError) in
                    try SurveyListParser.missing(node, source: source, scale: scale, labels: labels)
                }))
        }
        return items
    }

    private func scalar(_ node: Node, key: String) throws(AnalyzerError) -> String {
        guard let text = node.scalar?.string else { throw error("'\(key)' must be text", node) }
        return text
    }

    private func strings(_ node: Node, key: String) throws(AnalyzerError) -> [(text: String, line: Int)] {
        if let text = node.scalar?.string { return text.isEmpty ? [] : [(text, node.mark?.line ?? 1)] }
        guard case .sequence(let sequence) = node else { throw error("'\(key)' must be a list of text", node) }
        var texts: [(text: String, line: Int)] = []
        for entry in sequence {
            guard let text = entry.scalar?.string else { throw error("'\(key)' must be a list of text", entry) }
            texts.append((text, entry.mark?.line ?? 1))
        }
        return texts
    }

    private func error(_ message: String, _ node: Node) -> AnalyzerError {
        AnalyzerError(message, source: source, line: node.mark?.line ?? 1)
    }

    private static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
        }
    }
}
