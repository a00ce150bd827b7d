import LibXML
import OrgHealthKit

/// The "by attribute" view (config `cuts:`): one heatmap-like table per attribute — its
/// values as rows with their n (headcount at the period's end), the organization as the
/// baseline row, the health index and dimension scores as columns. Withheld cells say
/// "suppressed" like the heatmap's; the text above says why cells are withheld. Absent when
/// the report has no attribute scopes (no cuts configured, or the manager audience).
struct AttributeView {
    let report: HealthReport

    /// The attribute scopes grouped by attribute, attributes and values in name order
    /// (tenure bands are named so that this is also their natural order).
    var attributes: [(name: String, values: [ScopeHealth])] {
        var byName: [String: [ScopeHealth]] = [:]
        for scope in report.scopes {
            guard let attribute = scope.scope.attribute else { continue }
            byName[attribute.name, default: []].append(scope)
        }
        return byName.keys.sorted().map { name in (name, (byName[name] ?? []).sorted { $0.scope < $1.scope }) }
    }

    /// Whether the culture survey gave figures per attribute value (only when its responses
    /// name people: see docs/analyzers/culture-survey.md).
    var surveyIsCut: Bool {
        report.analyzers.contains { run in
            run.descriptor.id == "culture-survey" && run.result.metrics.contains { $0.scope.kind == .attribute }
        }
    }

    func render(into main: HTMLNode) {
        let attributes = self.attributes
        guard !attributes.isEmpty else { return }
        let section = main.element("section", [("id", "by-attribute"), ("aria-labelledby", "by-attribute-heading")])
        section.element("h2", [("id", "by-attribute-heading")], text: "By attribute")
        let minimum = report.methodology.privacy.minGroupSize
        let sources = surveyIsCut
            ? "one-on-ones, reviews and the culture survey" : "one-on-ones and reviews; the survey is not cut by attribute"
        section.element("p", [("class", "muted")],
                        text: "Dimension scores by roster attribute (\(attributes.map(\.name).joined(separator: ", "))): each value "
                            + "is a group of its own, never crossed with a team, department or manager. n is the headcount; "
                            + "people with no value are in no row. Cells marked suppressed are withheld because the group has "
                            + "fewer than \(minimum) people with the figure, or to stop a withheld value being worked out by "
                            + "subtracting the others from the organization. A value's scores rest on the figures given "
                            + "per attribute (\(sources)), so compare values "
                            + "with each other rather than with the organization's row.")
        let dimensions = report.summary.dimensions.map(\.dimension)
        let baseline = HeatmapView(report: report).organizationBaseline
        for (name, values) in attributes {
            let rows = values.map { value in
                var row = value
                row.name = value.scope.attribute?.value ?? value.name
                return row
            }
            HeatmapView(report: report).table(section, caption: "By \(name)", baseline: baseline, rows: rows,
                                              dimensions: dimensions)
        }
    }
}
