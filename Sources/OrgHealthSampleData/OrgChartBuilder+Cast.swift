import OrgHealthKit

extension OrgChartBuilder {
    /// Picks who carries each planted scenario: the special teams' managers, the managers who
    /// hold few 1:1s, the leavers and new hires, and the people behind the roster's data problems.
    func chooseCast(_ draft: inout Draft) {
        var random = SampleRandom(seed: seed, stream: "cast")
        var cast = SampleCast()
        for (index, team) in draft.teams.enumerated() {
            switch team.kind {
            case .lenientManager: cast.lenientManager = team.managerIndex ?? 0
            case .severeManager: cast.severeManager = team.managerIndex ?? 0
            case .wideSpan: cast.wideSpanManager = team.managerIndex ?? 0
            case .tiny:
                cast.tinyTeam = index
                cast.narrowSpanManager = team.managerIndex ?? 0
            default: break
            }
            if team.name == DepartmentBlueprint.researchTeam || team.name == DepartmentBlueprint.facilitiesTeam {
                cast.escapingTeams.append(index)
            }
        }

        // Managers who hold few 1:1s: ordinary teams big enough to show in the survey, one per
        // department in turn, so the cross-source story appears in several places.
        let regular = draft.teams.indices.filter { draft.teams[$0].kind == .regular && draft.teams[$0].managerIndex != nil }
        let isRegular = Set(regular)
        let wanted = max(2, regular.count / 12)
        var chosen: [Int] = []
        for minimumSize in [8, 6, 1] where chosen.count < wanted {
            var byDepartment: [[Int]] = draft.departments.map { department in
                random.shuffled(department.teamIndices.filter {
                    isRegular.contains($0) && draft.teams[$0].members.count >= minimumSize && !chosen.contains($0)
                })
            }
            var progress = true
            while chosen.count < wanted, progress {
                progress = false
                for position in byDepartment.indices where chosen.count < wanted && !byDepartment[position].isEmpty {
                    chosen.append(byDepartment[position].removeFirst())
                    progress = true
                }
            }
        }
        cast.lowOneOnOneManagers = chosen.compactMap { draft.teams[$0].managerIndex }

        // Leavers, hires and the roster's data problems come from ordinary members of ordinary
        // teams of six or more, so the planted teams keep their shape.
        var candidates: [Int] = []
        for minimumSize in [6, 5, 1] where candidates.count < 12 {
            candidates = regular.filter { !chosen.contains($0) && draft.teams[$0].members.count >= minimumSize }
                .flatMap { draft.teams[$0].members.filter { draft.people[$0].role == .member } }
        }
        candidates = random.shuffled(candidates)
        func take(_ count: Int) -> [Int] {
            let taken = Array(candidates.prefix(count))
            candidates.removeFirst(taken.count)
            return taken
        }
        cast.duplicatedPerson = take(1).first ?? 0
        cast.unknownManagerPerson = take(1).first ?? 0
        cast.unparseableHireDatePerson = take(1).first ?? 0
        cast.leaversInPeriod = take(max(2, employees * 35 / 1_000))
        cast.futureHires = take(max(1, employees * 8 / 1_000))
        cast.leaversBeforePeriod = take(max(1, employees / 100))
        cast.recentHires = take(max(2, employees * 6 / 100))
        draft.cast = cast
    }

    /// Hire dates by role and tenure, then the planted leavers' end dates and the new hires'
    /// and future hires' start dates.
    func assignDates(_ draft: inout Draft) {
        var random = SampleRandom(seed: seed, stream: "dates")
        let start = period.start
        let end = period.end
        for index in draft.people.indices {
            let tenure: Int
            let unit = random.unit()
            switch draft.people[index].role {
            case .chiefExecutive: tenure = 3_100
            case .departmentHead: tenure = 900 + Int(unit * 2_000)
            case .leader, .teamManager: tenure = 400 + Int(unit * 2_400)
            case .member: tenure = 100 + Int(unit * unit * 2_800)
            }
            draft.people[index].hireDate = start.adding(days: -tenure)
        }
        let previous = period.previous
        for person in draft.cast.leaversInPeriod {
            draft.people[person].endDate = start.adding(days: random.int(in: 5...max(5, period.dayCount - 6)))
        }
        for person in draft.cast.leaversBeforePeriod {
            let endDate = previous.start.adding(days: random.int(in: 5...max(5, previous.dayCount - 6)))
            draft.people[person].endDate = endDate
            if draft.people[person].hireDate > endDate.adding(days: -200) {
                draft.people[person].hireDate = endDate.adding(days: -200 - random.int(in: 0...400))
            }
        }
        for person in draft.cast.recentHires {
            draft.people[person].hireDate = end.adding(days: -random.int(in: 14...89))
        }
        for person in draft.cast.futureHires {
            draft.people[person].hireDate = end.adding(days: random.int(in: 3...45))
        }
    }
}
