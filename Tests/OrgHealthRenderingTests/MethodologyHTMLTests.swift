import LibXML
import OrgHealthKit
import OrgHealthRendering
import Testing

/// The methodology's privacy rules name the free text each analyzer declares in its
/// descriptor; the renderer itself knows no analyzer.
@Suite("HTML: the methodology's free-text rule comes from the descriptors")
struct MethodologyHTMLTests {
    /// The privacy rules (the first list of the methodology section) as text.
    static func privacyRules(_ report: HealthReport) throws -> [String] {
        let document = try HardenedParser.parseHTML(try HTMLRenderer().render(report))
        let root = try #require(document.root)
        let section = try #require(root.descendants(named: "section").first { $0.attribute("id") == "methodology" })
        let list = try #require(section.descendants(named: "ul").first)
        return list.children.filter { $0.name == "li" }.map(\.textContent)
    }

    static func run(_ id: String, _ freeText: [FreeTextDeclaration]?) -> AnalyzerRun {
        var descriptor = AnalyzerDescriptor(id: id, name: id, version: "1.0.0", summary: "Planted.")
        descriptor.freeText = freeText
        return AnalyzerRun(descriptor: descriptor, status: .ok)
    }

    @Test("text under the comment policy gets the policy's rule, the rest is listed as never shown, in report order")
    func declared() throws {
        var report = try ReportFixtures.hostileReport()
        report.analyzers = [
            Self.run("a", nil),
            Self.run("notes", [FreeTextDeclaration(name: "one-on-one notes")]),
            Self.run("reviews", [FreeTextDeclaration(name: "review comments")]),
            Self.run("survey", [FreeTextDeclaration(name: "survey comments", followsCommentPolicy: true)]),
        ]
        let rules = try Self.privacyRules(report)
        // By hand: the default policy shows comments as theme counts for groups of at least 5.
        #expect(rules.last == "Survey comments: shown only as theme counts, for groups of at least 5. "
            + "One-on-one notes and review comments never appear.")
    }

    @Test("three hidden texts are listed with commas; a single one stands alone")
    func lists() throws {
        var report = try ReportFixtures.hostileReport()
        report.analyzers = [Self.run("x", [FreeTextDeclaration(name: "chat logs"), FreeTextDeclaration(name: "e-mails")]),
                            Self.run("y", [FreeTextDeclaration(name: "tickets")])]
        #expect(try Self.privacyRules(report).last == "Chat logs, e-mails and tickets never appear.")
        report.analyzers = [Self.run("y", [FreeTextDeclaration(name: "tickets")])]
        #expect(try Self.privacyRules(report).last == "Tickets never appear.")
    }

    @Test("without declared free text there is no free-text rule, only the two group-size rules")
    func none() throws {
        var report = try ReportFixtures.hostileReport()
        report.analyzers = [Self.run("a", nil), Self.run("b", [])]
        let rules = try Self.privacyRules(report)
        #expect(rules.count == 2)
        #expect(rules.allSatisfy { !$0.contains("never appear") && !$0.contains("comments") })
    }
}
