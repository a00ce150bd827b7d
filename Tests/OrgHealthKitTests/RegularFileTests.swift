import Foundation
import Testing
@testable import OrgHealthKit
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, rows 4 and 5: a roster or source pointing at `/dev/zero` grew memory until the
/// process aborted, and a roster that is a FIFO hung the run. Only regular files are read now.
@Suite("Only regular files are read")
struct RegularFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("regular-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// A named pipe with no writer: opening it for reading the usual way blocks forever.
    func fifo(_ name: String = "fifo.csv") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try #require(mkfifo(url.path, 0o600) == 0)
        return url
    }

    /// A symbolic link to `/dev/zero`, as in the reproduction (`zero.csv → /dev/zero`).
    func zeroLink() throws -> URL {
        let url = folder.appendingPathComponent("zero.csv")
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/zero")
        return url
    }

    @Test("a roster that is a FIFO is refused at once, naming what it is")
    func fifoRoster() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try fifo()
        let elapsed = ContinuousClock().measure {
            #expect {
                _ = try RosterReader().read(url)
            } throws: { error in
                // By hand: "fifo.csv: cannot open the file (it is a FIFO (named pipe), not a regular file: …"
                let text = (error as? RosterError)?.message ?? ""
                return text.hasPrefix("fifo.csv: cannot open the file (it is a FIFO (named pipe), not a regular file")
            }
        }
        #expect(elapsed < .seconds(5))  // it used to hang
    }

    @Test("a roster that is a link to /dev/zero is refused before a byte is read")
    func zeroRoster() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try zeroLink()
        #expect {
            _ = try RosterReader().read(url)
        } throws: { error in
            ((error as? RosterError)?.message ?? "").contains("it is a character device, not a regular file")
        }
        #expect(throws: RegularFile.Refusal.self) { _ = try RegularFile.read(url.path) }
    }

    @Test("CSV sources (reviews, survey exports) refuse devices and FIFOs with .cannotOpen")
    func csvSources() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for url in [try fifo(), try zeroLink(), URL(fileURLWithPath: "/dev/null")] {
            #expect {
                _ = try CSVReader(contentsOf: url)
            } throws: { error in
                guard let error = error as? CSVError else { return false }
                return error.kind == .cannotOpen && error.message.contains("not a regular file")
            }
        }
    }

    @Test("a regular file is read whole; one over the limit is refused as too large")
    func sizeLimit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("small.csv")
        try Data("0123456789abcdefghij".utf8).write(to: url)  // 20 bytes
        #expect(try RegularFile.read(url.path, maxBytes: 20).count == 20)
        #expect {
            _ = try RegularFile.read(url.path, maxBytes: 19)
        } throws: { error in
            guard let refusal = error as? RegularFile.Refusal else { return false }
            return refusal.isTooLarge && refusal.reason.contains("20 bytes, over the limit of 19")
        }
        // A link to a regular file is followed.
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: url.path)
        #expect(try RegularFile.read(link.path).count == 20)
    }
}
