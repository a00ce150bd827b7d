import Foundation
import OrgHealthKit

/// Renders a report in the requested formats and writes them into a folder, all or nothing:
/// every format is streamed into a temporary file beside its target first (the XML, JSON and CSV
/// without building the document in memory), then each file is replaced atomically, so a
/// failed run leaves an earlier report untouched.
public struct ReportOutput: Sendable {
    /// The formats to write.
    public let formats: [ReportFormat]
    /// How the HTML heatmap orders departments and teams.
    public let heatmapOrder: HeatmapOrder

    /// Creates an output.
    public init(formats: [ReportFormat], heatmapOrder: HeatmapOrder = .worstFirst) {
        self.formats = formats
        self.heatmapOrder = heatmapOrder
    }

    /// Renders and writes; returns the files written, in format order.
    public func write(_ report: HealthReport, to directory: URL) throws -> [URL] {
        let files = formats.map { format in
            let renderer = ReportRenderers.renderer(for: format, heatmapOrder: heatmapOrder)
            return (url: directory.appendingPathComponent(format.fileName),
                    produce: { (file: ReportFileStream) throws in try renderer.write(report, to: file) })
        }
        let writer = AtomicFileWriter()
        try writer.makeDirectory(directory)
        try writer.write(streaming: files)
        return files.map(\.url)
    }
}
