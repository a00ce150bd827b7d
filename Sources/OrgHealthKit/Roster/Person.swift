/// One row of the roster: a person, their manager and their place in the organization.
public struct Person: Codable, Sendable, Hashable {
    /// The unique employee id.
    public var id: String
    /// The direct manager's employee id; `nil` for the top of the organization.
    public var managerID: String?
    /// The team's name.
    public var team: String
    /// The department's name (the team's parent scope), if given.
    public var department: String?
    /// The display name, if given.
    public var name: String?
    /// The email address, if given; also matches people named in notes.
    public var email: String?
    /// The location, if given.
    public var location: String?
    /// The level, if given.
    public var level: String?
    /// The hire date, if given.
    public var hireDate: CalendarDate?
    /// The day the person left; `nil` while employed.
    public var endDate: CalendarDate?
    /// Values of extra roster columns named as cuts (config `cuts:`), by column header;
    /// `nil` when no extra column is cut.
    public var attributes: [String: String]?

    /// Creates a person.
    public init(
        id: String, managerID: String? = nil, team: String, department: String? = nil, name: String? = nil,
        email: String? = nil, location: String? = nil, level: String? = nil,
        hireDate: CalendarDate? = nil, endDate: CalendarDate? = nil, attributes: [String: String]? = nil
    ) {
        self.attributes = attributes
        self.id = id
        self.managerID = managerID
        self.team = team
        self.department = department
        self.name = name
        self.email = email
        self.location = location
        self.level = level
        self.hireDate = hireDate
        self.endDate = endDate
    }

    /// Whether the person is employed on a day: hired on or before it (or no hire date) and
    /// not left before it.
    public func isEmployed(on date: CalendarDate) -> Bool {
        if let hireDate, hireDate > date { return false }
        if let endDate, endDate < date { return false }
        return true
    }

    /// Whether the person is active in a period: hired on or before its last day (or no hire
    /// date) and with no end date before its first day.
    public func isActive(in period: ReportingPeriod) -> Bool {
        if let hireDate, hireDate > period.end { return false }
        if let endDate, endDate < period.start { return false }
        return true
    }
}
