import LibXML
import OrgHealthKit

/// Renders the report as XML in the namespace `urn:orghealth:report:1`, valid against the
/// bundled schema, streamed through libxml2's text writer. Element order is deterministic.
public struct XMLRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public var format: ReportFormat { .xml }

    public func render(_ report: HealthReport) throws -> [UInt8] {
        let writer = try XMLStreamWriter(indent: true)
        try writeDocument(report, writer)
        return Array(try writer.finish().utf8)
    }

    /// Streams the document straight into the file through libxml2's writer: memory stays
    /// flat in figures (the in-memory document at 1,000,000 people was 495 MB, held twice).
    public func write(_ report: HealthReport, to file: ReportFileStream) throws {
        try file.flush()
        let writer = try XMLStreamWriter(fileDescriptor: file.descriptor, indent: true)
        do {
            try writeDocument(report, writer)
            try writer.finishFile()
        } catch let error as LibXMLError {
            throw OutputError(path: file.target.path, message: "cannot write the XML: \(error)")
        }
    }

    private func writeDocument(_ report: HealthReport, _ writer: XMLStreamWriter) throws {
        // libxml2's error handlers are taken over once for the whole document (issue 16).
        try writer.batch { try writeBody(report, writer) }
    }

    private func writeBody(_ report: HealthReport, _ writer: XMLStreamWriter) throws {
        try writer.startDocument()
        try writer.startElement("healthReport", namespace: ReportSchema.namespace)
        try writer.attribute("schemaVersion", String(report.schemaVersion))
        try writer.attribute("organization", report.organization)
        try writer.attribute("periodStart", report.period.start.description)
        try writer.attribute("periodEnd", report.period.end.description)
        try writer.attribute("period", report.period.label)
        try writer.attribute("generatedAt", report.generatedAt)
        try writer.attribute("tool", report.tool)
        try writeSummary(report, writer)
        try writeScopes(report, writer)
        try writeWatchlist(report, writer)
        try writer.startElement("crossSourceFindings")
        for finding in report.crossSourceFindings { try writeFinding(finding, analyzer: nil, writer) }
        try writer.endElement()
        for run in report.analyzers { try writeAnalyzer(run, writer) }
        try writeDataQuality(report.dataQuality, writer)
        try writeMethodology(report.methodology, writer)
        try writer.endElement()
        try writer.endDocument()
    }

    private func writeSummary(_ report: HealthReport, _ writer: XMLStreamWriter) throws {
        try writer.startElement("summary")
        if let index = report.summary.healthIndex {
            try writer.attribute("healthIndex", NumberText.exact(index))
            try writer.attribute("band", HealthBand(score: index).rawValue)
        }
        try writer.attribute("headcount", String(report.summary.headcount))
        if let trend = report.summary.healthIndexTrend { try writer.attribute("trend", NumberText.exact(trend)) }
        if let previous = report.summary.previousPeriod { try writer.attribute("previousPeriod", previous) }
        for point in report.summary.healthIndexHistory {
            try writer.rowElement("point") { row throws(LibXMLError) in try Self.writePoint(point, &row) }
        }
        try CoverageXML.writeCoverage(report.summary, writer)
        for score in report.summary.dimensions {
            try writer.rowElement("dimension") { row throws(LibXMLError) in try Self.writeDimension(score, named: true, &row) }
        }
        try writer.endElement()
    }

    /// A `<dimension>`'s attributes and children, into the row that opened it.
    private static func writeDimension(_ score: DimensionScore, named: Bool, _ row: inout XMLRow) throws(LibXMLError) {
        try row.attribute("id", score.dimension.rawValue)
        if named { try row.attribute("name", score.dimension.displayName) }
        if let value = score.score {
            try NumberText.attribute("score", value, &row)
            try row.attribute("band", HealthBand(score: value).rawValue)
        }
        try row.attribute("n", score.n)
        if let trend = score.trend { try NumberText.attribute("trend", trend, &row) }
        if let significant = score.significant { try row.attribute("significant", significant ? "true" : "false") }
        if score.suppressed { try row.attribute("suppressed", "true") }
        if let basis = score.trendBasis { try row.attribute("trendBasis", basis) }
        for point in score.history {
            try row.child("point") { row throws(LibXMLError) in try writePoint(point, &row) }
        }
        try CoverageXML.writeSources(score.sources, &row)
    }

    /// A scope's id (`org`, `team:Platform`) as an attribute, written without joining it first.
    private static func writeScope(_ scope: Scope, named name: StaticString = "scope", _ row: inout XMLRow) throws(LibXMLError) {
        // The same text as `Scope.id`: `org`, else the kind, a colon and the name.
        guard scope != .org else { return try row.attribute(name, scope.id) }
        try row.attribute(name, joining: scope.kind.rawValue, ":", scope.name)
    }

    private static func writePoint(_ point: PeriodValue, _ row: inout XMLRow) throws(LibXMLError) {
        try row.attribute("period", point.period)
        try NumberText.attribute("value", point.value, &row)
    }

    private func writeScopes(_ report: HealthReport, _ writer: XMLStreamWriter) throws {
        try writer.startElement("scopes")
        // Each scope with its dimensions and their sources is one row (issue 16).
        let scopes = report.scopes
        try writer.rowElements("scope", count: scopes.count) { index, row throws(LibXMLError) in
            let scope = scopes[index]
            try Self.writeScope(scope.scope, named: "id", &row)
            try row.attribute("kind", scope.scope.kind.rawValue)
            try row.attribute("name", scope.name)
            if let parent = scope.parent { try row.attribute("parent", parent.id) }
            try row.attribute("headcount", scope.headcount)
            if let healthIndex = scope.healthIndex { try NumberText.attribute("healthIndex", healthIndex, &row) }
            for score in scope.dimensions {
                try row.startChild("dimension")
                try Self.writeDimension(score, named: false, &row)
                try row.endChild()
            }
        }
        try writer.endElement()
    }

    private func writeWatchlist(_ report: HealthReport, _ writer: XMLStreamWriter) throws {
        try writer.startElement("watchlist")
        for entry in report.watchlist {
            try writer.startElement("entry")
            try writer.attribute("scope", entry.scope.id)
            if let index = entry.healthIndex { try writer.attribute("healthIndex", NumberText.exact(index)) }
            if !entry.weakDimensions.isEmpty {
                try writer.attribute("dimensions", entry.weakDimensions.map(\.rawValue).joined(separator: " "))
            }
            try writer.text(entry.reason)
            try writer.endElement()
        }
        try writer.endElement()
    }

    private func writeAnalyzer(_ run: AnalyzerRun, _ writer: XMLStreamWriter) throws {
        try writer.startElement("analyzer")
        try writer.attribute("id", run.descriptor.id)
        try writer.attribute("name", run.descriptor.name)
        try writer.attribute("version", run.descriptor.version)
        try writer.attribute("status", run.status.rawValue)
        try writer.attribute("origin", run.origin)
        if let duration = run.durationMs { try writer.attribute("durationMs", String(max(0, duration))) }
        if let message = run.message { try writer.element("message", text: message) }
        let result = run.result
        let metrics = result.metrics
        // Each figure is read in place (a copy of a `Metric` retains every string in it).
        try writer.rowElements("metric", count: metrics.count) { index, row throws(LibXMLError) in
            try metrics.withUnsafeBufferPointer { metrics throws(LibXMLError) in try Self.writeMetric(metrics[index], &row) }
        }
        let signals = result.signals
        try writer.rowElements("signal", count: signals.count) { index, row throws(LibXMLError) in
            try signals.withUnsafeBufferPointer { signals throws(LibXMLError) in try Self.writeSignal(signals[index], &row) }
        }
        for finding in result.findings { try writeFinding(finding, analyzer: nil, writer) }
        for section in result.sections { try writeSection(section, writer) }
        for diagnostic in result.diagnostics { try writeDiagnostic(diagnostic, writer) }
        try writer.endElement()
    }

    /// A `<metric>`'s attributes.
    private static func writeMetric(_ metric: borrowing Metric, _ row: inout XMLRow) throws(LibXMLError) {
        try row.attribute("id", metric.id)
        try writeScope(metric.scope, &row)
        if let value = metric.value { try NumberText.attribute("value", value, &row) }
        try row.attribute("unit", metric.unit.rawValue)
        try row.attribute("n", metric.n)
        if let dimension = metric.dimension { try row.attribute("dimension", dimension.rawValue) }
        if let trend = metric.trend { try NumberText.attribute("trend", trend, &row) }
        if let significant = metric.significant { try row.attribute("significant", significant ? "true" : "false") }
        try writeSuppression(metric.suppressed, &row)
    }

    /// A `<signal>`'s attributes.
    private static func writeSignal(_ signal: borrowing HealthSignal, _ row: inout XMLRow) throws(LibXMLError) {
        try row.attribute("dimension", signal.dimension.rawValue)
        try writeScope(signal.scope, &row)
        if let score = signal.score { try NumberText.attribute("score", score, &row) }
        try NumberText.attribute("weight", signal.weight, &row)
        try row.attribute("n", signal.n)
        if let basis = signal.basis { try row.attribute("basis", basis) }
        try writeSuppression(signal.suppressed, &row)
    }

    private func writeSuppression(_ reason: SuppressionReason?, _ writer: XMLStreamWriter) throws {
        guard let reason else { return }
        try writer.attribute("suppressed", "true")
        try writer.attribute("reason", reason.rawValue)
    }

    private static func writeSuppression(_ reason: SuppressionReason?, _ row: inout XMLRow) throws(LibXMLError) {
        guard let reason else { return }
        try row.attribute("suppressed", "true")
        try row.attribute("reason", reason.rawValue)
    }

    private func writeFinding(_ finding: Finding, analyzer: String?, _ writer: XMLStreamWriter) throws {
        try writer.startElement("finding")
        try writer.attribute("id", finding.id)
        try writer.attribute("severity", finding.severity.rawValue)
        if let dimension = finding.dimension { try writer.attribute("dimension", dimension.rawValue) }
        try writer.attribute("scope", finding.scope.id)
        if let analyzer { try writer.attribute("analyzer", analyzer) }
        try writer.element("title", text: finding.title)
        try writer.element("detail", text: finding.detail)
        try writer.element("recommendation", text: finding.recommendation)
        for metric in finding.evidence { try writer.element("evidence", attributes: [("metric", metric)]) }
        try writer.endElement()
    }

    private func writeSection(_ section: ReportSection, _ writer: XMLStreamWriter) throws {
        try writer.startElement("section")
        try writer.attribute("title", section.title)
        for block in section.blocks {
            switch block {
            case .text(let text):
                try writer.element("text", text: text)
            case .table(let table):
                try writer.startElement("table")
                if let caption = table.caption { try writer.attribute("caption", caption) }
                for column in table.columns { try writer.element("column", text: column) }
                for row in table.rows {
                    try writer.startElement("row")
                    if let ref = row.ref {
                        try writer.attribute("scope", ref.scope.id)
                        if let metric = ref.metric { try writer.attribute("metric", metric) }
                    }
                    try writeSuppression(row.suppressed, writer)
                    for cell in row.cells { try writer.element("cell", text: cell) }
                    try writer.endElement()
                }
                try writer.endElement()
            case .chart(let chart):
                try writer.startElement("chart")
                try writer.attribute("kind", chart.kind.rawValue)
                try writer.attribute("title", chart.title)
                try writer.attribute("unit", chart.unit.rawValue)
                for series in chart.series {
                    try writer.startElement("series")
                    try writer.attribute("name", series.name)
                    for point in series.points {
                        try writer.startElement("point")
                        try writer.attribute("label", point.label)
                        if let value = point.value { try writer.attribute("value", NumberText.exact(value)) }
                        if let ref = point.ref { try writer.attribute("scope", ref.scope.id) }
                        try writeSuppression(point.suppressed, writer)
                        try writer.endElement()
                    }
                    try writer.endElement()
                }
                try writer.endElement()
            }
        }
        try writer.endElement()
    }

    private func writeDiagnostic(_ diagnostic: Diagnostic, _ writer: XMLStreamWriter) throws {
        try writer.startElement("diagnostic")
        try writer.attribute("severity", diagnostic.severity.rawValue)
        if let source = diagnostic.source { try writer.attribute("source", source) }
        if let line = diagnostic.line, line > 0 { try writer.attribute("line", String(line)) }
        try writer.text(diagnostic.message)
        try writer.endElement()
    }

    private func writeDataQuality(_ quality: DataQuality, _ writer: XMLStreamWriter) throws {
        try writer.startElement("dataQuality")
        try writer.attribute("rosterRows", String(quality.rosterRows))
        for reason in quality.suppressedValues.keys.sorted() {
            try writer.element("suppressed", attributes: [("reason", reason), ("count", String(quality.suppressedValues[reason] ?? 0))])
        }
        for scope in quality.suppressedScopes { try writer.element("suppressedScope", attributes: [("id", scope.id)]) }
        for diagnostic in quality.diagnostics { try writeDiagnostic(diagnostic, writer) }
        try writer.endElement()
    }

    private func writeMethodology(_ methodology: Methodology, _ writer: XMLStreamWriter) throws {
        try writer.startElement("methodology")
        try writer.attribute("minGroupSize", String(methodology.privacy.minGroupSize))
        try writer.attribute("comments", methodology.privacy.comments.rawValue)
        try writer.attribute("minCommentGroupSize", String(max(1, methodology.privacy.minCommentGroupSize)))
        for rule in methodology.healthModel { try writer.element("rule", text: rule) }
        for definition in methodology.metrics {
            var attributes = [("metric", definition.id)]
            if let signal = definition.signal { attributes.append(("signal", signal)) }
            try writer.element("definition", attributes: attributes, text: definition.definition)
        }
        try writer.endElement()
    }
}

extension NumberText {
    /// ``exact(_:)`` of `value` as attribute `name` of `row`, its digits written straight into
    /// the row: no string is made per number (issue 16).
    static func attribute(_ name: StaticString, _ value: Double, _ row: inout XMLRow) throws(LibXMLError) {
        if value == value.rounded(), abs(value) < 1e15 { return try row.attribute(name, Int(value)) }
        try row.attribute(name, shortest: value)
    }
}
