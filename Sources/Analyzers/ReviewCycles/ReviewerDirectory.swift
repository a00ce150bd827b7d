import OrgHealthKit

/// Numbers reviewers: roster people by their roster index, anyone else (a reviewer who has
/// left, an external peer) after them, by id.
struct ReviewerDirectory: Sendable {
    private let groups: ReviewGroups
    private let roster: Roster
    private var others: [String: Int] = [:]
    private(set) var otherIDs: [String] = []

    init(roster: Roster, groups: ReviewGroups) {
        self.roster = roster
        self.groups = groups
    }

    /// The roster index of the person an id or e-mail names (exact id first, then
    /// case-insensitive id or e-mail).
    func rosterIndex(of id: String) -> Int? {
        if let index = groups.indexByID[id] { return index }
        guard let person = roster.person(matching: id) else { return nil }
        return groups.indexByID[person.id]
    }

    /// The reviewer's number.
    mutating func number(of id: String) -> Int {
        if let index = rosterIndex(of: id) { return index }
        if let number = others[id] { return number }
        let number = roster.people.count + otherIDs.count
        others[id] = number
        otherIDs.append(id)
        return number
    }

    /// The employee id behind a number.
    func id(of number: Int) -> String {
        number < roster.people.count ? roster.people[number].id : otherIDs[number - roster.people.count]
    }
}
