import LibXML
import OrgHealthKit

/// The coverage parts of the XML report: `<coverage>` in the summary and `<source>` in each
/// dimension score (see health-report.xsd, types `coverage` and `dimensionSource`).
enum CoverageXML {
    static func writeCoverage(_ summary: HealthReport.Summary, _ writer: XMLStreamWriter) throws {
        guard let coverage = summary.coverage else { return }
        try writer.startElement("coverage")
        try writer.attribute("dimensionsScored", String(coverage.dimensionsScored))
        try writer.attribute("dimensionsTotal", String(coverage.dimensionsTotal))
        try writer.attribute("minimumDimensions", String(coverage.minimumDimensions))
        if let reason = coverage.withheldReason { try writer.attribute("withheldReason", reason) }
        for source in summary.sources {
            var attributes = [("analyzer", source.analyzer), ("name", source.name), ("present", String(source.isPresent))]
            if let absence = source.absence { attributes.append(("absence", absence.rawValue)) }
            if let detail = source.detail { attributes.append(("detail", detail)) }
            attributes.append(("fedPreviousPeriod", String(source.fedPreviousPeriod)))
            attributes.append(("feedsIndex", String(coverage.sources.contains(source.analyzer))))
            try writer.element("source", attributes: attributes)
        }
        try writer.endElement()
    }

    static func writeSources(_ sources: [DimensionSource], _ writer: XMLStreamWriter) throws {
        for source in sources {
            var attributes = [
                ("analyzer", source.analyzer), ("metric", source.metric), ("weight", NumberText.exact(source.weight)),
                ("n", String(source.n)),
            ]
            if let score = source.score { attributes.append(("score", NumberText.exact(score))) }
            try writer.element("source", attributes: attributes)
        }
    }
}
