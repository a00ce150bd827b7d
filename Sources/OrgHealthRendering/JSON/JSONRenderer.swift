import Foundation
import OrgHealthKit

/// Renders the report as JSON: the ``HealthReport`` model itself, keys sorted, numbers
/// unrounded, suppressed values absent.
public struct JSONRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public var format: ReportFormat { .json }

    public func render(_ report: HealthReport) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(report)) + [0x0A]
    }
}
