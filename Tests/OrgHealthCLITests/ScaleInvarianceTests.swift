import Foundation
import Testing

/// Pins the whole report of a mid-size generated organization while the pipeline is made
/// faster (issue 16): interning scopes and metric ids, the columnar roster and the parallel
/// gate must not change a byte of what is written.
@Suite("CLI: the report of a 2,000-person organization is unchanged by the scale work")
struct ScaleInvarianceTests {
    /// SHA-256 of `health-report.xml` and `.json` for `orghealth sample --employees 2000`
    /// (every source: roster, notes, reviews, survey), reported with `--no-history` at
    /// SOURCE_DATE_EPOCH=1790812800. Recorded from the code as it was before the scale work
    /// (commit 8df1a09, release build); not derived from the code under test. A deliberate
    /// change to report output changes them: record the new values with
    /// `sha256sum` of the files this test writes and say why in the commit.
    static let expected = [
        "health-report.xml": "7a8a8306cb7b1f6581d09123aafebb571530584e267c3e85b957af925c28225e",
        "health-report.json": "a6bf14ae0ffe87f15f4d8743a29f14e2d7dfec3ab496884773bf98d86a028666",
    ]

    @Test("XML and JSON of the 2,000-person sample are byte-identical to before the scale work")
    func twoThousandPeople() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("org")
        let environment = ["SOURCE_DATE_EPOCH": ExampleReportTests.epoch]
        let generated = try CLIRunner.run(["sample", "--employees", "2000", "--out", sample.path], environment: environment)
        #expect(generated.status == 0, "\(generated.stderr)")
        let output = folder.appendingPathComponent("out")
        let report = try CLIRunner.run(
            ["report", "--config", sample.appendingPathComponent("orghealth.yml").path, "--format", "xml,json",
             "--no-history", "--output", output.path],
            environment: environment)
        #expect(report.status == 0, "\(report.stderr)")
        for (name, digest) in Self.expected.sorted(by: { $0.key < $1.key }) {
            #expect(try Self.sha256(of: output.appendingPathComponent(name)) == digest, "\(name) changed")
        }
    }

    /// The file's SHA-256 by the system's `sha256sum` (coreutils), not by project code.
    static func sha256(of file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
