import Foundation
import LibXML
import Testing

/// Headless Chromium, when installed (`.ci/run` installs it): the page as a real browser builds it.
enum Chromium {
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var available: Bool { executable != nil }

    /// The DOM after the browser loaded the page (and ran any script it would run).
    static func dumpDOM(of file: URL) throws -> String {
        guard let executable else { return "" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--dump-dom", file.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("Browser check (headless Chromium)", .enabled(if: Chromium.available, "Chromium is not installed"))
struct BrowserCheckTests {
    @Test("the example report's DOM has the summary, the heatmap and every analyzer section")
    func exampleSections() throws {
        let page = CLIRunner.repositoryRoot.appendingPathComponent("Reports/example/health-report.html")
        let dom = try Chromium.dumpDOM(of: page)
        let root = try #require(try HardenedParser.parseHTML(dom).root)
        let ids = Set(root.descendants(named: "section").compactMap { $0.attribute("id") })
        #expect(ids.isSuperset(of: ["summary", "heatmap", "data-quality", "methodology"]))
        let xml = try HardenedParser.parseXML(try Data(contentsOf: page.deletingLastPathComponent().appendingPathComponent("health-report.xml")))
        let analyzers = try #require(xml.root).descendants(named: "analyzer").compactMap { $0.attribute("id") }
        #expect(!analyzers.isEmpty)
        for analyzer in analyzers { #expect(ids.contains("analyzer-\(analyzer)"), "no section for \(analyzer)") }
        let title = root.descendants(named: "title").first?.textContent ?? ""
        #expect(title.hasPrefix("Northwind Labs"))
    }

    @Test("a <script> planted in a team name does not run: the title is unchanged")
    func plantedScript() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let team = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"
        let roster = "employee_id,manager_id,team,department\nE1,,\"\(team.replacingOccurrences(of: "\"", with: "\"\""))\",Ops\n"
            + (2...7).map { "E\($0),E1,\"\(team.replacingOccurrences(of: "\"", with: "\"\""))\",Ops" }.joined(separator: "\n") + "\n"
        try roster.write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        try "organization: Planted\nperiod: 2026-Q3\nroster: roster.csv\n"
            .write(to: folder.appendingPathComponent("orghealth.yml"), atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["report", "--config", folder.appendingPathComponent("orghealth.yml").path,
                                         "--format", "html", "--output", folder.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let dom = try Chromium.dumpDOM(of: folder.appendingPathComponent("health-report.html"))
        let root = try #require(try HardenedParser.parseHTML(dom).root)
        let title = root.descendants(named: "title").first?.textContent ?? ""
        #expect(title == "Planted — organizational health 2026-Q3")
        #expect(!dom.contains("pwned</title>"))
        #expect(root.descendants(named: "script").isEmpty)
        #expect(root.textContent.contains("<script>document.title='pwned'</script>"))
    }
}
