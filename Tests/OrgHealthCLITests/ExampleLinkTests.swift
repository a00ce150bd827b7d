import Foundation
import Testing

/// The committed example must not link to files it does not hold: the manager index links
/// to every manager's report, but only one (`E0006`) is committed, so the committed index is
/// the generated one with the other links replaced by a note (``ExampleManagerIndex``).
@Suite("CLI: links in the committed example resolve")
struct ExampleLinkTests {
    @Test("every relative link in Reports/example/**/*.html resolves to a committed file")
    func linksResolve() throws {
        let root = CLIRunner.repositoryRoot.appendingPathComponent("Reports/example")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "html" } ?? []
        #expect(files.count >= 4)  // hr, organization, managers/index, managers/E0006
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range(at: 1), in: text) else { continue }
                let link = String(text[range])
                // In-page anchors and absolute URLs are not files of the example.
                if link.isEmpty || link.hasPrefix("#") || link.contains("://") || link.hasPrefix("mailto:") || link.hasPrefix("data:") {
                    continue
                }
                let path = String(link.prefix { $0 != "#" && $0 != "?" })
                let target = file.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path),
                        "\(file.path.replacingOccurrences(of: root.path, with: "Reports/example")) links to \(link), which is not committed")
            }
        }
    }

    @Test("the committed edition of the manager index replaces only links to uncommitted reports")
    func indexEdition() {
        // Two rows as ManagerIndexRenderer writes them: E0006 committed, E0007 not.
        let html = #"<td><a href="E0006/health-report.html">health-report.html</a></td><td><a href="E0007/health-report.html">health-report.html</a></td>"#
        let edition = ExampleManagerIndex.edition(of: html, committed: ["E0006"])
        #expect(edition == #"<td><a href="E0006/health-report.html">health-report.html</a></td><td>written for E0007; not included in this example</td>"#)
    }
}

/// The committed edition of `managers/index.html`: links to reports the example does not hold
/// become "written for <folder>; not included in this example".
enum ExampleManagerIndex {
    static func edition(of html: String, committed: Set<String>) -> String {
        guard let pattern = try? NSRegularExpression(pattern: #"<a href="([^"/]+)/health-report\.html">health-report\.html</a>"#)
        else { return html }  // a constant pattern: it compiles, and the comparison would fail visibly anyway
        var result = html
        for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).reversed() {
            guard let whole = Range(match.range, in: html), let folderRange = Range(match.range(at: 1), in: html) else { continue }
            let folder = String(html[folderRange])
            guard !committed.contains(folder) else { continue }
            result.replaceSubrange(whole, with: "written for \(folder); not included in this example")
        }
        return result
    }
}

@Suite("CLI: attribute cuts in the committed example")
struct ExampleCutTests {
    /// The demo config cuts by location, level and tenure (SampleConfigWriter). The committed
    /// example matches what the code generates (ExampleReportTests), so checking it checks the code.
    @Test("HR's and the organization's editions have the by-attribute view; a manager's report has no cut at all")
    func cutsPerAudience() throws {
        let root = CLIRunner.repositoryRoot.appendingPathComponent("Reports/example")
        for name in ["health-report.html", "organization/health-report.html"] {
            let html = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            #expect(html.contains(#"<section id="by-attribute""#), "\(name) lacks the by-attribute view")
            for caption in ["By level", "By location", "By tenure"] { #expect(html.contains(caption), "\(name) lacks \(caption)") }
        }
        let xml = try String(contentsOf: root.appendingPathComponent("health-report.xml"), encoding: .utf8)
        #expect(xml.contains(#"kind="attribute""#) && xml.contains(#"scope="attribute:tenure=0-1y""#))
        // Manager reports leave cuts out: a small line beside a location's figures invites intersection attacks.
        for name in ["managers/E0006/health-report.html", "managers/E0006/health-report.xml"] {
            let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("attribute:") && !text.contains("by-attribute"), "\(name) holds an attribute cut")
        }
    }
}
