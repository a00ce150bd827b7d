import Testing
@testable import OrgHealthSampleData

@Suite("CSV, JSON, HTML and YAML text helpers")
struct TextFormattingTests {
    @Test("CSV fields are quoted only when needed, quotes doubled")
    func csv() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("Facilities \"Workplace\" <Ops>") == "\"Facilities \"\"Workplace\"\" <Ops>\"")
        #expect(CSVText.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVText.field(" padded") == "\" padded\"")
        #expect(CSVText.row(["a", "b,c", ""]) == "a,\"b,c\",\n")
    }

    @Test("JSON strings escape quotes, backslashes and control characters")
    func json() {
        #expect(NoteEscaping.json("say \"hi\"\\\n\t\u{01}é") == "\"say \\\"hi\\\"\\\\\\n\\t\\u0001é\"")
    }

    @Test("HTML text escapes markup characters")
    func html() {
        #expect(NoteEscaping.html("R&D <b>\"x\"</b>") == "R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt;")
    }

    @Test("YAML scalars are quoted when they would not read back as plain text")
    func yaml() {
        #expect(YAMLText.scalar("Northwind Labs") == "Northwind Labs")
        #expect(YAMLText.scalar("Acme: \"West\"") == "\"Acme: \\\"West\\\"\"")
        #expect(YAMLText.scalar("#1 Corp") == "\"#1 Corp\"")
    }

    @Test("names become ASCII e-mail parts, slugs and mixed-case addresses")
    func names() {
        #expect(SampleNames.emailPart("Jovanović") == "jovanovic")
        #expect(SampleNames.emailPart("O'Brien") == "obrien")
        #expect(SampleNames.emailDomain(for: "Northwind Labs") == "northwind.example")
        #expect(SampleNames.slug("Facilities \"Workplace\" <Ops>") == "facilities-workplace-ops")
        #expect(SampleNames.mixedCase(email: "ana.lopez@northwind.example") == "Ana.Lopez@Northwind.example")
    }
}
