import Foundation
import OrgHealthKit

/// Renders a ``HealthReport`` in one format. Renderers are pure: the same report gives the
/// same bytes.
public protocol ReportRenderer: Sendable {
    /// The format produced.
    var format: ReportFormat { get }
    /// The rendered document.
    func render(_ report: HealthReport) throws -> [UInt8]
    /// Writes the rendered document into `file`, the same bytes as ``render(_:)``. The
    /// default renders in memory and writes the result; the XML, JSON and CSV renderers stream, so
    /// their memory does not grow with the number of figures.
    func write(_ report: HealthReport, to file: ReportFileStream) throws
}

extension ReportRenderer {
    public func write(_ report: HealthReport, to file: ReportFileStream) throws {
        try file.write(render(report))
    }
}

/// The renderer of each format.
public enum ReportRenderers {
    /// The renderer for a format.
    public static func renderer(for format: ReportFormat, heatmapOrder: HeatmapOrder = .worstFirst) -> any ReportRenderer {
        switch format {
        case .html: return HTMLRenderer(heatmapOrder: heatmapOrder)
        case .xml: return XMLRenderer()
        case .json: return JSONRenderer()
        case .csv: return CSVRenderer()
        }
    }
}

/// A rendering failure (libxml2 refused to write, or encoding failed).
public struct RenderError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let message: String
    public var description: String { message }
}

/// The bundled XML schema of the report.
public enum ReportSchema {
    /// The XSD text, as printed by `orghealth schema`.
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "health-report", withExtension: "xsd") else {
            throw RenderError(message: "the bundled schema health-report.xsd is missing from the installation")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The report namespace.
    public static let namespace = "urn:orghealth:report:1"
}

/// Number formats shared by the renderers.
enum NumberText {
    /// The shortest decimal that round-trips the double (XML and JSON: unrounded).
    static func exact(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return value.description
    }
}
