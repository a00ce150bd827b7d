import LibXML
import OrgHealthKit

/// `managers/index.html`, for HR: which manager got which report, and who got none and why.
public struct ManagerIndexRenderer: Sendable {
    /// One manager's line in the index.
    public struct Entry: Sendable {
        /// The manager's employee id.
        public let managerID: String
        /// The manager's name, when known.
        public let name: String?
        /// People in their line.
        public let lineSize: Int
        /// The report's path relative to the index, when one was written.
        public let link: String?
        /// Why no report was written.
        public let reason: String?

        /// Creates an entry.
        public init(managerID: String, name: String?, lineSize: Int, link: String?, reason: String?) {
            self.managerID = managerID
            self.name = name
            self.lineSize = lineSize
            self.link = link
            self.reason = reason
        }
    }

    /// Creates the renderer.
    public init() {}

    public func render(_ entries: [Entry], report: HealthReport) throws -> [UInt8] {
        let document = try HTMLDocumentBuilder(language: "en")
        document.head.element("meta", [("charset", "utf-8")])
        document.head.element("meta", [("http-equiv", "Content-Security-Policy"), ("content", HTMLRenderer.contentSecurityPolicy)])
        document.head.element("title", text: "\(report.organization) — manager reports \(report.period.label)")
        try document.head.style(HTMLStyles.css)
        let main = document.body.element("main")
        main.element("h1", text: "\(report.organization): manager reports, \(report.period.label)")
        let written = entries.filter { $0.link != nil }
        main.element("p", [("class", "muted")],
                     text: "For HR. \(written.count) of \(entries.count) managers get a report of their own: those whose line "
                         + "(direct and indirect reports) has at least \(report.methodology.privacy.minGroupSize) people. "
                         + "Each report holds their line's figures beside their department's and the organization's, and "
                         + "names no one else.")
        let table = main.element("table", [("id", "manager-index")])
        table.element("caption", text: "Managers and their reports")
        let head = table.element("thead").element("tr")
        for (column, numeric) in [("Manager", false), ("Employee id", false), ("Line", true), ("Report", false)] {
            head.element("th", numeric ? [("scope", "col"), ("class", "num")] : [("scope", "col")], text: column)
        }
        let body = table.element("tbody")
        for entry in entries {
            let row = body.element("tr")
            row.element("th", [("scope", "row")], text: entry.name ?? entry.managerID)
            row.element("td", text: entry.managerID)
            row.element("td", [("class", "num")], text: String(entry.lineSize))
            let cell = row.element("td")
            if let link = entry.link {
                cell.element("a", [("href", link)], text: "health-report.html")
            } else {
                cell.text("none: \(entry.reason ?? "not written")")
            }
        }
        return Array(try document.serialize().utf8)
    }
}
