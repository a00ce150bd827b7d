import Foundation

/// What `SampleOrganization.write(to:)` wrote: the files, their sizes in records, and where the
/// planted scenarios are, so tests and demos can check the report finds them.
public struct SampleManifest: Sendable {
    /// The directory everything was written into.
    public let directory: URL
    /// The generated `orghealth.yml`.
    public let configFile: URL
    /// Every file written (the config included), sorted by path.
    public let files: [URL]
    /// People in the roster (distinct employee ids), leavers and future hires included.
    public let employees: Int
    /// Data rows in `roster.csv` (one more than `employees`: the planted duplicate).
    public let rosterRows: Int
    /// People active on the period's last day (hired by then, not yet left).
    public let headcountAtPeriodEnd: Int
    /// The functional departments, in report order (the executive team sits outside them).
    public let departments: [String]
    /// Teams in the roster, the executive team included.
    public let teams: Int
    /// People with at least one direct report.
    public let managers: Int
    /// Files under `one-on-ones/`, the malformed ones included.
    public let notesFiles: Int
    /// Meetings recorded in well-formed note files (held, cancelled and no-show; history included).
    public let meetings: Int
    /// Data rows in `reviews.csv` (both cycles).
    public let reviewRows: Int
    /// Data rows in `survey/responses.csv` after its three header rows (previews and unfinished included).
    public let surveyRows: Int
    /// Survey responses the report should count (finished, not previews).
    public let surveyResponses: Int
    /// Data rows in `exits.csv`.
    public let exits: Int
    /// Data rows in `recognition.csv`.
    public let recognitions: Int
    /// Who and what carries each planted scenario.
    public let planted: SamplePlantedFacts
}

/// The planted scenarios of a sample organization, by employee id, team name or file.
public struct SamplePlantedFacts: Sendable {
    /// The manager who rates every report 5 or 4 (leniency z-score well above 2).
    public let lenientManagerID: String
    /// The manager who rates every report 1 or 2.
    public let severeManagerID: String
    /// Managers who hold few 1:1s (long gaps, many cancellations); their teams answer the survey
    /// clearly worse on trust and well-being and get low upward reviews.
    public let lowOneOnOneManagerIDs: [String]
    /// The first low-1:1 manager, who held 1:1s last quarter and almost none in the period.
    public let nearlySilentManagerID: String
    /// The teams of the low-1:1 managers.
    public let lowOneOnOneTeams: [String]
    /// The manager with more than twelve direct reports.
    public let wideSpanManagerID: String
    /// The manager with fewer than three direct reports (of the tiny team).
    public let narrowSpanManagerID: String
    /// The team with fewer than five people, whose values must be suppressed.
    public let tinyTeam: String
    /// Team names that need escaping in HTML and XML (`&`, quotes, angle brackets).
    public let escapingTeams: [String]
    /// The employee id that appears on two roster rows.
    public let duplicateEmployeeID: String
    /// The person whose roster row names a manager id that does not exist.
    public let unknownManagerEmployeeID: String
    /// The manager id that does not exist.
    public let unknownManagerID: String
    /// The person whose hire date is written as DD/MM/YYYY.
    public let unparseableHireDateEmployeeID: String
    /// People whose end date falls inside the period (attrition).
    public let leaversInPeriodIDs: [String]
    /// People who left before the period (inactive).
    public let leaversBeforePeriodIDs: [String]
    /// People hired in the last 90 days of the period.
    public let recentHireIDs: [String]
    /// People hired after the period ends (not active).
    public let futureHireIDs: [String]
    /// The malformed 1:1 note files (each should become a diagnostic, never a failure).
    public let malformedNoteFiles: [URL]
    /// Files that are deliberately not UTF-8.
    public let nonUTF8Files: [URL]
}
