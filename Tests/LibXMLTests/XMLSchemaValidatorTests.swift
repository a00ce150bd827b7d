#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LibXML
import Testing

@Suite struct XMLSchemaValidatorTests {
    @Test func validDocumentHasNoErrors() throws {
        let validator = try XMLSchemaValidator(schema: Fixtures.teamSchema)
        #expect(validator.validate(Fixtures.validTeam) == [])
        #expect(validator.validate(Data(Fixtures.validTeam.utf8)) == [])
    }

    @Test func invalidDocumentReportsErrorsWithLineNumbers() throws {
        let validator = try XMLSchemaValidator(schema: Data(Fixtures.teamSchema.utf8))
        let errors = validator.validate(Fixtures.invalidTeam)
        #expect(errors.count >= 1)
        #expect(errors.allSatisfy { $0.line != nil })
        #expect(errors.contains { $0.line == 4 })
        #expect(errors.allSatisfy { !$0.message.isEmpty && !$0.message.hasSuffix("\n") })
    }

    @Test func wrongNamespaceIsInvalid() throws {
        let validator = try XMLSchemaValidator(schema: Fixtures.teamSchema)
        let errors = validator.validate(#"<team name="x"><member id="1"/></team>"#)
        #expect(errors.first?.line == 1)
    }

    @Test func parseErrorsAreReportedToo() throws {
        let validator = try XMLSchemaValidator(schema: Fixtures.teamSchema)
        let errors = validator.validate("<team xmlns=\"urn:orghealth:test\" name=\"x\">\n<member id=\"1\">\n</team>")
        #expect(errors.count >= 1)
        #expect(errors.first?.line == 3)
        #expect(validator.validate("").count == 1)
    }

    @Test(arguments: [
        "not xml",
        #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="xs:nope"/></xs:schema>"#,
        "<notASchema/>",
    ])
    func invalidSchemaThrows(_ schema: String) {
        #expect(throws: LibXMLError.self) { try XMLSchemaValidator(schema: schema) }
    }

    @Test func schemaIncludesAreNeverLoaded() throws {
        let schema = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="file:///etc/passwd"/>
              <xs:import namespace="urn:x" schemaLocation="http://example.invalid/x.xsd"/>
              <xs:element name="a" type="xs:string"/>
            </xs:schema>
            """
        do {
            let validator = try XMLSchemaValidator(schema: schema)
            #expect(validator.validate("<a>ok</a>") == [])
        } catch {
            #expect(!error.message.contains("root:"))
        }
    }

    @Test func includedSchemaFilesAreNotRead() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("libxml-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let included = directory.appendingPathComponent("types.xsd")
        try Data("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:simpleType name="code"><xs:restriction base="xs:string"/></xs:simpleType>
            </xs:schema>
            """.utf8).write(to: included)
        let schema = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:include schemaLocation="\(included.absoluteString)"/>
              <xs:element name="a" type="code"/>
            </xs:schema>
            """
        // With a normal entity loader this schema compiles; the hardened one refuses the file.
        let error = try #require(throws: LibXMLError.self) { try XMLSchemaValidator(schema: schema) }
        #expect(error.line == 2)
    }

    @Test func oneValidatorCanBeSharedAcrossTasks() async throws {
        let validator = try XMLSchemaValidator(schema: Fixtures.teamSchema)
        let results = await withTaskGroup(of: (Bool, Bool).self) { group in
            for _ in 0..<16 {
                group.addTask {
                    (validator.validate(Fixtures.validTeam).isEmpty, validator.validate(Fixtures.invalidTeam).isEmpty)
                }
            }
            return await group.reduce(into: [(Bool, Bool)]()) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == (true, false) })
    }
}
