import Foundation
import OrgHealthKit
import Testing
@testable import CultureSurveyAnalyzer

/// A Microsoft Forms export as the workbook Forms downloads ("Open in Excel"), beside the same
/// export as CSV (`SurveyVendorFixtures.microsoftForms()`): the same figures.
@Suite("Culture survey: Excel workbook exports")
struct SurveyWorkbookTests {
    /// forms-survey.xlsx, made by Tests/SpreadsheetTests/Fixtures/make_fixtures.py from
    /// `SurveyFixture.rows` (ID, Start time, Completion time, Email, Name, then team and one
    /// column per question, answers as choice text).
    static let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SpreadsheetTests/Fixtures/forms-survey.xlsx")

    /// Runs the analyzer on `responses` (a file or folder) with the questions as columns.
    static func analyze(_ responses: URL, tabular: [URL: TabularOptions] = [:]) async throws -> AnalyzerResult {
        let folder = responses.deletingLastPathComponent()
        let definition = folder.appendingPathComponent("survey.yml")
        try Data(SurveyFixture.definition(columns: SurveyFixture.questions).utf8).write(to: definition)
        let context = AnalysisContext(
            organization: "Fixture", period: try ReportingPeriod(parsing: "2026-Q3"),
            roster: try RosterReader().read(csv: SurveyFixture.rosterCSV).roster,
            inputs: [SurveyInputs.responsesKind: [responses], SurveyInputs.definitionKind: [definition]],
            tabular: tabular)
        return try await CultureSurveyAnalyzer().analyze(context)
    }

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("survey-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("exports"), withIntermediateDirectories: true)
        return folder
    }

    @Test func anXLSXFormsExportGivesTheSameFiguresAsTheCSV() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }  // a leftover temp folder harms nothing
        let xlsx = folder.appendingPathComponent("responses.xlsx")
        try FileManager.default.copyItem(at: Self.workbook, to: xlsx)
        let csv = try await SurveyFixture.analyze(
            responses: SurveyVendorFixtures.microsoftForms(), definition: SurveyFixture.definition(columns: SurveyFixture.questions))
        let result = try await Self.analyze(xlsx)
        let figures = SurveyDelimiterTests.figures(result)
        #expect(!figures.isEmpty)
        #expect(figures == SurveyDelimiterTests.figures(csv))
        #expect(result.diagnostics.contains { $0.message.contains("read as a Microsoft Forms export") })
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    /// A folder of exports includes its workbooks as it includes its CSV files.
    @Test func aFolderOfExportsIncludesWorkbooks() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }  // a leftover temp folder harms nothing
        let exports = folder.appendingPathComponent("exports")
        try FileManager.default.copyItem(at: Self.workbook, to: exports.appendingPathComponent("forms.xlsx"))
        let fromFile = try await Self.analyze(exports.appendingPathComponent("forms.xlsx"))
        let fromFolder = try await Self.analyze(exports)
        #expect(!SurveyDelimiterTests.figures(fromFolder).isEmpty)
        #expect(SurveyDelimiterTests.figures(fromFolder) == SurveyDelimiterTests.figures(fromFile))
    }

    @Test func aSheetThatDoesNotExistListsTheSheets() async throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }  // a leftover temp folder harms nothing
        let xlsx = folder.appendingPathComponent("x.xlsx")
        try FileManager.default.copyItem(at: Self.workbook, to: xlsx)
        var messages: [String] = []
        do {
            let result = try await Self.analyze(xlsx, tabular: [xlsx: TabularOptions(sheet: "Nope")])
            messages = result.diagnostics.map(\.formatted)
        } catch {
            messages = ["\(error)"]
        }
        #expect(messages.contains { $0.contains("x.xlsx") && $0.contains("no sheet named 'Nope'") && $0.contains("'Sheet1'") })
    }
}
