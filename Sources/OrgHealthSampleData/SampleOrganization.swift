import Foundation
import OrgHealthKit

/// A deterministic synthetic organization with every input OrgHealth reads: roster, 1:1 notes
/// in all four forms, review cycles, a Qualtrics-shaped culture survey, exits and a recognition
/// log, plus an `orghealth.yml` that ties them together.
///
/// The data tells a consistent story the report should find: managers who hold few 1:1s have
/// teams with low survey trust and well-being, one manager rates leniently and one severely, a
/// team is below the privacy minimum, and a few data-quality problems are planted on purpose
/// (see `SamplePlantedFacts`). Same parameters, same bytes: the generator uses its own
/// pseudo-random generator and never the clock.
public struct SampleOrganization: Sendable {
    /// People in the roster (leavers and future hires included).
    public let employees: Int
    /// The seed of every random choice.
    public let seed: UInt64
    /// The reporting period the data is built around (the previous period is included as history).
    public let period: ReportingPeriod
    /// The organization's name; its first word also names the e-mail domain (`northwind.example`).
    public let name: String

    /// The smallest size that holds every planted scenario.
    public static let minimumEmployees = DepartmentBlueprint.minimumEmployees

    /// The marker in every 1:1 note body; it must never appear in a report.
    public static let noteSentinel = NoteLexicon.sentinel
    /// The marker in every review comment; it must never appear in a report.
    public static let reviewSentinel = ReviewLexicon.sentinel
    /// The marker in every survey comment; it must not appear verbatim unless comments are included.
    public static let surveySentinel = SurveyLexicon.sentinel
    /// The marker in every recognition message.
    public static let recognitionSentinel = RecognitionLogGenerator.sentinel

    /// Describes an organization; nothing is generated until `write(to:)`.
    /// - Parameters:
    ///   - employees: people in the roster; at least `minimumEmployees`.
    ///   - seed: the seed of every random choice.
    ///   - period: the reporting period, e.g. `try ReportingPeriod(parsing: "2026-Q3")`.
    ///   - name: the organization's name.
    ///   - managersInDecline: whether the planted low-1:1 managers are struggling in this period
    ///     (rare one-on-ones, low trust and well-being in their teams). The demo writes the
    ///     previous quarter with `false`, so the decline shows up as a significant trend.
    public init(
        employees: Int = 240, seed: UInt64 = 42, period: ReportingPeriod, name: String = "Northwind Labs",
        managersInDecline: Bool = true
    ) {
        self.employees = employees
        self.seed = seed
        self.period = period
        self.name = name
        self.managersInDecline = managersInDecline
    }

    /// Whether the planted low-1:1 managers are struggling in this period.
    public let managersInDecline: Bool

    /// Writes every input file and an `orghealth.yml` that references them (relative paths) into
    /// `directory` (created if missing). An earlier sample in the same directory is replaced;
    /// other files there (such as `Reports/`) are left alone, and a directory holding files of
    /// the same names that this generator did not write is refused.
    /// - Returns: what was written.
    public func write(to directory: URL) throws -> SampleManifest {
        guard employees >= Self.minimumEmployees else {
            throw SampleDataError.tooFewEmployees(requested: employees, minimum: Self.minimumEmployees)
        }
        try SampleDirectory(url: directory).prepare()
        var chart = OrgChartBuilder(employees: employees, seed: seed, period: period, organization: name).build()
        if !managersInDecline { chart.cast.lowOneOnOneManagers = [] }
        let writer = SampleFileWriter(root: directory)

        let config = SampleConfigWriter(organization: name, periodLabel: period.label, employees: chart.people.count, seed: seed)
        try writer.write(SampleDirectory.configName, text: config.yaml())
        let roster = RosterGenerator(chart: chart).csv()
        try writer.write(SampleConfigWriter.roster, text: roster.text)
        var tally = SampleTally()
        for source in SampleSources.all { try source.write(for: chart, with: writer, into: &tally) }
        let notes = tally.notes

        let url = { (path: String) in writer.url(path) }
        let people = chart.people
        let cast = chart.cast
        let ids = { (indices: [Int]) in indices.map { people[$0].id } }
        let planted = SamplePlantedFacts(
            lenientManagerID: people[cast.lenientManager].id,
            severeManagerID: people[cast.severeManager].id,
            lowOneOnOneManagerIDs: ids(cast.lowOneOnOneManagers),
            nearlySilentManagerID: cast.lowOneOnOneManagers.first.map { people[$0].id } ?? "",
            lowOneOnOneTeams: cast.lowOneOnOneManagers.map { chart.teams[people[$0].teamIndex].name },
            wideSpanManagerID: people[cast.wideSpanManager].id,
            narrowSpanManagerID: people[cast.narrowSpanManager].id,
            tinyTeam: chart.teams[cast.tinyTeam].name,
            escapingTeams: cast.escapingTeams.map { chart.teams[$0].name },
            duplicateEmployeeID: people[cast.duplicatedPerson].id,
            unknownManagerEmployeeID: people[cast.unknownManagerPerson].id,
            unknownManagerID: cast.unknownManagerID,
            unparseableHireDateEmployeeID: people[cast.unparseableHireDatePerson].id,
            leaversInPeriodIDs: ids(cast.leaversInPeriod),
            leaversBeforePeriodIDs: ids(cast.leaversBeforePeriod),
            recentHireIDs: ids(cast.recentHires),
            futureHireIDs: ids(cast.futureHires),
            malformedNoteFiles: notes.malformedFiles.map(url),
            nonUTF8Files: notes.nonUTF8Files.map(url))

        let end = period.end
        return SampleManifest(
            directory: directory,
            configFile: url(SampleDirectory.configName),
            files: writer.writtenPaths.map(url),
            employees: people.count,
            rosterRows: roster.rows,
            headcountAtPeriodEnd: people.filter { $0.isEmployed(on: end) }.count,
            departments: chart.departments.map(\.name),
            teams: chart.teams.count,
            managers: chart.managers.count,
            notesFiles: notes.files,
            meetings: notes.meetings,
            reviewRows: tally.reviewRows,
            surveyRows: tally.survey.rows,
            surveyResponses: tally.survey.counted,
            exits: tally.exits,
            recognitions: tally.recognitions,
            planted: planted)
    }
}
