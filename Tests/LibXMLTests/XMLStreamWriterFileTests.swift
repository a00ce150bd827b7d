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

    @Test func writesIntoAFileTheBytesItWritesInMemory() throws {
        let path = temporaryFile()
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        // 5,000 elements: far past libxml2's 4 KB output buffer, so it flushes many times.
        let file = try XMLStreamWriter(fileDescriptor: descriptor)
        try writeDocument(file, teams: 5_000)
        try file.finishFile()
        close(descriptor)
        let memory = try XMLStreamWriter()
        try writeDocument(memory, teams: 5_000)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(written == Data(try memory.finish().utf8))
    }

    @Test func aDocumentOfManyChunksIsWrittenWholeAndInOrder() throws {
        let path = temporaryFile()
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        // About 11 MB: the sink's 1 MiB chunks are queued, written and reused several times over.
        let file = try XMLStreamWriter(fileDescriptor: descriptor)
        try writeDocument(file, teams: 150_000)
        try file.finishFile()
        close(descriptor)
        let memory = try XMLStreamWriter()
        try writeDocument(memory, teams: 150_000)
        let expected = Data(try memory.finish().utf8)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(expected.count > 10 << 20)
        #expect(written == expected)
    }

    /// The 150,000-team document written into a file at `path`, after `prefix` bytes already
    /// in it; returns the file's bytes after `suffix` is written behind the document.
    private func writeLarge(at path: String, prefix: String = "", suffix: String = "") throws -> Data {
        let descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        if !prefix.isEmpty { try #require(write(descriptor, prefix, prefix.utf8.count) == prefix.utf8.count) }
        let file = try XMLStreamWriter(fileDescriptor: descriptor)
        try writeDocument(file, teams: 150_000)
        try file.finishFile()
        // The file must be left as it was given: a write of any length at any offset works.
        if !suffix.isEmpty { try #require(write(descriptor, suffix, suffix.utf8.count) == suffix.utf8.count) }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    private func largeInMemory() throws -> Data {
        let memory = try XMLStreamWriter()
        try writeDocument(memory, teams: 150_000)
        return Data(try memory.finish().utf8)
    }

    @Test func directWritesLeaveTheFileAsGivenAndTheBytesTheSame() throws {
        // A file in the temporary folder (direct I/O where its file system allows it), and one
        // started at an offset that is not a whole block (never direct).
        let expected = try largeInMemory()
        let path = temporaryFile()
        defer { unlink(path) }
        #expect(try writeLarge(at: path, suffix: "tail") == expected + Data("tail".utf8))
        #expect(try writeLarge(at: path, prefix: "abc", suffix: "z") == Data("abc".utf8) + expected + Data("z".utf8))
    }

    @Test func aFileSystemWithoutDirectIOGetsTheSameBytes() throws {
        // tmpfs refuses O_DIRECT: every chunk goes through the page cache.
        try #require(FileManager.default.fileExists(atPath: "/dev/shm"))
        let path = "/dev/shm/xml-writer-\(UUID().uuidString).xml"
        defer { unlink(path) }
        #expect(try writeLarge(at: path, suffix: "tail") == (try largeInMemory()) + Data("tail".utf8))
    }

    @Test func aFullDiskMidwayThroughALargeDocumentIsReported() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let writer = try XMLStreamWriter(fileDescriptor: descriptor)
        // The first chunk's write fails while later ones are being filled: a later call, or the
        // finish at the latest, throws with the system's reason.
        let error = #expect(throws: LibXMLError.self) {
            try writeDocument(writer, teams: 150_000)
            try writer.finishFile()
        }
        #expect(error?.message.contains(String(cString: strerror(ENOSPC))) == true)
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

    @Test func aFullDiskIsReportedWithTheSystemsReason() throws {
        // /dev/full: every write(2) fails with ENOSPC, as on a full disk.
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let writer = try XMLStreamWriter(fileDescriptor: descriptor)
        let error = #expect(throws: LibXMLError.self) {
            try writeDocument(writer, teams: 1_000)
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
