import OrgHealthKit
import Testing

/// Header names as survey and HR tools export them match what a person types in a config.
@Suite("CSVHeader: Unicode-aware column matching")
struct HeaderNormalizationTests {
    @Test(arguments: [
        // (as exported, as typed, why)
        ("Manager\u{2019}s name", "manager's name", "curly apostrophe U+2019 (Word/Forms autocorrect)"),
        ("Team\u{00A0}Name", "team name", "no-break space U+00A0 (Qualtrics/SurveyMonkey question text)"),
        ("Start\u{202F}date", "start date", "narrow no-break space U+202F (French typography)"),
        ("Total\u{2007}2026", "total 2026", "figure space U+2007"),
        ("\u{201C}Team\u{201D}", "\"team\"", "curly double quotes"),
        ("Hire \u{2013} date", "hire - date", "en dash"),
        ("Hire\u{2014}date", "hire-date", "em dash"),
        ("  Employee \t  ID ", "employee id", "runs of whitespace, surrounding spaces"),
        ("Caf\u{0065}\u{0301}", "café", "decomposed é (NFD, as macOS file systems write it)"),
        ("\u{FEFF}employee_id", "employee_id", "a byte order mark left inside a header"),
        ("EMPLOYEE_ID", "employee_id", "case"),
    ])
    func matches(exported: String, typed: String, why: String) {
        #expect(CSVHeader.normalizedName(exported) == CSVHeader.normalizedName(typed), "\(why)")
        let header = CSVHeader(fields: ["x", exported])
        #expect(header.index(of: typed) == 1, "\(why)")
    }

    @Test func normalizedFormIsWorkedOutByHand() {
        #expect(CSVHeader.normalizedName("  Manager\u{2019}s\u{A0}\u{A0}Name \u{2013} EN ") == "manager's name - en")
        #expect(CSVHeader.normalizedName("Employee  ID") == "employee id")
    }

    @Test func mappingsGoThroughTheSameRule() {
        // A config mapping typed with straight quotes finds the export's curly one.
        let header = CSVHeader(fields: ["ID", "Manager\u{2019}s\u{A0}ID"], mapping: ["manager_id": "Manager's ID"])
        #expect(header.index(of: "manager_id") == 1)
    }

    @Test func differentNamesStayDifferent() {
        #expect(CSVHeader.normalizedName("team-a") != CSVHeader.normalizedName("team a"))
        #expect(CSVHeader.normalizedName("e1") != CSVHeader.normalizedName("e 1"))
    }
}
