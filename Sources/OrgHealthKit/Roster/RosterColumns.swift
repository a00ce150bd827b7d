/// The roster's people as columns (issue 16): one array per field, with the strings many
/// people share — team, department, location, level — kept once in ``RosterStrings`` and
/// stored per person as numbers, dates as packed 32-bit numbers and managers as the manager's
/// position. About 70 bytes a person where a ``Person`` takes about 200 (plus the strings each
/// copy holds); ``person(at:)`` builds the `Person` when asked.
struct RosterColumns: Sendable {
    /// The fields whose text is interned, for ``spellings``.
    enum Field: Int, CaseIterable {
        case team, department, location, level, manager
    }

    /// No department, location, level or manager; no date.
    static let none: Int32 = -1

    var ids: [String] = []
    /// The manager: a position (≥ 0); ``none``; or, for a manager id that is nobody in the
    /// roster (a roster built by hand, or an unknown id before the reader repairs it),
    /// `-2 - code` of the id in ``strings``.
    var managers: [Int32] = []
    var teams: [Int32] = []
    var departments: [Int32] = []
    var locations = DefaultedColumn(empty: RosterColumns.none)
    var levels = DefaultedColumn(empty: RosterColumns.none)
    /// ``packed(_:)`` dates; 0 for none.
    var hireDates = DefaultedColumn(empty: 0)
    var endDates = DefaultedColumn(empty: 0)
    var names = SparseColumn<String>()
    var emails = SparseColumn<String>()
    var attributes = SparseColumn<[String: String]>()
    var strings = RosterStrings()
    /// A person's own spelling of an interned field when its bytes differ from the interned
    /// string it equals (`é` composed or decomposed: equal as `String`s, not as bytes), keyed
    /// by `position * 8 + field`; so every person reads back exactly what was read. Empty in
    /// practice.
    var spellings: [Int: String] = [:]

    var count: Int { ids.count }

    /// Room for `people` in all in the columns every person fills, so that they grow at most once.
    mutating func reserve(_ people: Int) {
        ids.reserveCapacity(people)
        managers.reserveCapacity(people)
        teams.reserveCapacity(people)
        departments.reserveCapacity(people)
    }

    /// Appends a person without a manager; the manager is set once everyone is in.
    mutating func append(
        id: String, team: String, department: String?, name: String?, email: String?, location: String?, level: String?,
        hireDate: CalendarDate? = nil, endDate: CalendarDate? = nil, attributes: [String: String]? = nil
    ) {
        let position = ids.count
        ids.append(id)
        managers.append(Self.none)
        teams.append(intern(team, .team, position))
        departments.append(department.map { intern($0, .department, position) } ?? Self.none)
        locations[position] = location.map { intern($0, .location, position) } ?? Self.none
        levels[position] = level.map { intern($0, .level, position) } ?? Self.none
        hireDates[position] = Self.packed(hireDate)
        endDates[position] = Self.packed(endDate)
        names.append(name, count: position)
        emails.append(email, count: position)
        self.attributes.append(attributes, count: position)
    }

    /// The code of `text`, noting the person's own spelling when it differs in bytes.
    mutating func intern(_ text: String, _ field: Field, _ position: Int) -> Int32 {
        // Rosters come grouped (a team's people together): text with the same bytes as the
        // field's last has its code, and differs from the interned spelling as that did,
        // without hashing it (issue 16: interning was a sixth of reading 10^6 people).
        if let last = lastInterned[field.rawValue], last.text.hasSameUTF8(as: text) {
            if last.ownSpelling { spellings[position * 8 + field.rawValue] = text }
            return last.code
        }
        let code = strings.number(of: text)
        let ownSpelling = !strings[code].hasSameUTF8(as: text)
        if ownSpelling { spellings[position * 8 + field.rawValue] = text }
        lastInterned[field.rawValue] = (text, code, ownSpelling)
        return code
    }

    /// Per field, the text last interned, its code, and whether it was a spelling of its own.
    private var lastInterned = [(text: String, code: Int32, ownSpelling: Bool)?](repeating: nil, count: Field.allCases.count)

