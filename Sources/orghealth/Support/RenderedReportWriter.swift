import Foundation
import OrgHealthEngine
import OrgHealthKit
import OrgHealthRendering

/// The report run's writer: OrgHealthRendering's renderers, atomic files and headless Chromium
/// (the engine never imports a renderer, so the executable joins them).
struct RenderedReportWriter: ReportWriter {
    /// The first Chromium found, or nil when none is installed.
    let printer = PDFPrinter()

    func write(_ report: HealthReport, formats: [ReportFormat], heatmapOrder: HeatmapOrder, to directory: URL) throws -> [URL] {
        try ReportOutput(formats: formats, heatmapOrder: heatmapOrder).write(report, to: directory)
    }

    func writeManagerIndex(_ lines: [ManagerIndexLine], of report: HealthReport, to file: URL) throws {
        let entries = lines.map {
            ManagerIndexRenderer.Entry(managerID: $0.managerID, name: $0.name, lineSize: $0.lineSize, link: $0.link, reason: $0.reason)
        }
        try AtomicFileWriter().makeDirectory(file.deletingLastPathComponent())
        try AtomicFileWriter().write([(file, try ManagerIndexRenderer().render(entries, report: report))])
    }

    var pdfUnavailableReason: String? { printer == nil ? PDFPrinter.installHint : nil }

    func printPDF(html: URL, to pdf: URL) throws {
        // The run asks pdfUnavailableReason before anything is written; this is only the fallback.
        guard let printer else { throw NoPDFPrinter() }
        try printer.print(html: html, to: pdf)
    }

    /// No Chromium to print with.
    struct NoPDFPrinter: Error, CustomStringConvertible {
        var description: String { PDFPrinter.installHint }
    }
}
