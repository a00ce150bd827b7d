import Testing
import OrgHealthKit

@Suite("The shared column mapper")
struct ColumnMappingTests {
    @Test("maps canonical names to the export's headers")
    func mapping() throws {
        let options = AnalyzerOptions(["columns": .object(["reviewee_id": .string("Employee ID")])])
        #expect(try options.columnMapping(for: "review-cycles") == ["reviewee_id": "Employee ID"])
        #expect(try AnalyzerOptions().columnMapping(for: "review-cycles").isEmpty)
    }

    @Test("a value that is not header text is an error naming the key, never a column left out")
    func badValue() {
        // A list where one header is expected (a number or true is read as its text: `rating: 5`
        // names a column headed "5").
        let list = AnalyzerOptions(["columns": .object(["rating": .array([.string("Rating"), .string("Score")])])])
        #expect(throws: AnalyzerError("columns.review-cycles.rating must be the header text of a column in the export")) {
            try list.columnMapping(for: "review-cycles")
        }
        let empty = AnalyzerOptions(["columns": .object(["team": .string("")])])
        #expect(throws: AnalyzerError("columns.culture-survey.team must be the header text of a column in the export")) {
            try empty.columnMapping(for: "culture-survey")
        }
        let notAMapping = AnalyzerOptions(["columns": .array([.string("a")])])
        #expect(throws: AnalyzerError("columns.one-on-ones must be a mapping of column name to the export's header")) {
            try notAMapping.columnMapping(for: "one-on-ones")
        }
    }
}
