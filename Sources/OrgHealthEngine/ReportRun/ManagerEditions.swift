import Foundation
import OrgHealthKit
import Synchronization

extension ReportRun {
    /// `--audience managers`: `managers/<id>/health-report.html` and `.xml` for every manager
    /// whose line reaches the minimum group size, and `managers/index.html` for HR. The
    /// editions are made and written on every core (issue 16), and listed in the managers'
    /// order; when one cannot be written, the first such failure in that order is the error.
    func writeManagerEditions(
        _ report: HealthReport, roster: Roster, configuration: Configuration, directory: URL, writer: any ReportWriter
    ) throws(ReportRunError) -> [URL] {
        let folder = directory.appendingPathComponent("managers")
        let audience = ManagerAudience(roster: roster, minGroupSize: configuration.privacy.minGroupSize)
        let plan = audience.plan(for: report)
        // Folder names in the managers' order, for those whose line gets an edition.
        var used: Set<String> = []
        let names = plan.managers.map { manager -> String? in
            guard manager.lineSize >= audience.minGroupSize else { return nil }
            var name = ManagerFolderName.make(manager.id)
            while !used.insert(name).inserted { name += "_" }
            return name
        }
        let heatmapOrder = configuration.output.heatmapOrder
        // Made here, owner-only as the writer makes folders, not by two editions at once.
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReportRunError(.output, "the manager reports could not be written: cannot create \(folder.path): \(error.localizedDescription)")
        }
        let outcomes = Mutex<[Result<(ManagerIndexLine, [URL]), any Error>?]>(Array(repeating: nil, count: plan.managers.count))
        DispatchQueue.concurrentPerform(iterations: plan.managers.count) { position in
            let edition = audience.edition(of: report, for: plan.managers[position], in: plan)
            let outcome: Result<(ManagerIndexLine, [URL]), any Error>
            if let managerReport = edition.report, let name = names[position] {
                outcome = Result {
                    let files = try writer.write(managerReport, formats: [.html, .xml], heatmapOrder: heatmapOrder,
                                                 to: folder.appendingPathComponent(name))
                    return (ManagerIndexLine(managerID: edition.managerID, name: edition.name, lineSize: edition.lineSize,
                                             link: "\(name)/health-report.html", reason: nil), files)
                }
            } else {
                outcome = .success((ManagerIndexLine(managerID: edition.managerID, name: edition.name,
                                                     lineSize: edition.lineSize, link: nil, reason: edition.reason), []))
            }
            outcomes.withLock { $0[position] = outcome }
        }
        var files: [URL] = []
        var lines: [ManagerIndexLine] = []
        do {
            for outcome in outcomes.withLock({ $0 }) {
                guard let (line, written) = try outcome?.get() else { continue }
                lines.append(line)
                files += written
            }
            let index = folder.appendingPathComponent("index.html")
            try writer.writeManagerIndex(lines, of: report, to: index)
            files.append(index)
        } catch {
            throw ReportRunError(.output, "the manager reports could not be written: \(error)")
        }
        return files
    }
}

/// A folder name for a manager's id: letters, digits, `-`, `_` and `.` kept, anything else
/// (a slash, a space) becomes `_`, so an id can never leave the `managers/` folder.
enum ManagerFolderName {
    static func make(_ id: String) -> String {
        let safe = String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
        return safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "_" + safe : safe
    }
}