    /// Sets a person's manager to someone in the roster (`manager` ≥ 0) or to an id that is
    /// nobody in it; `text` is the manager id as given.
    mutating func setManager(of position: Int, to manager: Int?, text: String) {
        if let manager {
            managers[position] = Int32(manager)
            if !ids[manager].hasSameUTF8(as: text) { spellings[position * 8 + Field.manager.rawValue] = text }
        } else {
            managers[position] = -2 - intern(text, .manager, position)
        }
    }

    /// Removes a person's manager link.
    mutating func removeManager(of position: Int) {
        managers[position] = Self.none
        if !spellings.isEmpty { spellings[position * 8 + Field.manager.rawValue] = nil }
    }

    /// The text of an interned field.
    private func text(_ code: Int32, _ field: Field, _ position: Int) -> String? {
        guard code >= 0 else { return nil }
        if !spellings.isEmpty, let own = spellings[position * 8 + field.rawValue] { return own }
        return strings[code]
    }

    /// The manager id of a person, as given.
    func managerID(at position: Int) -> String? {
        let manager = managers[position]
        if manager == Self.none { return nil }
        if !spellings.isEmpty, let own = spellings[position * 8 + Field.manager.rawValue] { return own }
        return manager >= 0 ? ids[Int(manager)] : strings[-2 - manager]
    }

    func team(at position: Int) -> String { text(teams[position], .team, position) ?? "" }

    /// The person at a position, built from the columns.
    func person(at position: Int) -> Person {
        Person(
            id: ids[position], managerID: managerID(at: position), team: team(at: position),
            department: text(departments[position], .department, position), name: names[position], email: emails[position],
            location: text(locations[position], .location, position), level: text(levels[position], .level, position),
            hireDate: Self.date(hireDates[position]), endDate: Self.date(endDates[position]), attributes: attributes[position])
    }

    /// A date as one number (`year << 9 | month << 5 | day`; years 1–9999), 0 for none.
    static func packed(_ date: CalendarDate?) -> Int32 {
        guard let date else { return 0 }
        return Int32(date.year << 9 | date.month << 5 | date.day)
    }

    /// The date of a ``packed(_:)`` number.
    static func date(_ packed: Int32) -> CalendarDate? {
        guard packed != 0 else { return nil }
        return CalendarDate(year: Int(packed >> 9), month: Int(packed >> 5 & 15), day: Int(packed & 31))
    }
}

/// Strings many people share (team, department, location and level names; manager ids that
/// are nobody in the roster), each kept once and numbered in order of first appearance.
typealias RosterStrings = InternTable<String>

/// A number column many rosters leave empty (locations, levels, dates): no storage until the
/// first value other than `empty` (issue 16: at 10^6 people each was 4 MB of `none`).
struct DefaultedColumn: Sendable {
    /// The value of every position never set to anything else.
    let empty: Int32
    private var values: [Int32] = []

    init(empty: Int32) { self.empty = empty }

    subscript(position: Int) -> Int32 {
        get { position < values.count ? values[position] : empty }
        set {
            if position < values.count {
                values[position] = newValue
            } else if newValue != empty {
                values.append(contentsOf: repeatElement(empty, count: position - values.count))
                values.append(newValue)
            }
        }
    }
}

/// A column most rosters leave empty (names, emails, extra attributes): no storage until
/// the first value.
struct SparseColumn<Value: Sendable>: Sendable {
    private var values: [Value?] = []

    /// Appends the value of the person at `count` (the number of people before it).
    mutating func append(_ value: Value?, count: Int) {
        guard value != nil || !values.isEmpty else { return }
        if values.count < count { values.append(contentsOf: repeatElement(nil, count: count - values.count)) }
        values.append(value)
    }

    subscript(position: Int) -> Value? {
        get { position < values.count ? values[position] : nil }
        set {
            if position < values.count {
                values[position] = newValue
            } else if let newValue {
                values.append(contentsOf: repeatElement(nil, count: position - values.count))
                values.append(newValue)
            }
        }
    }

    /// Whether no value was ever appended or set (every position reads `nil`).
    var isEmpty: Bool { values.isEmpty }

    /// Frees the storage (a column only needed while the roster is read).
    mutating func removeAll() { values = [] }
}
