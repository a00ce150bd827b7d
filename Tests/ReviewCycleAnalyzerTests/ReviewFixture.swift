import Foundation
import OrgHealthKit
import Testing
@testable import ReviewCycleAnalyzer

/// The header of FORMATS.md, in its order.
let reviewHeader = "cycle_id,reviewee_id,reviewer_id,relationship,status,due_date,submitted_at,rating,comment"

/// A small literal organization and review file, run through the analyzer for 2026-Q3
/// (2026-07-01 … 2026-09-30).
struct ReviewFixture {
    var roster: String
    var reviews: String
    var fileName = "reviews.csv"
    var minGroupSize = 5
    var options: [String: ConfigValue] = [:]

    /// Writes the review file to a fresh temporary folder and analyzes it.
    func run() async throws -> AnalyzerResult {
        let roster = try RosterReader().read(csv: roster).roster
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("review-cycle-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName)
        try Data(reviews.utf8).write(to: file)
        let context = AnalysisContext(
            organization: "Fixture", period: try ReportingPeriod(parsing: "2026-Q3"), roster: roster,
            inputs: ["review-cycles": [file]], options: AnalyzerOptions(options),
            privacy: PrivacyPolicy(minGroupSize: minGroupSize))
        return try await ReviewCycleAnalyzer().analyze(context)
    }
}

extension AnalyzerResult {
    /// The metric with this id at this scope.
    func metric(_ id: String, _ scope: Scope = .org) -> Metric? {
        metrics.first { $0.id == id && $0.scope == scope }
    }

    /// The value of the metric with this id at this scope.
    func value(_ id: String, _ scope: Scope = .org) -> Double? {
        metric(id, scope)?.value
    }

    /// The signal of a dimension with this basis at this scope.
    func signal(_ dimension: HealthDimension, _ basis: String, _ scope: Scope = .org) -> HealthSignal? {
        signals.first { $0.dimension == dimension && $0.basis == basis && $0.scope == scope }
    }

    /// Every table row and chart point of the sections.
    var references: [DataReference] {
        sections.flatMap(\.blocks).flatMap { block -> [DataReference] in
            switch block {
            case .table(let table): return table.rows.compactMap(\.ref)
            case .chart(let chart): return chart.series.flatMap(\.points).compactMap(\.ref)
            case .text: return []
            }
        }
    }

    /// Everything a reader of the report could see, as JSON text.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}

/// `abs(a - b) < 1e-12`: for figures that are exact fractions but computed in floating point.
func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) < 1e-12
}
