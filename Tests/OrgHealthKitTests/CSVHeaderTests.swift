import OrgHealthKit
import Testing

/// Finding canonical columns in a header: case, spaces and the config's re-mapping.
@Suite("CSVHeader")
struct CSVHeaderTests {
    @Test func matchesIgnoringCaseAndSurroundingSpaces() {
        let header = CSVHeader(fields: [" Employee_ID ", "MANAGER_ID", "team\t", "Hire Date"])
        #expect(header.index(of: "employee_id") == 0)
        #expect(header.index(of: "manager_id") == 1)
        #expect(header.index(of: "team") == 2)
        #expect(header.index(of: " TEAM ") == 2)
        #expect(header.index(of: "hire_date") == nil)
        #expect(header.index(of: "hire date") == 3)
        #expect(header.count == 4)
        #expect(header.fields == [" Employee_ID ", "MANAGER_ID", "team\t", "Hire Date"])
    }

    @Test func mappingNamesTheExportsHeader() {
        let mapping = ["employee_id": "Employee ID", "Manager_ID": "  manager id ", "end_date": "Termination Date"]
        let header = CSVHeader(fields: ["employee id", "Manager ID", "Team", "employee_id"], mapping: mapping)
        #expect(header.index(of: "employee_id") == 0)     // the mapped name, not the canonical column 3
        #expect(header.index(of: "manager_id") == 1)      // canonical keys match case-insensitively too
        #expect(header.index(of: "team") == 2)            // unmapped: looked up by its own name
        #expect(header.index(of: "end_date") == nil)
        #expect(header.expectedHeader(for: "end_date") == "Termination Date")
        #expect(header.expectedHeader(for: "team") == "team")
        #expect(header.missingColumns(["employee_id", "end_date", "team", "level"]) == ["Termination Date", "level"])
        #expect(header.contains("team"))
        #expect(!header.contains("level"))
    }

    @Test func firstOfDuplicateColumnsWins() {
        let header = CSVHeader(fields: ["id", "ID", " id "])
        #expect(header.index(of: "id") == 0)
    }

    @Test func unicodeHeaders() {
        let header = CSVHeader(fields: ["Équipe", "ÉTÉ"])
        #expect(header.index(of: "équipe") == 0)
        #expect(header.index(of: "été") == 1)
    }

    @Test(arguments: csvBufferSizes)
    func fromARecordAfterAByteOrderMark(bufferSize: Int) throws {
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("\"Employee ID\",Team\n".utf8), bufferSize: bufferSize)
        let header = CSVHeader(try #require(try reader.next()), mapping: ["employee_id": "employee id"])
        #expect(header.index(of: "employee_id") == 0)
        #expect(header.index(of: "team") == 1)
    }
}
