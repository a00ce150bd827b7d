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
    /// Counted from the roster's date columns by position, not a ``Person`` per person
    /// (10^6 people: 0.3 s of `validate`, issue 16).
    public init(_ output: RosterReader.Output, period: ReportingPeriod) {
        let roster = output.roster
        rowsRead = output.rowsRead
        people = roster.count
        var employedAtStart = 0, employedAtEnd = 0, hires = 0, leavers = 0
        for position in 0..<roster.count {
            if roster.isEmployed(at: position, on: period.start) { employedAtStart += 1 }
            if roster.isEmployed(at: position, on: period.end) { employedAtEnd += 1 }
            if roster.hireDate(at: position).map(period.contains) ?? false { hires += 1 }
            if roster.endDate(at: position).map(period.contains) ?? false { leavers += 1 }
        }
        (self.employedAtStart, self.employedAtEnd, self.hires, self.leavers) = (employedAtStart, employedAtEnd, hires, leavers)
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
