import Foundation
import Testing

@Suite("CLI: --format pdf prints the HTML with headless Chromium", .enabled(if: Chromium.available, "Chromium is not installed"))
struct PDFOutputTests {
    @Test("pdf brings the HTML with it, and the PDF is a PDF of several pages with no file path in it")
    func printsPDF() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIRunner.run(["demo", "--employees", "60", "--format", "pdf", "--output", folder.path],
                                        environment: ["SOURCE_DATE_EPOCH": ExampleReportTests.epoch])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = folder.appendingPathComponent("health-report.html")
        let pdf = folder.appendingPathComponent("health-report.pdf")
        #expect(FileManager.default.fileExists(atPath: html.path), "the PDF must never be the only output")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("health-report.xml").path))
        let bytes = try Data(contentsOf: pdf)
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        // The page count, from poppler's pdfinfo when installed (.ci/run installs poppler-utils).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") {
            let info = Process()
            info.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
            info.arguments = [pdf.path]
            let out = Pipe()
            info.standardOutput = out
            try info.run()
            let report = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            info.waitUntilExit()
            let pages = report.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
            #expect((pages ?? 0) >= 2, "pdfinfo: \(report)")
        }
        #expect(!text.contains(folder.path), "the PDF shows the file's local path")
    }
}
