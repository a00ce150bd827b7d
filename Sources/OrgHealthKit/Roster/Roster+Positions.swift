/// The roster by position (issue 16): an analyzer that walks everyone in every scope asks
/// these instead of building a ``Person`` — ten strings — per member per scope. A position
/// is a person's place in ``Roster/people`` (`0..<count`).
extension Roster {
    /// The number of people (``people``' count).
    public var count: Int { store.columns.count }

    /// Calls `body` with the position of everyone in a scope, employed or not, in roster order.
    public func forEachPosition(of scope: Scope, _ body: (Int) throws -> Void) rethrows {
        if case .line = scope {
            return try forEachMember(of: scope) { person in
                if let position = position(ofID: person.id) { try body(position) }
            }
        }
        for position in memberPositions(of: scope) { try body(position) }
    }

    /// The person at a position.
    public func person(at position: Int) -> Person { store.columns.person(at: position) }

    /// The employee id at a position.
    public func id(at position: Int) -> String { store.columns.ids[position] }

    /// The name at a position, when the roster has one.
    public func name(at position: Int) -> String? { store.columns.names[position] }

    /// The e-mail at a position, when the roster has one.
    public func email(at position: Int) -> String? { store.columns.emails[position] }

    /// The position of the person's manager when the manager is in the roster.
    public func managerPosition(at position: Int) -> Int? {
        let manager = store.columns.managers[position]
        return manager >= 0 ? Int(manager) : nil
    }

    /// Whether the person at a position has no manager id at all (the top, or a link the
    /// reader removed); a manager id that is nobody in the roster is still a manager id.
    public func hasNoManager(at position: Int) -> Bool { store.columns.managers[position] == RosterColumns.none }

    /// The number of managers above the person at a position (``managementDepth(of:)``).
    public func managementDepth(at position: Int) -> Int { Int(store.depths.value[position]) }

    /// The hire date at a position.
    public func hireDate(at position: Int) -> CalendarDate? { RosterColumns.date(store.columns.hireDates[position]) }

    /// The end date at a position.
    public func endDate(at position: Int) -> CalendarDate? { RosterColumns.date(store.columns.endDates[position]) }

    /// Whether the person at a position is employed on a day (``Person/isEmployed(on:)``),
    /// read from the packed date columns.
    public func isEmployed(at position: Int, on date: CalendarDate) -> Bool {
        let day = RosterColumns.packed(date)
        let hired = store.columns.hireDates[position], ended = store.columns.endDates[position]
        // Packed dates compare as the dates do; 0 is "none".
        return (hired == 0 || hired <= day) && (ended == 0 || ended >= day)
    }

    /// Whether the person at a position is active in a period (``Person/isActive(in:)``).
    public func isActive(at position: Int, in period: ReportingPeriod) -> Bool {
        let hired = store.columns.hireDates[position], ended = store.columns.endDates[position]
        return (hired == 0 || hired <= RosterColumns.packed(period.end))
            && (ended == 0 || ended >= RosterColumns.packed(period.start))
    }

    /// The team at a position.
    public func team(at position: Int) -> String { store.columns.team(at: position) }
}
