import OrgHealthKit

/// Writes `roster.csv`: one row per person, sorted by id, with three planted data-quality
/// problems the report should surface (a duplicated id, an unknown manager id, a hire date in
/// a non-ISO format).
struct RosterGenerator {
    let chart: SampleOrgChart

    static let header = [
        "employee_id", "name", "email", "manager_id", "team", "department", "location", "level", "hire_date", "end_date",
    ]

    /// The file's text and its number of data rows.
    func csv() -> (text: String, rows: Int) {
        let cast = chart.cast
        var text = CSVText.row(Self.header)
        text.reserveCapacity(chart.people.count * 110)
        var rows = 0
        var duplicateRow = ""
        for (index, person) in chart.people.enumerated() {
            var fields = fields(of: person)
            if index == cast.unknownManagerPerson { fields[3] = cast.unknownManagerID }
            if index == cast.unparseableHireDatePerson {
                let date = person.hireDate
                fields[8] = pad(date.day) + "/" + pad(date.month) + "/" + String(date.year)
            }
            text += CSVText.row(fields)
            rows += 1
            if index == cast.duplicatedPerson {
                // The same id again, as an HRIS re-import of a transfer leaves it: another location.
                var copy = fields
                copy[6] = SampleNames.locations.first { $0 != person.location } ?? person.location
                duplicateRow = CSVText.row(copy)
            }
        }
        // The duplicate sits near the end, where appended re-imports land.
        if !duplicateRow.isEmpty {
            text += duplicateRow
            rows += 1
        }
        return (text, rows)
    }

    private func fields(of person: SamplePerson) -> [String] {
        let team = chart.teams[person.teamIndex]
        return [
            person.id, person.name, person.email,
            person.managerIndex.map { chart.people[$0].id } ?? "",
            team.name, team.department, person.location, person.level,
            person.hireDate.description, person.endDate?.description ?? "",
        ]
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
