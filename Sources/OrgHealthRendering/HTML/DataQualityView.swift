import LibXML
import OrgHealthKit

/// What was read, rejected and withheld.
struct DataQualityView {
    let report: HealthReport

    func render(into main: HTMLNode) {
        let section = main.element("section", [("id", "data-quality"), ("aria-labelledby", "data-quality-heading")])
        section.element("h2", [("id", "data-quality-heading")], text: "Data quality")
        let quality = report.dataQuality
        let table = section.element("table")
        table.element("caption", text: "Inputs and privacy")
        let head = table.element("thead").element("tr")
        head.element("th", [("scope", "col")], text: "What")
        head.element("th", [("scope", "col"), ("class", "num")], text: "Count")
        let body = table.element("tbody")
        func row(_ label: String, _ value: Int) {
            let tr = body.element("tr")
            tr.element("th", [("scope", "row")], text: label)
            tr.element("td", [("class", "num")], text: String(value))
        }
        row("Roster rows read", quality.rosterRows)
        row("Roster problems", quality.diagnostics.filter { $0.source != nil && !isAnalyzerNote($0) }.count)
        for run in report.analyzers {
            row("\(run.descriptor.name): data-quality notes", run.result.diagnostics.count)
        }
        row("Values withheld (group smaller than \(report.methodology.privacy.minGroupSize))",
            quality.suppressedValues[SuppressionReason.minGroupSize.rawValue] ?? 0)
        row("Values withheld to prevent subtraction (secondary)", quality.suppressedValues[SuppressionReason.secondary.rawValue] ?? 0)
        row("Groups with withheld values", quality.suppressedScopes.count)
        if !quality.diagnostics.isEmpty {
            section.element("h3", text: "Notes on the run and the roster")
            DiagnosticList(diagnostics: quality.diagnostics, limit: 200).render(into: section)
        }
        let failed = report.analyzers.filter { $0.status != .ok }
        if !failed.isEmpty {
            section.element("h3", text: "Analyzers not in this report")
            let list = section.element("ul")
            for run in failed { list.element("li", text: "\(run.descriptor.name) (\(run.status.rawValue)): \(run.message ?? "")") }
        }
    }

    private func isAnalyzerNote(_ diagnostic: Diagnostic) -> Bool {
        report.analyzers.contains { $0.descriptor.id == diagnostic.source }
    }
}
