import OrgHealthKit

/// The privacy rules for reporting lines (`line:<id>`), applied after the other scopes'
/// suppression is resolved. A line overlaps the org's other groups, so it only ever adds
/// information: these rules withhold line figures and never change another scope's.
///
/// Per family (a metric id; a signal's dimension and basis), until nothing changes:
/// - **R1** a line under the minimum group size is withheld (`SuppressionPlan` did that).
/// - **R2** a visible line is withheld when a visible figure of a group nested with it — the
///   org, the team or department holding the whole line, a team or department wholly inside
///   it, the direct reports of its manager or of anyone in it, a line inside it — differs from
///   it by more than 0 and less than the minimum group size (the difference is a small group).
/// - **R3** a line is exactly the direct reports of its manager plus, for each direct report
///   with reports, everyone below that report — given by their own line when it is visible,
///   else again by that report's direct reports plus the lines or groups below them. What the
///   visible parts leave over (a withheld part, or a part no figure covers) is withheld when
///   it is over 0 and under the minimum group size; and the line is withheld when a part of
///   it was withheld as `secondary` (it would be the line minus the other parts). The teams
///   wholly inside a line, and the departments, are a second and a third partition, with the
///   same remainder rule; the `secondary` rule applies to them when they cover the whole line.
///
/// A line whose n equals that of a visible team, department, org or manager group nested with
/// it counts the same people (the people of one contain the other's), so it repeats that
/// figure; when no visible line lies inside it, it is shown whatever the rules above say
/// (anything it gives, the other scopes give already). Withheld lines cascade: a withheld line is a withheld part of the line above.
struct LineSuppression {
    /// The nesting over everyone in the roster and, with a period, over the people active in
    /// it; a line is shown only when the rules allow it under each (figures count people of
    /// the period, so pairs nesting over those people nest for the figures, though some do
    /// not over everyone).
    let structures: [LineStructure]

    /// The rules over a roster's lines, or `nil` when no cell is a line's (nothing to do).
    init?(roster: Roster, period: ReportingPeriod?, plan: SuppressionPlan) {
        guard plan.hasLineScopes else { return nil }
        structures = Self.structures(roster: roster, period: period)
    }

    /// The rules with nestings already built (``LineStructures``), or `nil` when no cell is a line's.
    init?(_ structures: LineStructures, plan: SuppressionPlan) {
        guard plan.hasLineScopes else { return nil }
        self.structures = structures.value
    }

    /// The nesting over everyone and, with a period, over the people active in it.
    static func structures(roster: Roster, period: ReportingPeriod?) -> [LineStructure] {
        // One tree for both: it depends on the roster alone.
        let tree = ReportingTree(roster: roster)
        let managers = LineStructure.Managers(tree: tree)
        var structures = [LineStructure(roster: roster, tree: tree, managers: managers)]
        if let period {
            let active = (0..<roster.count).map { roster.isActive(at: $0, in: period) }
            if active.contains(false) {
                structures.append(LineStructure(roster: roster, tree: tree, managers: managers, counted: active))
            }
        }
        return structures
    }

    /// The line cells to withhold besides those already withheld, by cell index, with the reason.
    func withheld(_ plan: SuppressionPlan, minGroupSize: Int) -> [Int: SuppressionReason] {
        let cells = plan.cells
        var families: [Int32: [Int]] = [:]
        for (index, cell) in cells.enumerated() { families[cell.family, default: []].append(index) }
        var withheld: [Int: SuppressionReason] = [:]
        // By slot: every nesting of a roster has the same managers (``LineStructure/Managers``).
        var scratch = Scratch(count: structures[0].managersBottomUp.count)
        for members in families.values where members.contains(where: { plan.scope(number: cells[$0].scope).kind == .line }) {
            // Under each nesting in turn, until neither withholds more (withholding only grows).
            var count = -1
            while count != withheld.count {
                count = withheld.count
                for structure in structures {
                    resolve(members, plan, structure: structure, minGroupSize: minGroupSize, scratch: &scratch, into: &withheld)
                }
            }
        }
        return withheld
    }

    /// A family's figures, by the numbers the structure uses.
    private struct Family {
        var org: Int?
        var teams: [Int32: Int] = [:]
        var departments: [Int32: Int] = [:]
        var managers: [Int: Int] = [:]
        var lines: [Int: Int] = [:]
    }

    /// A number per manager slot, kept in 32 bits. The numbers are people counts and -1, and a
    /// roster holds fewer than 2^30 people (``RosterKeyIndex``), so they always fit.
    private struct SlotCounts {
        private var values: [Int32]

        init(repeating value: Int, count: Int) { values = Array(repeating: Int32(value), count: count) }

