import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit

/// `SnapshotProvenance.of` walks the input folders with `readdir`, not FileManager's URLs: the
/// files it lists, their paths and hashes must be those the rules name (docs/HISTORY.md) —
/// every regular file below a source folder, hidden ones included; links, pipes and folders
/// reached through links left out — so that a stored fingerprint still matches after upgrading.
@Suite("History: the input fingerprint")
struct SnapshotProvenanceTests {
    @Test("regular files below a folder, hidden ones included; links, pipes and linked folders left out")
    func walkedFiles() throws {
        let root = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let notes = root.appendingPathComponent("notes")
        let outside = try HistoryFixture.folder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let manager = FileManager.default
        try manager.createDirectory(at: notes.appendingPathComponent("team/deeper"), withIntermediateDirectories: true)
        try manager.createDirectory(at: notes.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        func write(_ text: String, _ path: String, in folder: URL) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(path))
        }
        try write("org,name\n", "roster.csv", in: root)
        try write("organization: A\n", "orghealth.yml", in: root)
        try write("abc", "a.md", in: notes)
        try write("", "empty.md", in: notes)
        try write("# deep", "team/deeper/b.md", in: notes)
        try write("hidden", ".hidden/c.md", in: notes)
        try write("dot", ".dot.md", in: notes)
        try write("elsewhere", "x.md", in: outside)
        try manager.createSymbolicLink(atPath: notes.appendingPathComponent("link.md").path, withDestinationPath: outside.appendingPathComponent("x.md").path)
        try manager.createSymbolicLink(atPath: notes.appendingPathComponent("linked-folder").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: notes.appendingPathComponent("dangling.md").path, withDestinationPath: "/nonexistent/orghealth")
        #expect(mkfifo(notes.appendingPathComponent("pipe.md").path, 0o600) == 0)

        let configuration = Configuration(
            file: root.appendingPathComponent("orghealth.yml"), organization: "A", period: try ReportingPeriod(parsing: "2026-Q3"),
            roster: root.appendingPathComponent("roster.csv"),
            // The folder named twice, once through "..": each file is listed once.
            sources: ["one-on-ones": [notes, notes.appendingPathComponent("team/../")]])
        let provenance = SnapshotProvenance.of(configuration, tool: "orghealth test")
        // SHA-256 by coreutils' definition: "abc" (FIPS 180-2 B.1), the empty message, and the others
        // worked out with `printf … | sha256sum`.
        #expect(provenance.inputFiles == [
            .init(path: "notes/.dot.md", bytes: 3, sha256: "e392dad8b08599f74d4819cd291feef81ab4389e0a6fae2b1286f99411b0c7ca"),
            .init(path: "notes/.hidden/c.md", bytes: 6, sha256: "e564b4081d7a9ea4b00dada53bdae70c99b87b6fce869f0c3dd4d2bfa1e53e1c"),
            .init(path: "notes/a.md", bytes: 3, sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            .init(path: "notes/empty.md", bytes: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            .init(path: "notes/team/deeper/b.md", bytes: 6, sha256: "8b88b09f58fb5a30516cf0b8aceb0b3511f870d4a1f2ae5778eca0d7d29e1216"),
            .init(path: "roster.csv", bytes: 9, sha256: "675e7de6dbb160bb028b54a81d54d9f52f05409e09d7085e98a1b26aaa0e820d"),
        ])
    }
}
