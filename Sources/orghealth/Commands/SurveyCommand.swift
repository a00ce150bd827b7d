import ArgumentParser
import CultureSurveyAnalyzer
import Foundation
import OrgHealthEngine
import OrgHealthKit

/// `orghealth survey`: helpers for the culture survey.
struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Culture survey helpers.", subcommands: [SurveyDraftCommand.self])
}

/// `orghealth survey draft EXPORT [--roster FILE] [--out survey.yml]`: drafts a commented survey
/// definition from an export (see docs/analyzers/culture-survey.md).
struct SurveyDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft", abstract: "Draft a commented survey.yml from a survey export, to check and then use.")

    @Argument(help: "The survey export (CSV: Qualtrics, SurveyMonkey, Microsoft Forms, Google Forms or plain).")
    var export: String

    @Option(name: .long, help: "The roster, to find the column naming each respondent's team.")
    var roster: String?

    @Option(name: .long, help: "Where to write the draft.")
    var out: String = "survey.yml"

    @Flag(name: .long, help: "Replace an existing file.")
    var force = false

    func run() throws {
        if FileManager.default.fileExists(atPath: out) && !force {
            printError("error: \(out) already exists; pass --force to replace it")
            throw ExitCode(ExitCodes.usage)
        }
        var people: Roster?
        if let roster {
            do { people = try RosterReader().read(URL(fileURLWithPath: roster)).roster } catch {
                printError("error: \(roster): \(error)")
                throw ExitCode(ExitCodes.usage)
            }
        }
        // SOURCE_DATE_EPOCH (reproducible builds) fixes "today", as it does for reports.
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init)
            ?? Int(Date().timeIntervalSince1970)
        let draft: SurveyDraft
        do {
            draft = try SurveyDraft(export: URL(fileURLWithPath: export), roster: people,
                                    today: CalendarDate(dayNumber: seconds / 86_400))
        } catch {
            printError("error: \(error)")
            throw ExitCode(ExitCodes.dataErrors)
        }
        do {
            try draft.text.write(toFile: out, atomically: true, encoding: .utf8)
        } catch {
            printError("error: cannot write \(out): \(error.localizedDescription)")
            throw ExitCode(ExitCodes.output)
        }
        print("Wrote \(out): \(draft.itemCount) items from \(draft.shapeDescription). Check the lines marked check and TODO.")
    }
}
