import Foundation
import OrgHealthKit
import OrgHealthRendering
import Testing

@Suite("Atomic report writing")
struct AtomicWriteTests {
    @Test("files are written owner-only, with no temporary files left behind")
    func permissions() async throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try ReportFixtures.hostileReport()
        let files = try ReportOutput(formats: [.html, .xml, .json]).write(report, to: folder.appendingPathComponent("out"))
        #expect(files.map(\.lastPathComponent) == ["health-report.html", "health-report.xml", "health-report.json"])
        for file in files {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(listing.sorted() == ["health-report.html", "health-report.json", "health-report.xml"])
    }

    @Test("a failed write leaves the earlier report untouched")
    func failureKeepsEarlier() async throws {
        let folder = try ReportFixtures.folder()
        defer {
            chmod(folder.path, 0o700)
            try? FileManager.default.removeItem(at: folder)
        }
        let earlier = folder.appendingPathComponent("health-report.html")
        try "earlier report".write(to: earlier, atomically: false, encoding: .utf8)
        // A folder that cannot be written to: staging fails before anything is replaced.
        chmod(folder.path, 0o500)
        let report = try ReportFixtures.hostileReport()
        if getuid() == 0 {
            // root ignores permissions; fail instead by making the XML target a folder.
            chmod(folder.path, 0o700)
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("health-report.xml"),
                                                    withIntermediateDirectories: true)
            try "x".write(to: folder.appendingPathComponent("health-report.xml/keep"), atomically: false, encoding: .utf8)
        }
        #expect(throws: (any Error).self) { try ReportOutput(formats: [.html, .xml]).write(report, to: folder) }
        #expect(try String(contentsOf: earlier, encoding: .utf8) == "earlier report")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}
