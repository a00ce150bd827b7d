import Foundation
import OrgHealthKit
@testable import OrgHealthRendering
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The XML and CSV are streamed into their temporary files (issue 16); the atomic rename and
/// the all-or-nothing guarantee are unchanged.
@Suite("Streamed report output")
struct StreamedOutputTests {
    @Test("the streamed XML and CSV are byte-identical to the in-memory renderers")
    func streamedEqualsInMemory() async throws {
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try ReportFixtures.hostileReport()
        let files = try ReportOutput(formats: [.html, .xml, .csv, .json]).write(report, to: folder)
        let renderers: [any ReportRenderer] = [HTMLRenderer(), XMLRenderer(), CSVRenderer(), JSONRenderer()]
        for (file, renderer) in zip(files, renderers) {
            let written = try [UInt8](Data(contentsOf: file))
            #expect(written == (try renderer.render(report)), "\(file.lastPathComponent)")
        }
    }

    @Test("a renderer failing mid-stream leaves the earlier report and no temporary file")
    func failureMidStream() throws {
        struct Broken: Error {}
        let folder = try ReportFixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("health-report.html")
        let xml = folder.appendingPathComponent("health-report.xml")
        try "earlier html".write(to: html, atomically: false, encoding: .utf8)
        try "earlier xml".write(to: xml, atomically: false, encoding: .utf8)
        let files: [(url: URL, produce: (ReportFileStream) throws -> Void)] = [
            (html, { try $0.write("new html") }),
            // 3 MiB written (past the 1 MiB buffer, so on disk already), then the renderer fails.
            (xml, { stream in
                for _ in 0..<3 { try stream.write([UInt8](repeating: 0x41, count: 1 << 20)) }
                throw Broken()
            }),
        ]
        #expect(throws: Broken.self) { try AtomicFileWriter().write(streaming: files) }
        #expect(try String(contentsOf: html, encoding: .utf8) == "earlier html")
        #expect(try String(contentsOf: xml, encoding: .utf8) == "earlier xml")
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(listing == ["health-report.html", "health-report.xml"])
    }

    @Test("a full disk while streaming the XML names the file and the system's reason")
    func fullDisk() async throws {
        let report = try ReportFixtures.hostileReport()
        // /dev/full: every write(2) fails with ENOSPC, as on a full disk.
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let target = URL(fileURLWithPath: "/reports/health-report.xml")
        let error = #expect(throws: OutputError.self) {
            try XMLRenderer().write(report, to: ReportFileStream(descriptor: descriptor, target: target))
        }
        #expect(error?.path == "/reports/health-report.xml")
        #expect(error?.message.contains(String(cString: strerror(ENOSPC))) == true)
    }
}
