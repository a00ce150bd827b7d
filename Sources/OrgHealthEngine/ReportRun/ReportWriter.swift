import Foundation
import OrgHealthKit

/// How a report run puts bytes on disk. The run decides what is written where and when; the
/// writer renders and writes. The engine never imports a renderer (docs/ARCHITECTURE.md), so
/// the `orghealth` executable hands the run a writer built on OrgHealthRendering.
public protocol ReportWriter: Sendable {
    /// Renders `report` in each format and writes the files into `directory` (made if
    /// missing), each replaced atomically; returns the files, in format order.
    func write(_ report: HealthReport, formats: [ReportFormat], heatmapOrder: HeatmapOrder, to directory: URL) throws -> [URL]

    /// Writes `managers/index.html`: which manager got which report, who got none and why.
    func writeManagerIndex(_ lines: [ManagerIndexLine], of report: HealthReport, to file: URL) throws

    /// Why a PDF cannot be printed here (and what to install), or nil when it can.
    var pdfUnavailableReason: String? { get }

    /// Prints the HTML report `html` to `pdf`.
    func printPDF(html: URL, to pdf: URL) throws
}

/// One manager's line in `managers/index.html`.
public struct ManagerIndexLine: Sendable, Equatable {
    /// The manager's employee id.
    public let managerID: String
    /// The manager's name, when known.
    public let name: String?
    /// People in their line.
    public let lineSize: Int
    /// The report's path relative to the index, when one was written.
    public let link: String?
    /// Why no report was written.
    public let reason: String?
}
