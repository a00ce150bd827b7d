import OrgHealthKit

/// Where a person sits in the synthetic hierarchy.
enum SampleRole: Sendable, Equatable {
    /// The top of the organization (empty manager id).
    case chiefExecutive
    /// A department head, reporting to the chief executive.
    case departmentHead
    /// A director-style leader between a head and team managers (depth 1 is closest to the teams).
    case leader(depth: Int)
    /// The manager of one team.
    case teamManager
    /// An individual contributor.
    case member
}

/// What a team is for in the generated story.
enum SampleTeamKind: Sendable, Equatable {
    /// The chief executive and the department heads.
    case executive
    /// A department's leaders above team level (only in large organizations).
    case leadership
    /// An ordinary team.
    case regular
    /// The team of the manager who rates everyone high.
    case lenientManager
    /// The team of the manager who rates everyone low.
    case severeManager
    /// The team whose manager has more than twelve direct reports.
    case wideSpan
    /// The team below the privacy minimum, whose manager has fewer than three reports.
    case tiny
}

/// One person of the synthetic organization (the truth behind the roster rows).
struct SamplePerson: Sendable {
    var id: String
    var firstName: String
    var lastName: String
    var email: String
    var managerIndex: Int?
    var teamIndex: Int
    var role: SampleRole
    var level: String
    var location: String
    var hireDate: CalendarDate
    var endDate: CalendarDate?
    /// Latent job performance (≈ standard normal), drives review ratings.
    var performance: Double
    /// Latent engagement (≈ normal, sd 0.6), drives survey answers.
    var engagement: Double

    var name: String { firstName + " " + lastName }

    /// Whether the person was employed on `date` (hired on or before it, not yet left).
    func isEmployed(on date: CalendarDate) -> Bool {
        hireDate <= date && (endDate.map { date <= $0 } ?? true)
    }
}

/// One team of the synthetic organization.
struct SampleTeam: Sendable {
    var name: String
    var department: String
    var kind: SampleTeamKind
    /// The manager of the team's members (absent for leadership teams, whose members report upwards).
    var managerIndex: Int?
    /// Every member, the manager included, by person index.
    var members: [Int]
}

/// One department: its head and its teams.
struct SampleDepartment: Sendable {
    var name: String
    var headIndex: Int
    var teamIndices: [Int]
}

/// The people and teams that carry the planted scenarios, so every generator can tell the
/// same story (a manager who skips 1:1s also has a team with low survey trust).
struct SampleCast: Sendable {
    var lenientManager = 0
    var severeManager = 0
    var wideSpanManager = 0
    var narrowSpanManager = 0
    var tinyTeam = 0
    var escapingTeams: [Int] = []
    /// Managers who hold few 1:1s; the first one holds almost none.
    var lowOneOnOneManagers: [Int] = []
    var leaversInPeriod: [Int] = []
    var leaversBeforePeriod: [Int] = []
    var recentHires: [Int] = []
    var futureHires: [Int] = []
    /// The person whose roster row appears twice.
    var duplicatedPerson = 0
    /// The person whose roster row names a manager id that does not exist.
    var unknownManagerPerson = 0
    var unknownManagerID = ""
    /// The person whose hire date is written in a non-ISO format.
    var unparseableHireDatePerson = 0
}

/// The whole synthetic organization, built once and read by every generator.
struct SampleOrgChart: Sendable {
    var organization: String
    var period: ReportingPeriod
    var seed: UInt64
    /// Every person; index = id number − 1.
    var people: [SamplePerson]
    var teams: [SampleTeam]
    var departments: [SampleDepartment]
    /// Direct reports of each person (true reporting lines), ascending by index.
    var directReports: [[Int]]
    var cast: SampleCast
    var idWidth: Int
    var emailDomain: String

    /// Everyone with at least one direct report, ascending by index.
    var managers: [Int] { directReports.indices.filter { !directReports[$0].isEmpty } }

    /// The id of a person number that is never used (`E0000`), for planted unknown references.
    var unusedID: String { SampleOrgChart.formatID(0, width: idWidth) }

    static func formatID(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return "E" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
