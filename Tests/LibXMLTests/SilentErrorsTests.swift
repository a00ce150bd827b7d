#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import LibXML
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct SilentErrorsTests {
    /// Runs `body` with file descriptor 2 redirected to a temporary file and
    /// returns what was written there. The captured bytes are written back to
    /// the real stderr afterwards, so output from concurrently running tests
    /// is not lost.
    private func capturingStandardError(_ body: () -> Void) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("libxml-stderr-\(UUID().uuidString)")
        let capture = open(url.path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        try #require(capture >= 0)
        fflush(nil)
        let original = dup(2)
        try #require(original >= 0)
        dup2(capture, 2)
        body()
        fflush(nil)
        dup2(original, 2)
        close(original)
        close(capture)
        let captured = (try? Data(contentsOf: url)) ?? Data()
        try? FileManager.default.removeItem(at: url)
        _ = captured.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        return String(decoding: captured, as: UTF8.self)
    }

    /// Operations that make libxml2 report errors and warnings of every kind.
    private func noisyOperations() {
        _ = try? HardenedParser.parseXML("<a>\n<b></c>\n</a>")
        _ = try? HardenedParser.parseXML(Fixtures.billionLaughs)
        _ = try? HardenedParser.parseXML(#"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x a="&e;">&e;&undefined;</x>"#)
        _ = try? HardenedParser.parseXML(#"<?xml version="1.0" encoding="no-such-encoding"?><x xmlns:p="relative"><q:y/></x>"#)
        _ = try? HardenedParser.parseHTML(#"<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd"><p><b>x</p><svg><rect/></svg>&bogus;"#)
        _ = try? HardenedParser.parseHTML("")
        if let validator = try? XMLSchemaValidator(schema: Fixtures.teamSchema) {
            _ = validator.validate(Fixtures.invalidTeam)
            _ = validator.validate("<broken")
        }
        _ = try? XMLSchemaValidator(schema: #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include schemaLocation="file:///etc/passwd"/><xs:element name="a" type="nope"/></xs:schema>"#)
        if let writer = try? XMLStreamWriter() {
            _ = try? writer.endElement()
            _ = try? writer.startElement("a")
            _ = try? writer.text("x")
            _ = try? writer.attribute("late", "v")
        }
    }

    @Test func nothingIsPrintedToStandardError() throws {
        let captured = try capturingStandardError {
            let marker = Array("capture-check\n".utf8)
            _ = marker.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            noisyOperations()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in noisyOperations() }
        }
        #expect(captured.contains("capture-check"))
        for marker in ["error :", "warning :", "parser error", "validity error", "HTML parser", "Entity:", "I/O error", "Schemas"] {
            #expect(!captured.contains(marker), "libxml2 printed: \(captured)")
        }
    }
}
