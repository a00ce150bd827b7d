/// Writes a roster as CSV with the canonical column names, so that ``RosterReader`` (with no
/// column mapping) reads back the same people.
///
/// The host hands every external analyzer such a normalized copy of the roster, whatever the
/// HRIS export's own headers were; an analyzer's tests can use it to build fixtures.
public enum RosterWriter {
    /// The canonical columns, in the order they are written.
    public static let columns = [
        "employee_id", "name", "email", "manager_id", "team", "department", "location", "level", "hire_date", "end_date",
    ]

    /// The roster as CSV text: a header row, then one row per person in roster order, lines
    /// ending in `\n`. Fields holding a comma, a quote or a line break are quoted.
    public static func csv(_ roster: Roster) -> String {
        var text = row(columns)
        for person in roster.people {
            text += row([
                person.id, person.name ?? "", person.email ?? "", person.managerID ?? "", person.team,
                person.department ?? "", person.location ?? "", person.level ?? "",
                person.hireDate?.description ?? "", person.endDate?.description ?? "",
            ])
        }
        return text
    }

    /// One CSV line.
    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\n"
    }

    /// A field, quoted when it needs to be.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        var text = "\""
        for character in field {
            if character == "\"" { text.append("\"") }
            text.append(character)
        }
        return text + "\""
    }
}
