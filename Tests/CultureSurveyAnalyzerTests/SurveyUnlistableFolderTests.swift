import Foundation
import OrgHealthKit
import Testing
@testable import CultureSurveyAnalyzer

@Suite("Culture survey: a responses folder that cannot be listed")
struct SurveyUnlistableFolderTests {
    /// A real folder this process cannot list: a fresh folder without permissions stops an
    /// ordinary user; root, whom permissions do not stop, cannot open /proc/1/fdinfo of a
    /// process it may not trace (PID 1 of the host or container, without CAP_SYS_PTRACE).
    /// `nil` when none fails here.
    static func unlistableFolder(scratch: URL) throws -> URL? {
        let locked = scratch.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        for candidate in [locked, URL(fileURLWithPath: "/proc/1/fdinfo")] {
            do { _ = try FileManager.default.contentsOfDirectory(atPath: candidate.path) } catch { return candidate }
        }
        return nil
    }

    @Test("is an error naming the folder, not an empty list of exports")
    func unlistableResponsesFolder() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("survey-unlistable-\(UUID().uuidString)")
        defer {
            // Give the locked folder its permissions back so it can be removed; a leftover temp
            // folder harms nothing, so a failure to clean up is not worth reporting.
            try? FileManager.default.setAttributes([.posixPermissions: 0o700],
                                                   ofItemAtPath: scratch.appendingPathComponent("locked").path)
            try? FileManager.default.removeItem(at: scratch)
        }
        let folder = try #require(try Self.unlistableFolder(scratch: scratch), "no folder on this machine refuses a listing")
        let definition = scratch.appendingPathComponent("survey.yml")
        try Data(SurveyFixture.definition().utf8).write(to: definition)
        let context = AnalysisContext(
            organization: "Fixture", period: try ReportingPeriod(parsing: "2026-Q3"),
            roster: try RosterReader().read(csv: SurveyFixture.rosterCSV).roster,
            inputs: [SurveyInputs.responsesKind: [folder], SurveyInputs.definitionKind: [definition]])
        let error = await #expect(throws: AnalyzerError.self) { try await CultureSurveyAnalyzer().analyze(context) }
        #expect(error?.message.contains("the survey responses folder \(folder.path) cannot be listed") == true)
        #expect(error?.message.contains("without .csv or .xlsx files") == false)
    }
}

@Suite("Culture survey: the column mapping")
struct SurveyColumnMappingTests {
    @Test("a mapping value that is not header text fails the analyzer (it used to be dropped silently)")
    func numberAsHeader() async throws {
        let options: [String: ConfigValue] = ["columns": .object(["team": .array([.string("Team"), .string("Group")])])]
        let error = await #expect(throws: AnalyzerError.self) { try await SurveyFixture.analyze(options: options) }
        #expect(error?.message == "columns.culture-survey.team must be the header text of a column in the export")
    }
}
