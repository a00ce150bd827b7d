import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer
#if canImport(Glibc)
import Glibc
#endif

/// Issue 16: the note prefetch (kernel read-ahead on spare threads) only asks; it never blocks on
/// a special file, ends on its own, and does not change what the readers read.
@Suite("Notes: prefetch")
struct NotePrefetchTests {
    static let roster = "employee_id,manager_id,team\nM,,Core\nR,M,Core\n"

    static func note(_ day: Int) -> String {
        "---\ndate: 2026-07-\(String(format: "%02d", day % 28 + 1))\nmanager: M\nreport: R\n---\n- feedback on the demo\n"
    }

    /// 300 notes (over the prefetch's minimum) with a FIFO and a link to /dev/zero among them.
    static func folder() throws -> NotesFolder {
        var files: [String: String] = [:]
        for index in 0..<300 { files["n\(index).md"] = note(index) }
        let folder = try NotesFolder(files)
        try #require(mkfifo(folder.url.appendingPathComponent("n150-pipe.md").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("n151-zero.md").path, withDestinationPath: "/dev/zero")
        return folder
    }

    @Test("the prefetch threads pass a FIFO and /dev/zero by and end once every file was asked for")
    func endsPastSpecialFiles() throws {
        let folder = try Self.folder()
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
            .map { folder.url.appendingPathComponent($0).path }
        #expect(paths.count >= NotePrefetch.minimumFiles)
        let prefetch = NotePrefetch(paths: paths, onlyWhenCold: false)
        // A FIFO opened the blocking way would keep a thread waiting for a writer for ever.
        let deadline = Date().addingTimeInterval(20)
        while !prefetch.isFinished, Date() < deadline { usleep(2_000) }
        #expect(prefetch.isFinished)
    }

    @Test("300 notes read with the prefetch running count every meeting, as without it")
    func sameMeetings() async throws {
        let folder = try Self.folder()
        let result = try await Fixture.analyze(folder, roster: Self.roster, minGroupSize: 2)
        // 300 notes on 28 distinct dates: one pair, 28 meetings (same-day notes are one meeting).
        #expect(Fixture.value(result, "oneonone.meetingsPerPair") == 28)
    }

    @Test("files just written are in memory: the sample finds them warm, and no thread starts")
    func warmFilesAreLeftAlone() throws {
        let folder = try Self.folder()
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
            .map { folder.url.appendingPathComponent($0).path }
        #expect(!NotePrefetch.looksCold(paths))
        #expect(NotePrefetch(paths: paths).isFinished)
    }
}
