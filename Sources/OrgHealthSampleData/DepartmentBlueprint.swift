/// The departments a sample organization can have, with their team names and planted teams.
struct DepartmentBlueprint: Sendable {
    /// A team whose size and purpose are fixed by the story.
    struct FixedTeam: Sendable {
        var name: String
        var kind: SampleTeamKind
        var directReports: Int
    }

    var name: String
    /// Rank in which departments are added as the organization grows (0 first).
    var priority: Int
    /// Relative share of the headcount.
    var weight: Int
    var fixedTeams: [FixedTeam]
    /// Names of ordinary teams; the first is always created.
    var teamNames: [String]

    static let minimumFlexibleTeam = 5
    static let maximumTeam = 12

    /// The team named with an ampersand, to test escaping.
    static let researchTeam = "Research & Development"
    /// The team named with quotes and angle brackets, to test escaping.
    static let facilitiesTeam = "Facilities \"Workplace\" <Ops>"

    /// All departments in report order.
    static let all: [DepartmentBlueprint] = [
        DepartmentBlueprint(
            name: "Engineering", priority: 0, weight: 34,
            fixedTeams: [FixedTeam(name: "Payments", kind: .lenientManager, directReports: 7)],
            teamNames: [
                researchTeam, "Platform", "Search", "Mobile", "Infrastructure", "Data Platform", "Identity",
                "Developer Experience", "Observability", "Billing", "Integrations", "Growth Engineering",
                "Core API", "Web", "Reliability", "Machine Learning", "Storage", "Networking", "Messaging",
            ]),
        DepartmentBlueprint(
            name: "Product", priority: 2, weight: 9,
            fixedTeams: [FixedTeam(name: "Accessibility", kind: .tiny, directReports: 2)],
            teamNames: [
                "Product Management", "Product Design", "User Research", "Product Analytics",
                "Product Operations", "Growth Product", "Pricing", "Design Systems",
            ]),
        DepartmentBlueprint(
            name: "Sales", priority: 1, weight: 15,
            fixedTeams: [
                FixedTeam(name: "Sales Development", kind: .wideSpan, directReports: 15),
                FixedTeam(name: "Enterprise Sales", kind: .severeManager, directReports: 7),
            ],
            teamNames: [
                "Mid-Market Sales", "SMB Sales", "Sales Engineering", "Partnerships", "Sales Operations",
                "Channel Sales", "Public Sector",
            ]),
        DepartmentBlueprint(
            name: "Customer Success", priority: 4, weight: 13, fixedTeams: [],
            teamNames: [
                "Onboarding", "Support Tier 1", "Support Tier 2", "Account Management", "Customer Education",
                "Renewals", "Technical Support", "Customer Operations",
            ]),
        DepartmentBlueprint(
            name: "Operations", priority: 3, weight: 7, fixedTeams: [],
            teamNames: [
                facilitiesTeam, "IT Operations", "Procurement", "Business Operations", "Supply Chain",
                "Travel & Events",
            ]),
        DepartmentBlueprint(
            name: "People", priority: 5, weight: 5, fixedTeams: [],
            teamNames: [
                "Talent Acquisition", "People Partners", "Learning & Development", "Total Rewards",
                "People Operations",
            ]),
        DepartmentBlueprint(
            name: "Finance", priority: 6, weight: 5, fixedTeams: [],
            teamNames: ["Accounting", "FP&A", "Tax", "Treasury", "Payroll", "Revenue Operations"]),
        DepartmentBlueprint(
            name: "Marketing", priority: 7, weight: 7, fixedTeams: [],
            teamNames: [
                "Brand", "Content", "Demand Generation", "Product Marketing", "Events", "Marketing Operations",
                "Communications",
            ]),
        DepartmentBlueprint(
            name: "Legal", priority: 8, weight: 3, fixedTeams: [],
            teamNames: ["Commercial Legal", "Privacy", "Compliance", "Corporate Legal"]),
        DepartmentBlueprint(
            name: "Security", priority: 9, weight: 4, fixedTeams: [],
            teamNames: ["Security Engineering", "Threat Detection", "GRC", "Application Security"]),
        DepartmentBlueprint(
            name: "Design", priority: 10, weight: 4, fixedTeams: [],
            teamNames: ["Brand Design", "UX Writing", "Design Research", "Visual Design"]),
    ]

    /// How many departments an organization of this size has.
    static func departmentCount(employees: Int) -> Int {
        switch employees {
        case ..<100: return 4
        case ..<180: return 5
        case ..<400: return 7
        case ..<1_500: return 8
        case ..<5_000: return 9
        case ..<20_000: return 10
        default: return 11
        }
    }

    /// The departments of an organization of this size, in report order.
    static func selected(employees: Int) -> [DepartmentBlueprint] {
        let count = departmentCount(employees: employees)
        return all.filter { $0.priority < count }
    }

    /// People the department needs at minimum (without its head): its fixed teams and one ordinary team.
    var minimumStaff: Int {
        fixedTeams.reduce(0) { $0 + $1.directReports + 1 } + DepartmentBlueprint.minimumFlexibleTeam
    }

    /// The name of the `ordinal`-th ordinary team (0-based), numbered once the list runs out.
    func teamName(_ ordinal: Int) -> String {
        if ordinal < teamNames.count { return teamNames[ordinal] }
        let base = teamNames[ordinal % teamNames.count]
        return "\(base) \(ordinal / teamNames.count + 1)"
    }

    /// Leaders needed above `units` teams so that nobody manages more than ten of them:
    /// groups of about seven, level by level, bottom first.
    static func leaderLevels(teams units: Int) -> [Int] {
        var levels: [Int] = []
        var count = units
        while count > 10 {
            count = (count + 6) / 7
            levels.append(count)
        }
        return levels
    }

    /// The smallest organization that holds every planted scenario.
    static let minimumEmployees: Int = {
        let departments = all.filter { $0.priority < departmentCount(employees: 1) }
        return 1 + departments.reduce(0) { $0 + 1 + $1.minimumStaff }
    }()
}