        subscript(slot: Int) -> Int {
            get { Int(values[slot]) }
            set { values[slot] = Int32(newValue) }
        }
    }

    /// Per manager, by slot (``LineStructure/managerSlot``), the running figures of one pass; reused
    /// across families.
    private struct Scratch {
        /// The largest visible team, department, direct-report group and line inside each
        /// person's line, kept apart: groups of one kind are disjoint (lines nest), so the
        /// largest of a kind is the one closest to the line.
        var maxTeamInside: SlotCounts
        var maxDepartmentInside: SlotCounts
        var maxManagerInside: SlotCounts
        var maxLineInside: SlotCounts
        var teamSum: SlotCounts
        var teamSecondary: [Bool]
        var departmentSum: SlotCounts
        var departmentSecondary: [Bool]
        var partsVisible: SlotCounts
        var partSecondary: [Bool]

        init(count: Int) {
            maxTeamInside = SlotCounts(repeating: -1, count: count)
            maxDepartmentInside = SlotCounts(repeating: -1, count: count)
            maxManagerInside = SlotCounts(repeating: -1, count: count)
            maxLineInside = SlotCounts(repeating: -1, count: count)
            teamSum = SlotCounts(repeating: 0, count: count)
            teamSecondary = Array(repeating: false, count: count)
            departmentSum = SlotCounts(repeating: 0, count: count)
            departmentSecondary = Array(repeating: false, count: count)
            partsVisible = SlotCounts(repeating: 0, count: count)
            partSecondary = Array(repeating: false, count: count)
        }

        mutating func reset(_ slots: Range<Int>) {
            for index in slots {
                maxTeamInside[index] = -1
                maxDepartmentInside[index] = -1
                maxManagerInside[index] = -1
                maxLineInside[index] = -1
                teamSum[index] = 0
                teamSecondary[index] = false
                departmentSum[index] = 0
                departmentSecondary[index] = false
                partsVisible[index] = 0
                partSecondary[index] = false
            }
        }
    }

    private func resolve(
        _ members: [Int], _ plan: SuppressionPlan, structure: LineStructure, minGroupSize: Int, scratch: inout Scratch,
        into withheld: inout [Int: SuppressionReason]
    ) {
        let cells = plan.cells
        var family = Family()
        for index in members {
            switch plan.scope(number: cells[index].scope) {
            case .org: family.org = index
            case .team(let name): if let number = structure.teamNumbers[name] { family.teams[number] = index }
            case .department(let name): if let number = structure.departmentNumbers[name] { family.departments[number] = index }
            case .manager(let id): if let person = structure.position(ofID: id) { family.managers[person] = index }
            case .line(let id): if let person = structure.position(ofID: id) { family.lines[person] = index }
            case .attribute: break
            }
        }
        func reason(_ index: Int) -> SuppressionReason? { cells[index].reason ?? withheld[index] }
        /// The n of a visible cell, else nil.
        func visible(_ index: Int?) -> Int? { index.flatMap { reason($0) == nil ? cells[$0].n : nil } }
        func secondary(_ index: Int?) -> Bool { index.map { reason($0) == .secondary } ?? false }
        func small(_ difference: Int) -> Bool { difference != 0 && abs(difference) < minGroupSize }

        var changed = true
        while changed {
            changed = false
            scratch.reset(structure.managersBottomUp.indices)
            for (slot, person) in structure.managersBottomUp.enumerated() {
                // Teams and departments lying wholly below this person.
                for team in structure.teamsAnchoredAt[person] ?? [] {
                    if let n = visible(family.teams[team]) {
                        scratch.maxTeamInside[slot] = max(scratch.maxTeamInside[slot], n)
                        scratch.teamSum[slot] += n
                    }
                    if secondary(family.teams[team]) { scratch.teamSecondary[slot] = true }
                }
                for department in structure.departmentsAnchoredAt[person] ?? [] {
                    if let n = visible(family.departments[department]) {
                        scratch.maxDepartmentInside[slot] = max(scratch.maxDepartmentInside[slot], n)
                        scratch.departmentSum[slot] += n
                    }
                    if secondary(family.departments[department]) { scratch.departmentSecondary[slot] = true }
                }
                // The direct reports of this person: a part of their line.
                if let n = visible(family.managers[person]) {
                    scratch.maxManagerInside[slot] = max(scratch.maxManagerInside[slot], n)
                    scratch.partsVisible[slot] += n
                }
                if secondary(family.managers[person]) { scratch.partSecondary[slot] = true }

                let line = family.lines[person]
                if let line, let n = visible(line), withholds(slot, n: n, structure: structure, family: family, scratch: scratch,
                                                             visible: visible, small: small) {
                    withheld[line] = .secondary
                    changed = true
                }
                let managerSlot = Int(structure.managerSlot[slot])
                guard managerSlot >= 0 else { continue }
                // (Everyone iterated has reports, so is a part below their manager.)
                scratch.maxTeamInside[managerSlot] = max(scratch.maxTeamInside[managerSlot], scratch.maxTeamInside[slot])
                scratch.maxDepartmentInside[managerSlot] = max(scratch.maxDepartmentInside[managerSlot], scratch.maxDepartmentInside[slot])
                scratch.maxManagerInside[managerSlot] = max(scratch.maxManagerInside[managerSlot], scratch.maxManagerInside[slot])
                scratch.maxLineInside[managerSlot] = max(scratch.maxLineInside[managerSlot], scratch.maxLineInside[slot])
                scratch.teamSum[managerSlot] += scratch.teamSum[slot]
                scratch.departmentSum[managerSlot] += scratch.departmentSum[slot]
                if scratch.teamSecondary[slot] { scratch.teamSecondary[managerSlot] = true }
                if scratch.departmentSecondary[slot] { scratch.departmentSecondary[managerSlot] = true }
                // Everyone below this person: their line when visible, else its parts.
                if let n = visible(line) {
                    scratch.maxLineInside[managerSlot] = max(scratch.maxLineInside[managerSlot], n)
                    scratch.partsVisible[managerSlot] += n
                } else {
                    if secondary(line) || scratch.partSecondary[slot] { scratch.partSecondary[managerSlot] = true }
                    scratch.partsVisible[managerSlot] += scratch.partsVisible[slot]
                }
            }
        }
    }

