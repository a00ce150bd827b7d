import Foundation
import OrgHealthKit

/// Renders the report as JSON: the ``HealthReport`` model itself, keys sorted, numbers
/// unrounded, suppressed values absent.
public struct JSONRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public var format: ReportFormat { .json }

    /// The document built in memory by Foundation's `JSONEncoder`: the reference the streamed
    /// ``write(_:to:)`` is tested against.
    public func render(_ report: HealthReport) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(report)) + [0x0A]
    }

    /// Streams the document into the file (``JSONTextWriter``): the same bytes as
    /// ``render(_:)`` without the document, or Foundation's tree of it, in memory.
    public func write(_ report: HealthReport, to file: ReportFileStream) throws {
        var writer = JSONTextWriter { bytes in try file.write(bytes) }
        try writer.writeDocument(report)
    }
}
