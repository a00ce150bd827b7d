/// One input of the sample organization besides the roster: the files it writes, its entry
/// under `sources:` in the generated `orghealth.yml`, and what it adds to the manifest.
///
/// The sample's inputs are the list ``SampleSources/all``; an analyzer that needs a new kind
/// of input for the demo adds one conforming type and one line there — `SampleOrganization`,
/// `SampleConfigWriter` and `SampleDirectory` take everything else from the list.
protocol SampleSourceGenerator: Sendable {
    /// The key under `sources:` (`review-cycles`).
    var inputKind: String { get }
    /// The top-level files and folders it writes (`reviews.csv`, `survey`): what is removed
    /// when an earlier sample in the same directory is replaced.
    var ownedEntries: [String] { get }
    /// Its lines under `sources:` in `orghealth.yml`, comments first, without the two-space
    /// indent of the section.
    var configEntry: [String] { get }
    /// Writes its files for `chart` and records what it wrote in `tally`.
    func write(for chart: SampleOrgChart, with writer: SampleFileWriter, into tally: inout SampleTally) throws
}

/// What the inputs wrote, for the manifest (each input fills its own part).
struct SampleTally {
    var notes = OneOnOneNotesGenerator.Summary()
    var reviewRows = 0
    var survey = SurveyGenerator.Summary()
    var exits = 0
    var recognitions = 0
}
