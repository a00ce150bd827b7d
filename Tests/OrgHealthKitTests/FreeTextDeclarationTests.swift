import Foundation
import OrgHealthKit
import Testing

/// The descriptor's `freeText` as an external analyzer's `describe` sends it
/// (docs/WRITING-ANALYZERS.md): optional, and `followsCommentPolicy` defaults to false.
@Suite("Descriptor: declared free text")
struct FreeTextDeclarationTests {
    @Test("a describe answer without freeText has none; one without followsCommentPolicy never shows its text")
    func decoding() throws {
        let bare = try JSONDecoder().decode(AnalyzerDescriptor.self, from: Data(#"{"id": "kudos"}"#.utf8))
        #expect(bare.freeText == nil)
        let declared = try JSONDecoder().decode(AnalyzerDescriptor.self, from: Data(#"""
            {"id": "kudos", "freeText": [{"name": "kudos messages"}, {"name": "replies", "followsCommentPolicy": true}]}
            """#.utf8))
        #expect(declared.freeText == [
            FreeTextDeclaration(name: "kudos messages", followsCommentPolicy: false),
            FreeTextDeclaration(name: "replies", followsCommentPolicy: true),
        ])
    }

    @Test("declared in Swift, it survives the JSON round trip")
    func roundTrip() throws {
        let descriptor = AnalyzerDescriptor(id: "kudos", name: "Kudos", version: "1.0.0", summary: "Recognition.")
            .readingFreeText([FreeTextDeclaration(name: "kudos messages")])
        let decoded = try JSONDecoder().decode(AnalyzerDescriptor.self, from: try JSONEncoder().encode(descriptor))
        #expect(decoded == descriptor)
        #expect(decoded.freeText?.first?.name == "kudos messages")
    }
}
