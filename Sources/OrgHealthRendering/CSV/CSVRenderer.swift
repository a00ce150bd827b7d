import OrgHealthKit

/// Renders the report's figures as a tidy CSV, one figure per row, for the spreadsheet people
/// open next: every analyzer's metrics (as gated: a withheld value is empty and its reason
/// given), then the health model's index and dimension scores per scope.
///
/// Columns: `analyzer, metric, scope_kind, scope, value, n, suppressed_reason, change,
/// significant`. Values are plain, unrounded numbers (ratios 0–1, as in XML and JSON).
/// UTF-8, LF line ends, a header row.
public struct CSVRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public var format: ReportFormat { .csv }

    /// The header row.
    public static let columns = [
        "analyzer", "metric", "scope_kind", "scope", "value", "n", "suppressed_reason", "change", "significant",
    ]

    /// The `analyzer` column of the health model's own figures.
    public static let healthModel = "health-model"

    public func render(_ report: HealthReport) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try emitLines(report) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Streams the rows into the file: the same bytes as ``render(_:)`` without the whole
    /// table in memory.
    public func write(_ report: HealthReport, to file: ReportFileStream) throws {
        try emitLines(report) { try file.write($0) }
    }

    /// Hands every line, header first, each with its line end, to `emit` in pieces. The rows of
    /// the analyzers' figures and of the scopes are built on every core (``OrderedPieces``).
    private func emitLines(_ report: HealthReport, _ emit: ([UInt8]) throws -> Void) throws {
        try emit(Array((Self.columns.joined(separator: ",") + "\n").utf8))
        for run in report.analyzers {
            let metrics = run.result.metrics, analyzer = run.descriptor.id
            try OrderedPieces.write(count: metrics.count, build: { range, bytes in
                for index in range { Self.appendMetricLine(metrics[index], analyzer: analyzer, to: &bytes) }
            }, emit: emit)
        }
        var bytes: [UInt8] = []
        Self.appendHealthRows(scope: .org, index: report.summary.healthIndex, indexTrend: report.summary.healthIndexTrend,
                              dimensions: report.summary.dimensions, headcount: report.summary.headcount, to: &bytes)
        try emit(bytes)
        let scopes = report.scopes
        try OrderedPieces.write(count: scopes.count, build: { range, bytes in
            for index in range {
                let scope = scopes[index]
                Self.appendHealthRows(scope: scope.scope, index: scope.healthIndex, indexTrend: nil,
                                      dimensions: scope.dimensions, headcount: scope.headcount, to: &bytes)
            }
        }, emit: emit)
    }

    /// An analyzer's figure.
    private static func appendMetricLine(_ metric: Metric, analyzer: String, to bytes: inout [UInt8]) {
        appendLine([
            .text(analyzer), .text(metric.id), .text(metric.scope.kind.rawValue), .text(scopeName(metric.scope)),
            metric.suppressed == nil ? metric.value.map(CSVCell.number) ?? .empty : .empty,
            .integer(metric.n), metric.suppressed.map { .text($0.rawValue) } ?? .empty,
            metric.trend.map(CSVCell.number) ?? .empty, significance(metric.significant),
        ], to: &bytes)
    }

    /// The health index and each dimension score of one scope. The index's n is the scope's
    /// headcount; a dimension's n is the largest n behind it.
    private static func appendHealthRows(
        scope: Scope, index: Double?, indexTrend: Double?, dimensions: [DimensionScore], headcount: Int, to bytes: inout [UInt8]
    ) {
        appendLine([
            .text(Self.healthModel), .text("health.index"), .text(scope.kind.rawValue), .text(scopeName(scope)),
            index.map(CSVCell.number) ?? .empty, .integer(headcount), .empty, indexTrend.map(CSVCell.number) ?? .empty, .empty,
        ], to: &bytes)
        for score in dimensions {
            appendLine([
                .text(Self.healthModel), .text("health.dimension.\(score.dimension.rawValue)"), .text(scope.kind.rawValue),
                .text(scopeName(scope)), score.suppressed ? .empty : score.score.map(CSVCell.number) ?? .empty,
                .integer(score.n), score.suppressed ? .text("withheld") : .empty,
                score.trend.map(CSVCell.number) ?? .empty, significance(score.significant),
            ], to: &bytes)
        }
    }

    /// The scope's name as the reports write it after the colon (`org` for the organization).
    private static func scopeName(_ scope: Scope) -> String { scope == .org ? "org" : scope.name }

    private static func significance(_ significant: Bool?) -> CSVCell {
        significant.map { .text($0 ? "true" : "false") } ?? .empty
    }

    /// The cells, comma-separated, and a line end.
    private static func appendLine(_ cells: [CSVCell], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            cell.append(to: &bytes)
        }
        bytes.append(0x0A)
    }
}
