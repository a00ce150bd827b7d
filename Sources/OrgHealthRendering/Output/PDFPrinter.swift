import Foundation

/// Prints the HTML report to PDF with headless Chromium (the print stylesheet sets pages,
/// margins and page numbers; Chromium's own header and footer — the file path and the print
/// date — are switched off). The PDF goes to a temporary file in the same folder and is then
/// renamed over the target, so a reader never sees half a PDF.
public struct PDFPrinter: Sendable {
    /// Where Chromium is looked for, in order.
    public static let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]

    /// What to tell someone without Chromium.
    public static let installHint =
        "--format pdf prints the HTML report with headless Chromium, which is not installed. "
        + "Install it (Debian/Ubuntu: apt-get install chromium; macOS: install Google Chrome) or leave pdf out of --format"

    /// The browser used.
    public let executable: URL

    /// A printer with the first Chromium found, or nil when none is installed.
    public init?() {
        guard let path = Self.candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        executable = URL(fileURLWithPath: path)
    }

    /// Prints `html` to `pdf`.
    public func print(html: URL, to pdf: URL) throws(OutputError) {
        let temporary = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).\(UUID().uuidString)")
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--print-to-pdf=\(temporary.path)", html.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw OutputError(path: pdf.path, message: "cannot start \(executable.path): \(error.localizedDescription)")
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let written = (try? FileManager.default.attributesOfItem(atPath: temporary.path)[.size] as? Int) ?? 0  // no file: size 0, reported below
        guard process.terminationStatus == 0, written > 0 else {
            try? FileManager.default.removeItem(at: temporary)  // nothing to clean up when Chromium wrote nothing
            let detail = String(decoding: stderr.suffix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw OutputError(path: pdf.path, message: "Chromium could not print the report (exit \(process.terminationStatus))"
                + (detail.isEmpty ? "" : ": \(detail)"))
        }
        chmod(temporary.path, 0o600)
        guard rename(temporary.path, pdf.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)  // the rename's error is the one reported
            throw OutputError(path: pdf.path, message: "cannot replace the file: \(reason)")
        }
    }
}
