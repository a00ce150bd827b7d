/// How a roster export is to be read: the `roster:` mapping of the config
/// (docs/CONFIGURATION.md). Every option has a default, so `RosterOptions()` reads a roster
/// with canonical columns, ISO dates and managers by employee id.
public struct RosterOptions: Sendable, Equatable {
    /// The dates' format; `nil` infers it from the values (ISO when they are ISO).
    public var dateFormat: RosterDateFormat?
    /// Which column names each person's manager; `nil` takes the preset's, else ``ManagerKey/id``.
    public var managerBy: ManagerKey?
    /// The HR system whose default export headers are used for columns not mapped explicitly.
    public var preset: RosterPreset?
    /// The header of the employment-status column (overrides the preset's and `columns.roster.status`).
    public var status: String?
    /// Whether people whose status says they left, but who have no end date, count as leavers
    /// (as having left on the period's first day). Otherwise they count as employed, and the
    /// data-quality section says how many.
    public var statusMeansLeft: Bool
    /// How the file's bytes are read: delimiter, encoding, workbook sheet (the roster's
    /// `delimiter`, `encoding`, `sheet`); by default the delimiter is detected and the file is UTF-8.
    public var tabular: TabularOptions
    /// The attributes results are also cut by (config `cuts:`): the reader keeps the values of
    /// extra columns named here, and refuses a roster without the column a cut needs.
    public var cuts: [RosterCut] = []

    /// Creates options.
    public init(
        dateFormat: RosterDateFormat? = nil, managerBy: ManagerKey? = nil, preset: RosterPreset? = nil,
        status: String? = nil, statusMeansLeft: Bool = false, tabular: TabularOptions = TabularOptions()
    ) {
        self.dateFormat = dateFormat
        self.managerBy = managerBy
        self.preset = preset
        self.status = status
        self.statusMeansLeft = statusMeansLeft
        self.tabular = tabular
    }

    /// The manager key in effect: the explicit one, else the preset's, else the employee id.
    public var effectiveManagerBy: ManagerKey { managerBy ?? preset?.managerBy ?? .id }
}

/// How a roster row names its manager.
public enum ManagerKey: String, Sendable, CaseIterable {
    /// By employee id, in the `manager_id` column.
    case id
    /// By email, in the `manager_email` column, matched case-insensitively against `email`.
    case email
    /// By name, in the `manager_name` column: "First Last" or "Last, First", matched against
    /// `name` (or `first_name` + `last_name`) with case and runs of spaces ignored.
    case name

    /// The canonical column that holds the manager for this key.
    public var column: String {
        switch self {
        case .id: return "manager_id"
        case .email: return "manager_email"
        case .name: return "manager_name"
        }
    }
}
