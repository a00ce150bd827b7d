import Foundation
import LibXML
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The writer straight into a file (issue 16): the same bytes as in memory, and a failed
/// write(2) reported with the system's reason.
@Suite struct XMLStreamWriterFileTests {
    /// Writes the same small document through `writer`.
    private func writeDocument(_ writer: XMLStreamWriter, teams: Int) throws {
        try writer.startDocument()
        try writer.startElement("report", namespace: "urn:orghealth:report")
        try writer.attribute("version", "1")
        for index in 0..<teams {
            try writer.element("team", attributes: [("id", "t\(index)"), ("name", "R&D <\(index)>")], text: "Développement")
        }
        try writer.element("empty")
        try writer.endElement()
        try writer.endDocument()
    }

    private func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("xml-writer-\(UUID().uuidString).xml").path
    }

    /// The document of `teams` teams written into a file at `path`, after `prefix` bytes already
    /// in it; returns the file's bytes after `suffix` is written behind the document.
    private func written(teams: Int, at path: String, prefix: String = "", suffix: String = "") throws -> Data {
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        if !prefix.isEmpty { try #require(write(descriptor, prefix, prefix.utf8.count) == prefix.utf8.count) }
        let file = try XMLStreamWriter(fileDescriptor: descriptor)
        try writeDocument(file, teams: teams)
        try file.finishFile()
        // The file must be left as it was given: a write of any length at any offset works.
        if !suffix.isEmpty { try #require(write(descriptor, suffix, suffix.utf8.count) == suffix.utf8.count) }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The same document written into memory.
    private func inMemory(teams: Int) throws -> Data {
        let memory = try XMLStreamWriter()
        try writeDocument(memory, teams: teams)
        return Data(try memory.finish().utf8)
    }

    @Test func writesIntoAFileTheBytesItWritesInMemory() throws {
        let path = temporaryFile()
        defer { unlink(path) }
        // 5,000 elements: far past libxml2's 4 KB output buffer, so it flushes many times.
        #expect(try written(teams: 5_000, at: path) == (try inMemory(teams: 5_000)))
    }

    @Test func aDocumentOfManyChunksIsWrittenWholeAndInOrder() throws {
        let path = temporaryFile()
        defer { unlink(path) }
        // About 11 MB: the sink's 1 MiB chunks are queued, written and reused several times over.
        let expected = try inMemory(teams: 150_000)
        #expect(expected.count > 10 << 20)
        #expect(try written(teams: 150_000, at: path) == expected)
    }

    @Test func directWritesLeaveTheFileAsGivenAndTheBytesTheSame() throws {
        // A file in the temporary folder (direct I/O where its file system allows it), and one
        // started at an offset that is not a whole block (never direct).
        let expected = try inMemory(teams: 150_000)
        let path = temporaryFile()
        defer { unlink(path) }
        #expect(try written(teams: 150_000, at: path, suffix: "tail") == expected + Data("tail".utf8))
        #expect(try written(teams: 150_000, at: path, prefix: "abc", suffix: "z") == Data("abc".utf8) + expected + Data("z".utf8))
    }

    @Test func aFileSystemWithoutDirectIOGetsTheSameBytes() throws {
        // tmpfs refuses O_DIRECT: every chunk goes through the page cache.
        try #require(FileManager.default.fileExists(atPath: "/dev/shm"))
        let path = "/dev/shm/xml-writer-\(UUID().uuidString).xml"
        defer { unlink(path) }
        #expect(try written(teams: 150_000, at: path, suffix: "tail") == (try inMemory(teams: 150_000)) + Data("tail".utf8))
    }

    @Test func aSmallDocumentInAFileIsWhatTheSpecSays() throws {
        let path = temporaryFile()
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let file = try XMLStreamWriter(fileDescriptor: descriptor)
        try writeDocument(file, teams: 1)
        try file.finishFile()
        close(descriptor)
        // By hand: the declaration, two-space indentation, & and < escaped in the attribute.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == """
            <?xml version="1.0" encoding="UTF-8"?>
            <report xmlns="urn:orghealth:report" version="1">
              <team id="t0" name="R&amp;D &lt;0&gt;">Développement</team>
              <empty/>
            </report>

            """)
    }

    /// 1,000 teams fit in the sink's first chunk (the failure comes at the finish); 150,000 fill
    /// many, and the first chunk's write fails while later ones are being filled.
    @Test(arguments: [1_000, 150_000])
    func aFullDiskIsReportedWithTheSystemsReason(teams: Int) throws {
        // /dev/full: every write(2) fails with ENOSPC, as on a full disk.
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let writer = try XMLStreamWriter(fileDescriptor: descriptor)
        let error = #expect(throws: LibXMLError.self) {
            try writeDocument(writer, teams: teams)
            try writer.finishFile()
        }
        #expect(error?.message.contains(String(cString: strerror(ENOSPC))) == true)
    }

    @Test func finishingTheWrongWayThrows() throws {
        #expect(throws: LibXMLError.self) { try XMLStreamWriter().finishFile() }
        let descriptor = open("/dev/null", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(throws: LibXMLError.self) { _ = try XMLStreamWriter(fileDescriptor: descriptor).finish() }
    }
}
