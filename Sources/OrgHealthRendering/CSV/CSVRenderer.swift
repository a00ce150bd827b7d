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
        var lines: [String] = []
        emitLines(report) { lines.append($0) }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Streams the rows into the file one by one: the same bytes as ``render(_:)`` without the
    /// whole table in memory.
    public func write(_ report: HealthReport, to file: ReportFileStream) throws {
        var failure: OutputError?
        emitLines(report) { line in
            guard failure == nil else { return }
            do throws(OutputError) { try file.write(line + "\n") } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Hands every line (without its line end), header first, to `emit`.
    private func emitLines(_ report: HealthReport, _ emit: (String) -> Void) {
        emit(Self.columns.joined(separator: ","))
        for run in report.analyzers {
            for metric in run.result.metrics {
                emit(line([
                    .text(run.descriptor.id), .text(metric.id), .text(metric.scope.kind.rawValue), .text(scopeName(metric.scope)),
                    metric.suppressed == nil ? metric.value.map(CSVCell.number) ?? .empty : .empty,
                    .integer(metric.n), metric.suppressed.map { .text($0.rawValue) } ?? .empty,
                    metric.trend.map(CSVCell.number) ?? .empty, significance(metric.significant),
                ]))
            }
        }
        healthRows(scope: .org, index: report.summary.healthIndex,
                   indexTrend: report.summary.healthIndexTrend,
                   dimensions: report.summary.dimensions, headcount: report.summary.headcount).forEach(emit)
        for scope in report.scopes {
            healthRows(scope: scope.scope, index: scope.healthIndex, indexTrend: nil,
                       dimensions: scope.dimensions, headcount: scope.headcount).forEach(emit)
        }
    }

    /// The health index and each dimension score of one scope. The index's n is the scope's
    /// headcount; a dimension's n is the largest n behind it.
    private func healthRows(
        scope: Scope, index: Double?, indexTrend: Double?, dimensions: [DimensionScore], headcount: Int
    ) -> [String] {
        var rows = [line([
            .text(Self.healthModel), .text("health.index"), .text(scope.kind.rawValue), .text(scopeName(scope)),
            index.map(CSVCell.number) ?? .empty, .integer(headcount), .empty, indexTrend.map(CSVCell.number) ?? .empty, .empty,
        ])]
        for score in dimensions {
            rows.append(line([
                .text(Self.healthModel), .text("health.dimension.\(score.dimension.rawValue)"), .text(scope.kind.rawValue),
                .text(scopeName(scope)), score.suppressed ? .empty : score.score.map(CSVCell.number) ?? .empty,
                .integer(score.n), score.suppressed ? .text("withheld") : .empty,
                score.trend.map(CSVCell.number) ?? .empty, significance(score.significant),
            ]))
        }
        return rows
    }

    /// The scope's name as the reports write it after the colon (`org` for the organization).
    private func scopeName(_ scope: Scope) -> String { scope == .org ? "org" : scope.name }

    private func significance(_ significant: Bool?) -> CSVCell {
        significant.map { .text($0 ? "true" : "false") } ?? .empty
    }

    private func line(_ cells: [CSVCell]) -> String { cells.map(\.written).joined(separator: ",") }
}
