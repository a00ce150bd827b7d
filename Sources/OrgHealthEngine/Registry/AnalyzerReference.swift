import Foundation
import OrgHealthKit

/// The reference part of an analyzer's docs page (`docs/analyzers/<id>.md`), made from its
/// descriptor alone: what it reads and feeds, its options and its metrics.
///
/// The block sits between ``begin`` and ``end`` on the page. A test regenerates it for every
/// built-in analyzer and fails when a page is stale or missing (swift-format's pattern);
/// `ORGHEALTH_WRITE_DOCS=1 swift test --filter AnalyzerReferenceTests` rewrites the blocks.
public enum AnalyzerReference {
    /// The line that opens the generated block.
    public static let begin = "<!-- BEGIN GENERATED from the analyzer's descriptor; "
        + "rewrite with: ORGHEALTH_WRITE_DOCS=1 swift test --filter AnalyzerReferenceTests -->"
    /// The line that closes it.
    public static let end = "<!-- END GENERATED -->"

    /// Where an analyzer's page is, relative to the package root.
    public static func pagePath(_ descriptor: AnalyzerDescriptor) -> String { "docs/analyzers/\(descriptor.id).md" }

    /// The block's Markdown, markers included, ending with a newline.
    public static func markdown(_ descriptor: AnalyzerDescriptor) -> String {
        var lines = [begin, ""]
        let inputs = descriptor.inputs.map { "`\($0.kind.rawValue)`" + ($0.required ? "" : " (optional)") }
        lines.append("**Reads:** " + (["the roster"] + inputs).joined(separator: ", ")
            + " · **Feeds:** " + (descriptor.dimensions.isEmpty ? "no dimension" : descriptor.dimensions.map(\.rawValue).joined(separator: ", ")))
        lines.append("")
        lines.append("### Options (`analyzers.\(descriptor.id)`)")
        lines.append("")
        if let options = descriptor.options, !options.isEmpty {
            lines.append("Besides `enabled` and `timeoutSeconds`, which every analyzer accepts:")
            lines.append("")
            lines.append("| option | type | default | what it does |")
            lines.append("|---|---|---|---|")
            for option in options {
                let fallback = option.defaultValue.map { "`\(cell($0))`" } ?? "—"
                lines.append("| `\(option.name)` | \(option.type.rawValue) | \(fallback) | \(cell(option.doc)) |")
            }
        } else {
            lines.append("Only `enabled` and `timeoutSeconds`, which every analyzer accepts.")
        }
        lines.append("")
        lines.append("### Metric definitions")
        lines.append("")
        if descriptor.metrics.isEmpty {
            lines.append("None declared.")
        } else {
            lines.append("As printed in the report's methodology section (an id ending in `.` names a family).")
            lines.append("")
            lines.append("| id | definition | signal |")
            lines.append("|---|---|---|")
            for metric in descriptor.metrics {
                lines.append("| `\(metric.id)` | \(cell(metric.definition)) | \(metric.signal.map(cell) ?? "—") |")
            }
        }
        lines.append("")
        lines.append(end)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `page` with its generated block replaced by the descriptor's; `nil` when the page lacks
    /// either marker (or has them out of order).
    public static func updating(_ page: String, with descriptor: AnalyzerDescriptor) -> String? {
        guard let start = page.range(of: begin),
              let finish = page.range(of: end, range: start.upperBound..<page.endIndex)
        else { return nil }
        var rest = page[finish.upperBound...]
        if rest.first == "\n" { rest = rest.dropFirst() }
        return String(page[..<start.lowerBound]) + markdown(descriptor) + String(rest)
    }

    /// Text safe inside a table cell: pipes escaped, line breaks as spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
