import Foundation
import OrgHealthKit

extension ConfigReader {
    /// `cuts: [location, level, tenure]` — the roster attributes results are also given by.
    /// Any roster column may be named (whether the roster has it is checked when the roster is
    /// read, naming its columns). Columns that place people in teams, departments or
    /// management lines are refused: crossing them with a cut would single people out (the
    /// intersection attack), and so are columns that identify a person.
    func readCuts(_ value: YAMLValue) throws(ConfigError) -> [RosterCut] {
        let items: [YAMLValue]
        switch value {
        case .sequence(let list, _): items = list
        case .null: items = []
        default: items = [value]
        }
        var cuts: [RosterCut] = []
        for item in items {
            let name = try scalar(item, "cuts").trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw error(item.line, "cuts", "an entry is blank; name a roster column such as location") }
            guard !name.contains("="), !name.contains(":") else {
                throw error(item.line, "cuts", "'\(name)' is not a column name ('=' and ':' are not allowed); "
                                + "cuts are single attributes such as location, level or tenure")
            }
            let lower = name.lowercased()
            if ["team", "department", "manager", "manager_id", "manager_email", "manager_name"].contains(lower) {
                throw error(item.line, "cuts", "'\(name)' cannot be a cut: results are already given by team, department "
                                + "and manager, and crossing them with attributes would single people out; "
                                + "cut by attributes such as location, level or tenure")
            }
            if RosterCut.refusedNames.contains(lower) {
                throw error(item.line, "cuts", "'\(name)' cannot be a cut: it identifies a person or is a date; "
                                + (lower == "hire_date" ? "use tenure, which bands the hire date" : "cut by location, level or tenure"))
            }
            let cut = RosterCut(RosterCut.builtInNames.contains(lower) ? lower : name)
            guard !cuts.contains(cut) else { throw error(item.line, "cuts", "'\(name)' appears twice") }
            cuts.append(cut)
        }
        return cuts
    }
}
