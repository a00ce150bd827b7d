import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// `sheet:` given in the config reaches the reader of the workbook.
@Suite("Configuration: workbook sources")
struct WorkbookSourceOptionsTests {
    @Test func aSheetThatDoesNotExistListsTheSheets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sources-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }  // a leftover temp folder harms nothing
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
        // forms-responses.xlsx (one sheet, "Sheet1"), made by Tests/SpreadsheetTests/Fixtures/make_fixtures.py.
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SpreadsheetTests/Fixtures/forms-responses.xlsx")
        let workbook = folder.appendingPathComponent("data/x.xlsx")
        try FileManager.default.copyItem(at: fixture, to: workbook)
        for name in ["roster.csv", "survey.yml"] {
            try "x\n".write(to: folder.appendingPathComponent("data/\(name)"), atomically: true, encoding: .utf8)
        }
        let config = try ConfigurationLoader(knownAnalyzers: []).parse("""
            organization: A
            period: 2026-Q3
            roster: data/roster.csv
            sources:
              culture-survey: {responses: {file: data/x.xlsx, sheet: Nope}, definition: data/survey.yml}
            """, file: folder.appendingPathComponent("orghealth.yml"))
        let context = AnalysisContext(
            organization: "A", period: config.period, roster: Roster(people: []), inputs: config.sources,
            tabular: config.sourceOptions)
        #expect(context.tabularOptions(for: workbook) == TabularOptions(sheet: "Nope"))
        #expect { try context.openTable(workbook) } throws: { error in
            "\(error)" == "x.xlsx: no sheet named 'Nope'; the sheets are 'Sheet1'. Set `sheet:` to one of them"
        }
    }
}
