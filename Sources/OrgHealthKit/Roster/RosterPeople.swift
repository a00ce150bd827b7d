/// Everyone in a roster, in input order: a collection of ``Person`` values built from the
/// roster's columns when read (issue 16), so a roster of a million people does not hold a
/// million `Person` values. Indexed from 0 like an array; `Array(roster.people)` makes one.
public struct RosterPeople: RandomAccessCollection, Sendable {
    let store: RosterStore

    public var startIndex: Int { 0 }
    public var endIndex: Int { store.columns.count }

    public subscript(position: Int) -> Person { store.columns.person(at: position) }
}

extension RosterPeople: Equatable {
    public static func == (lhs: RosterPeople, rhs: RosterPeople) -> Bool {
        lhs.store === rhs.store || lhs.elementsEqual(rhs)
    }

    /// Whether the roster holds exactly these people, in this order.
    public static func == (lhs: RosterPeople, rhs: [Person]) -> Bool { lhs.elementsEqual(rhs) }

    /// Whether the roster holds exactly these people, in this order.
    public static func == (lhs: [Person], rhs: RosterPeople) -> Bool { lhs.elementsEqual(rhs) }
}

/// A roster's columns and indexes, shared by every copy of the roster (a roster is a value;
/// these never change once built).
final class RosterStore: Sendable {
    let columns: RosterColumns
    /// Everyone by exact employee id.
    let keys: RosterKeyIndex
    /// Everyone by lowercased employee id and email address (``Roster/person(matching:)``),
    /// built on first use: a survey grouped by a team column, or the org structure alone,
    /// never asks, and at 10^6 people the table is 17 MB and 0.2 s (issue 16).
    private let matchingKeys: BuiltOnFirstUse<RosterKeyIndex>

    /// The matching keys, built by the first caller (another waits for it).
    var matching: RosterKeyIndex { matchingKeys.value }
    /// Direct reports by their manager's position.
    let reports: RosterGroups
    /// Direct reports of manager ids that are nobody in the roster, by the id's code in
    /// `columns.strings` (a roster built by hand; the reader removes such links).
    let outsideReports: [Int32: [Int32]]
    /// Members by the team's code in `columns.strings`.
    let teams: RosterGroups
    /// The department of each team (by code, both in `columns.strings`), or `RosterColumns.none`.
    let departmentOfTeam: [Int32]
    /// Members by the department's code (of their team's department), in roster order.
    let departments: RosterGroups
    /// The number of managers above each person, worked out on first use (issue 16: 0.16 s
    /// at 10^6 people, which the roster's reading, before anything else can run, no longer
    /// waits for; the org structure asks for them beside the other analyzers).
    let depths: BuiltOnFirstUse<[Int32]>

    init(
        columns: RosterColumns, keys: RosterKeyIndex, reports: RosterGroups, outsideReports: [Int32: [Int32]],
        teams: RosterGroups, departmentOfTeam: [Int32], departments: RosterGroups, depths: @escaping @Sendable () -> [Int32]
    ) {
        self.columns = columns
        self.keys = keys
        matchingKeys = BuiltOnFirstUse { RosterKeyIndex.matchingKeys(of: columns) }
        self.reports = reports
        self.outsideReports = outsideReports
        self.teams = teams
        self.departmentOfTeam = departmentOfTeam
        self.departments = departments
        self.depths = BuiltOnFirstUse(depths)
    }
}
