/// The sample organization's inputs besides the roster, in the order `orghealth.yml` lists
/// them: the one place they are named (see ``SampleSourceGenerator``).
enum SampleSources {
    static let all: [any SampleSourceGenerator] = [
        OneOnOneNotesSource(),
        ReviewCycleSource(),
        CultureSurveySource(),
        ExitsSource(),
        RecognitionSource(),
    ]
}

/// `one-on-ones/`: notes in all four forms, plus the planted malformed files.
struct OneOnOneNotesSource: SampleSourceGenerator {
    let inputKind = "one-on-ones"
    var ownedEntries: [String] { [OneOnOneNotesGenerator.folder] }
    var configEntry: [String] {
        [
            "# 1:1 notes, read recursively: Markdown (a file per meeting, or a running doc per",
            "# pair), HTML exports and JSON Lines exports, plus a few malformed files.",
            "one-on-ones: \(OneOnOneNotesGenerator.folder)/",
        ]
    }

    func write(for chart: SampleOrgChart, with writer: SampleFileWriter, into tally: inout SampleTally) throws {
        tally.notes = try OneOnOneNotesGenerator(chart: chart).write(with: writer)
    }
}

/// `reviews.csv`: this period's review cycle and the previous one.
struct ReviewCycleSource: SampleSourceGenerator {
    let inputKind = "review-cycles"
    static let path = "reviews.csv"
    var ownedEntries: [String] { [Self.path] }
    var configEntry: [String] {
        ["# Review assignments of this period's cycle and of the previous one.", "review-cycles: \(Self.path)"]
    }

    func write(for chart: SampleOrgChart, with writer: SampleFileWriter, into tally: inout SampleTally) throws {
        tally.reviewRows = try ReviewCycleGenerator(chart: chart).write(Self.path, with: writer)
    }
}

/// `survey/`: a Qualtrics-shaped export and the survey's definition.
struct CultureSurveySource: SampleSourceGenerator {
    let inputKind = "culture-survey"
    static let responses = "survey/responses.csv"
    static let definition = "survey/survey.yml"
    var ownedEntries: [String] { ["survey"] }
    var configEntry: [String] {
        [
            "# The engagement survey: a Qualtrics export and the survey's definition.",
            "culture-survey:",
            "  responses: \(Self.responses)",
            "  definition: \(Self.definition)",
        ]
    }

    func write(for chart: SampleOrgChart, with writer: SampleFileWriter, into tally: inout SampleTally) throws {
        tally.survey = try SurveyGenerator(chart: chart).write(
            responses: Self.responses, definition: Self.definition, with: writer)
    }
}

/// `exits.csv`: leavers with reasons, for an external analyzer.
struct ExitsSource: SampleSourceGenerator {
    let inputKind = "exits"
    static let path = "exits.csv"
    var ownedEntries: [String] { [Self.path] }
    var configEntry: [String] {
        ["# Custom inputs for external analyzers: leavers with reasons, and the kudos log.", "exits: \(Self.path)"]
    }

    func write(for chart: SampleOrgChart, with writer: SampleFileWriter, into tally: inout SampleTally) throws {
        let exits = ExitsGenerator(chart: chart).csv()
        try writer.write(Self.path, text: exits.text)
        tally.exits = exits.rows
    }
}

/// `recognition.csv`: the kudos log, for an external analyzer (its comment is the exits' one).
struct RecognitionSource: SampleSourceGenerator {
    let inputKind = "recognition"
    static let path = "recognition.csv"
    var ownedEntries: [String] { [Self.path] }
    var configEntry: [String] { ["recognition: \(Self.path)"] }

    func write(for chart: SampleOrgChart, with writer: SampleFileWriter, into tally: inout SampleTally) throws {
        tally.recognitions = try RecognitionLogGenerator(chart: chart).write(Self.path, with: writer)
    }
}
