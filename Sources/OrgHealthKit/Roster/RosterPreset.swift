/// The default export headers of an HR system, so its roster export reads without mapping
/// each column by hand. Each canonical column has one or more headers, tried in order; the
/// first present in the file is used. Explicit `columns.roster` entries win over a preset.
///
/// The headers come from the vendors' own documentation; docs/INPUTS.md cites each source.
public enum RosterPreset: String, Sendable, CaseIterable {
    case workday, bamboohr, hibob, personio, rippling

    /// How this system's export names the manager.
    public var managerBy: ManagerKey {
        switch self {
        case .workday: return .id
        case .bamboohr, .hibob, .personio: return .name
        case .rippling: return .email
        }
    }

    /// Canonical column → the headers this system exports it under, most likely first.
    public var headers: [String: [String]] {
        switch self {
        case .workday:
            // Workday custom reports (RaaS): field names are XML element names, e.g. a
            // worker's `Employee_ID` and the manager reference's `Employee_ID`.
            return [
                "employee_id": ["Employee_ID", "Worker_ID"],
                "manager_id": ["Manager.Employee_ID", "Manager_ID", "Manager_Employee_ID"],
                "name": ["Full_Name", "Worker", "Legal_Name"],
                "email": ["Email", "Work_Email", "Email_-_Work"],
                "team": ["Team_Name", "Supervisory_Organization", "Team"],
                "department": ["Department", "Cost_Center"],
                "location": ["Location"],
                "hire_date": ["Hire_Date", "Start_Date"],
                "end_date": ["Termination_Date"],
                "status": ["Worker_Status", "Employee_Status", "Active_Status"],
            ]
        case .bamboohr:
            // BambooHR reports use the fields' display names; BambooHR has no teams, so the
            // department is the team and the division its parent.
            return [
                "employee_id": ["Employee #", "Employee Number", "Employee ID"],
                "manager_name": ["Supervisor", "Reporting to"],
                "manager_id": ["Supervisor EID", "Supervisor ID"],
                "manager_email": ["Supervisor Email"],
                "name": ["Display Name", "Full Name"],
                "first_name": ["First Name", "Preferred Name"],
                "last_name": ["Last Name"],
                "email": ["Work Email", "Email"],
                "team": ["Department", "Team"],
                "department": ["Division"],
                "location": ["Location"],
                "hire_date": ["Hire Date", "Original Hire Date"],
                "end_date": ["Termination Date"],
                "status": ["Status", "Employment Status"],
            ]
        case .hibob:
            return [
                "employee_id": ["Employee ID", "ID"],
                "manager_name": ["Reports to", "Manager"],
                "manager_email": ["Reports to email", "Manager email"],
                "manager_id": ["Reports to ID", "Manager ID"],
                "name": ["Display name", "Full name"],
                "first_name": ["First name"],
                "last_name": ["Last name", "Surname"],
                "email": ["Email", "Work email"],
                "team": ["Team", "Department"],
                "department": ["Department", "Division"],
                "location": ["Site"],
                "hire_date": ["Start date"],
                "end_date": ["Termination date"],
                "status": ["Lifecycle status", "Status"],
            ]
        case .personio:
            return [
                "employee_id": ["ID", "Employee ID"],
                "manager_name": ["Supervisor"],
                "manager_email": ["Supervisor email"],
                "manager_id": ["Supervisor ID"],
                "first_name": ["First name"],
                "last_name": ["Last name"],
                "email": ["Email"],
                "team": ["Team", "Department"],
                "department": ["Department"],
                "location": ["Office"],
                "hire_date": ["Hire date"],
                "end_date": ["Termination date", "Contract ends"],
                "status": ["Status"],
            ]
        case .rippling:
            return [
                "employee_id": ["Employee ID", "Employee number", "Work email"],
                "manager_email": ["Manager - Work email", "Manager work email", "Manager email"],
                "manager_name": ["Manager", "Manager name"],
                "name": ["Employee name", "Name"],
                "first_name": ["Legal first name", "Preferred first name", "First name"],
                "last_name": ["Legal last name", "Last name"],
                "email": ["Work email", "Email"],
                "team": ["Teams", "Team", "Department"],
                "department": ["Department"],
                "location": ["Work location"],
                "hire_date": ["Start date"],
                "end_date": ["Termination date", "End date"],
                "status": ["Employment status", "Role state"],
            ]
        }
    }

    /// The presets' names, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
