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

    static func writeSources(_ sources: [DimensionSource], _ row: inout XMLRow) throws(LibXMLError) {
        for source in sources {
            try row.child("source") { row throws(LibXMLError) in
                try row.attribute("analyzer", source.analyzer)
                try row.attribute("metric", source.metric)
                try NumberText.attribute("weight", source.weight, &row)
                try row.attribute("n", source.n)
                if let score = source.score { try NumberText.attribute("score", score, &row) }
            }
        }
    }
}
