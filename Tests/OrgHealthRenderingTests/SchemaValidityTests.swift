import Foundation
import LibXML
import OrgHealthKit
import OrgHealthRendering
import Testing

@Suite("XML schema")
struct SchemaValidityTests {
    @Test("the bundled schema is itself a valid XSD, and a report validates against it")
    func valid() async throws {
        let validator = try XMLSchemaValidator(schema: try ReportSchema.text())
        let report = try ReportFixtures.hostileReport()
        let errors = validator.validate(String(decoding: try XMLRenderer().render(report), as: UTF8.self))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test("the schema rejects a report with a score outside 0–100 or an unknown scope")
    func rejects() throws {
        let validator = try XMLSchemaValidator(schema: try ReportSchema.text())
        let bad = """
        <?xml version="1.0" encoding="UTF-8"?>
        <healthReport xmlns="urn:orghealth:report:1" schemaVersion="1" organization="A" periodStart="2026-07-01"
          periodEnd="2026-09-30" period="2026-Q3" generatedAt="2026-10-01T00:00:00Z" tool="t">
          <summary healthIndex="140" headcount="3"/>
          <scopes><scope id="planet:Mars" kind="team" name="x" headcount="1"/></scopes>
          <watchlist/><crossSourceFindings/>
          <dataQuality rosterRows="1"/>
          <methodology minGroupSize="5" comments="themes" minCommentGroupSize="10"/>
        </healthReport>
        """
        #expect(validator.validate(bad).count >= 2)
    }
}
