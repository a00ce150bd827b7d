import Foundation
import LibXML
import OrgHealthKit

/// A roster from a Workday report-as-a-service XML export: read with the hardened streaming
/// reader, then turned into people by the same rules as a CSV roster.
enum WorkdayRosterSource {
    static func read(_ url: URL, with reader: RosterReader) throws(RosterError) -> RosterReader.Output {
        let source = url.lastPathComponent
        let report: WorkdayReport
        do {
            report = try WorkdayReport.read(contentsOf: url)
        } catch {
            throw RosterError(
                "\(source)\(error.line.map { ":\($0)" } ?? ""): \(error.message); a .xml roster must be a Workday "
                    + "report-as-a-service export (wd:Report_Data), without a DOCTYPE or entities")
        }
        return try reader.read(columns: report.columns, rows: report.rows, source: source)
    }
}
