import Foundation
import OrgHealthKit

/// Renders a report in the requested formats and writes them into a folder, all or nothing:
/// every format is rendered in memory first, then each file is replaced atomically, so a
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
        var files: [(url: URL, contents: [UInt8])] = []
        for format in formats {
            let bytes = try ReportRenderers.renderer(for: format, heatmapOrder: heatmapOrder).render(report)
            files.append((directory.appendingPathComponent(format.fileName), bytes))
        }
        let writer = AtomicFileWriter()
        try writer.makeDirectory(directory)
        try writer.write(files)
        return files.map(\.url)
    }
}
