import OrgHealthKit

/// The organization while it is being built, in creation order; `finish` numbers the people
/// (the chief executive E…1, the heads next, everyone else shuffled, as real HRIS ids look)
/// and re-indexes everything by id.
struct Draft {
    var people: [SamplePerson] = []
    var teams: [SampleTeam] = []
    var departments: [SampleDepartment] = []
    var cast = SampleCast()
    private var names: NameSource
    private var traits: SampleRandom
    private let domain: String

    init(domain: String, seed: UInt64) {
        self.domain = domain
        names = NameSource(seed: seed, domain: domain)
        traits = SampleRandom(seed: seed, stream: "traits")
    }

    /// Adds a person (dates are filled in later) and returns their index.
    mutating func addPerson(role: SampleRole, level: String, team: Int, location: String, manager: Int? = nil) -> Int {
        let name = names.next()
        let placeholder = CalendarDate(dayNumber: 0)
        people.append(SamplePerson(
            id: "", firstName: name.first, lastName: name.last, email: name.email, managerIndex: manager,
            teamIndex: team, role: role, level: level, location: location, hireDate: placeholder, endDate: nil,
            performance: traits.normal(), engagement: traits.normal() * 0.6))
        return people.count - 1
    }

    /// Numbers everyone, orders the people by id and returns the finished chart.
    func finish(organization: String, period: ReportingPeriod, seed: UInt64) -> SampleOrgChart {
        let count = people.count
        let executives = 1 + departments.count
        var random = SampleRandom(seed: seed, stream: "ids")
        let shuffledNumbers = random.shuffled(Array((executives + 1)...max(executives + 1, count)))
        var newIndex = [Int](repeating: 0, count: count)
        for old in 0..<count {
            newIndex[old] = old < executives ? old : shuffledNumbers[old - executives] - 1
        }
        let width = max(4, String(count).count)

        var ordered = people
        for old in 0..<count {
            var person = people[old]
            person.managerIndex = person.managerIndex.map { newIndex[$0] }
            person.id = SampleOrgChart.formatID(newIndex[old] + 1, width: width)
            ordered[newIndex[old]] = person
        }
        var remappedTeams = teams
        for position in remappedTeams.indices {
            remappedTeams[position].managerIndex = remappedTeams[position].managerIndex.map { newIndex[$0] }
            remappedTeams[position].members = remappedTeams[position].members.map { newIndex[$0] }.sorted()
        }
        var remappedDepartments = departments
        for position in remappedDepartments.indices {
            remappedDepartments[position].headIndex = newIndex[remappedDepartments[position].headIndex]
        }
        var remappedCast = cast
        remappedCast.lenientManager = newIndex[cast.lenientManager]
        remappedCast.severeManager = newIndex[cast.severeManager]
        remappedCast.wideSpanManager = newIndex[cast.wideSpanManager]
        remappedCast.narrowSpanManager = newIndex[cast.narrowSpanManager]
        remappedCast.lowOneOnOneManagers = cast.lowOneOnOneManagers.map { newIndex[$0] }
        remappedCast.leaversInPeriod = cast.leaversInPeriod.map { newIndex[$0] }.sorted()
        remappedCast.leaversBeforePeriod = cast.leaversBeforePeriod.map { newIndex[$0] }.sorted()
        remappedCast.recentHires = cast.recentHires.map { newIndex[$0] }.sorted()
        remappedCast.futureHires = cast.futureHires.map { newIndex[$0] }.sorted()
        remappedCast.duplicatedPerson = newIndex[cast.duplicatedPerson]
        remappedCast.unknownManagerPerson = newIndex[cast.unknownManagerPerson]
        remappedCast.unparseableHireDatePerson = newIndex[cast.unparseableHireDatePerson]
        remappedCast.unknownManagerID = SampleOrgChart.formatID(count + 101, width: width)

        var reports = [[Int]](repeating: [], count: count)
        for (index, person) in ordered.enumerated() {
            if let manager = person.managerIndex { reports[manager].append(index) }
        }
        return SampleOrgChart(
            organization: organization, period: period, seed: seed, people: ordered, teams: remappedTeams,
            departments: remappedDepartments, directReports: reports, cast: remappedCast, idWidth: width,
            emailDomain: domain)
    }
}
