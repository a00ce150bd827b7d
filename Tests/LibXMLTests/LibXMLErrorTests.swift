import LibXML
import Testing

@Suite struct LibXMLErrorTests {
    @Test func describesThePosition() {
        #expect(LibXMLError(message: "boom", line: 3, column: 7).description == "line 3, column 7: boom")
        #expect(LibXMLError(message: "boom", line: 3).description == "line 3: boom")
        #expect(LibXMLError(message: "boom").description == "boom")
        #expect(LibXMLError(message: "boom", line: 0, column: 0) == LibXMLError(message: "boom"))
    }

    @Test func cleansMessages() {
        let error = LibXMLError(message: "  Opening and ending tag mismatch\n\u{1}x\n")
        #expect(error.message == "Opening and ending tag mismatch  x")
        let long = LibXMLError(message: String(repeating: "a", count: 1_000))
        #expect(long.message.count == 301)
        #expect(long.message.hasSuffix("…"))
    }

    @Test func initializeIsIdempotentAndThreadSafe() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { LibXML.initialize() }
            }
        }
        LibXML.initialize()
        #expect(throws: Never.self) { try HardenedParser.parseXML("<ok/>") }
    }
}