    /// Whether the visible line of the manager in `slot`, of `n`, must be withheld (rules R2 and R3).
    private func withholds(
        _ slot: Int, n: Int, structure: LineStructure, family: Family, scratch: Scratch, visible: (Int?) -> Int?,
        small: (Int) -> Bool
    ) -> Bool {
        // Looked at in place, not gathered into arrays: this runs for every visible line of
        // every family, pass after pass (issue 16).
        let team = structure.teamBelow[slot], department = structure.departmentBelow[slot]
        // The visible groups holding the whole line: the org, its team, its department.
        let org = visible(family.org)
        let holdingTeam = team >= 0 ? visible(family.teams[team]) : nil
        let holdingDepartment = department >= 0 ? visible(family.departments[department]) : nil
        // The largest visible groups of each kind inside it (-1: none).
        let teamInside = scratch.maxTeamInside[slot], departmentInside = scratch.maxDepartmentInside[slot]
        let managerInside = scratch.maxManagerInside[slot], lineInside = scratch.maxLineInside[slot]
        // A line that counts the same people as a visible team, department, org or manager group
        // nested with it repeats that group's figure; with no visible line inside it, whatever it
        // gives with the others could be had from the other scopes alone, so it is shown.
        let repeats = org == n || holdingTeam == n || holdingDepartment == n
            || teamInside == n || departmentInside == n || managerInside == n
        if repeats && lineInside < 0 { return false }
        // R2: groups holding the whole line.
        if let org, small(org - n) { return true }
        if let holdingTeam, small(holdingTeam - n) { return true }
        if let holdingDepartment, small(holdingDepartment - n) { return true }
        // R2: the largest visible groups inside it (a smaller one differs more).
        func differsByFew(_ inside: Int) -> Bool { inside >= 0 && small(n - inside) }
        if differsByFew(teamInside) || differsByFew(departmentInside) || differsByFew(managerInside) || differsByFew(lineInside) {
            return true
        }
        // R3: the partitions' remainders, and parts withheld as secondary.
        if small(n - scratch.partsVisible[slot]) || scratch.partSecondary[slot] { return true }
        if small(n - scratch.teamSum[slot]) { return true }
        if structure.teamsCoverLine[slot] && scratch.teamSecondary[slot] { return true }
        if small(n - scratch.departmentSum[slot]) { return true }
        if structure.departmentsCoverLine[slot] && scratch.departmentSecondary[slot] { return true }
        return false
    }
}

/// One result's line nestings, built on first use — when the result has line figures — and
/// shared by its metrics' and signals' rules (issue 16: they used to be built twice).
typealias LineStructures = BuiltOnFirstUse<[LineStructure]>

extension BuiltOnFirstUse<[LineStructure]> {
    /// The nestings of the roster's reporting lines in the period.
    convenience init(roster: Roster, period: ReportingPeriod?) {
        self.init { LineSuppression.structures(roster: roster, period: period) }
    }
}
