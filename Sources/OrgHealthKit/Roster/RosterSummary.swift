/// What a roster holds for one period, as `orghealth validate` prints it: people read,
/// headcount at the period's start and end, hires and leavers in the period, manager links,
/// and how the file was read.
public struct RosterSummary: Sendable, Equatable {
    /// Data rows read (header excluded), skipped rows included.
    public let rowsRead: Int
    /// People kept.
    public let people: Int
    /// People employed on the period's first day.
    public let employedAtStart: Int
    /// People employed on the period's last day.
    public let employedAtEnd: Int
    /// People hired within the period.
    public let hires: Int
    /// People whose end date falls within the period.
    public let leavers: Int
    /// How the file was read.
    public let facts: RosterReader.Facts

    /// Sums up a roster read for a period.
    public init(_ output: RosterReader.Output, period: ReportingPeriod) {
        let people = output.roster.people
        rowsRead = output.rowsRead
        self.people = people.count
        employedAtStart = people.filter { $0.isEmployed(on: period.start) }.count
        employedAtEnd = people.filter { $0.isEmployed(on: period.end) }.count
        hires = people.filter { $0.hireDate.map(period.contains) ?? false }.count
        leavers = people.filter { $0.endDate.map(period.contains) ?? false }.count
        facts = output.facts
    }

    /// The summary as `label: value` lines. The delimiter and encoding are "—" for a workbook
    /// or an XML roster.
    public var lines: [String] {
        let format: String
        if let dateFormat = facts.dateFormat {
            format = dateFormat.pattern + (facts.dateFormatInferred ? " (inferred from the values)" : "")
        } else {
            format = "— (no dates)"
        }
        let managers = facts.hasManagerInformation
            ? "\(facts.managersLinked) linked, \(facts.managersUnlinked) unlinked (by \(facts.managerBy.rawValue))"
            : "none (the roster has no \(facts.managerBy.column) column)"
        var lines = [
            "people read: \(people) (\(rowsRead) rows)",
            "employed: \(employedAtStart) at the period's start, \(employedAtEnd) at its end",
            "hires in the period: \(hires); leavers in the period: \(leavers)",
            "managers: \(managers)",
            "date format: \(format)",
        ]
        if facts.leftWithoutEndDate > 0 {
            lines.append("status says left, no end date: \(facts.leftWithoutEndDate)")
        }
        if let delimiter = facts.delimiter {
            lines.append("delimiter: \(delimiter.name); encoding: \((facts.encoding ?? .utf8).rawValue)")
        } else {
            lines.append("delimiter: —; encoding: —")
        }
        return lines
    }
}
