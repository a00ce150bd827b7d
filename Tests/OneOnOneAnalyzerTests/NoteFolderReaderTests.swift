import Foundation
import Testing
import OrgHealthKit
@testable import OneOnOneAnalyzer

/// The folder reader deals files to its workers in runs of neighbours, and each worker opens a
/// file by its name in the folder it holds open (issue 16): every file is read once, whichever
/// folder it is in and however the runs fall.
@Suite("Notes folder reader")
struct NoteFolderReaderTests {
    @Test("every file of many folders of uneven sizes, and a file named on its own, is read exactly once")
    func everyFileOnce() async throws {
        // Seven managers, each with one report; folder k holds `counts[k]` one-meeting notes of
        // that pair on distinct days (1 to 70 files: runs of 32 end inside folders and across
        // them). One more note sits at the top of the folder.
        let counts = [1, 3, 70, 32, 33, 5, 40]
        var files: [String: String] = [:]
        var rosterLines = ["employee_id,name,email,manager_id,team,department,hire_date"]
        for (k, count) in counts.enumerated() {
            rosterLines.append("M\(k),Manager \(k),m\(k)@acme.example,,T\(k),D,2020-01-01")
            rosterLines.append("R\(k),Report \(k),r\(k)@acme.example,M\(k),T\(k),D,2020-01-01")
            for day in 0..<count {
                let date = CalendarDate(dayNumber: Fixture.period.start.dayNumber + day)
                files["folder-\(k)/\(date)-M\(k)-R\(k).md"] = "---\ndate: \(date)\nmanager: M\(k)\nreport: R\(k)\n---\n## Notes\n- roadmap\n"
            }
        }
        files["top.md"] = "---\ndate: 2026-08-01\nmanager: M0\nreport: R1\n---\n## Notes\n- feedback\n"
        let folder = try NotesFolder(files)
        let roster = try Fixture.roster(rosterLines.joined(separator: "\n") + "\n")
        let reader = NoteFolderReader(settings: try OneOnOneOptions(options: AnalyzerOptions([:])), roster: roster,
                                      period: Fixture.period)

        let listed = try NoteFolder.files(in: [folder.url.path])
        let total = counts.reduce(0, +) + 1
        #expect(listed.count == total)
        let ledger = await reader.read(listed, progress: .silent)
        #expect(ledger.filesRead == total)
        #expect(ledger.filesSkipped == 0)
        #expect(ledger.meetingsInPeriod == total)
        #expect(ledger.diagnostics.isEmpty)
        for (k, count) in counts.enumerated() {
            #expect(ledger.pairs[PairKey(manager: "M\(k)", report: "R\(k)")]?.recordedCount == count)
        }
        #expect(ledger.pairs[PairKey(manager: "M0", report: "R1")]?.recordedCount == 1)

        // A note named on its own (a file, not a folder, in the config) is read by its path.
        let inFolder2 = try #require(listed.first { $0.relativePath.hasPrefix("folder-2/") })
        let single = try NoteFolder.files(in: [inFolder2.path])
        #expect(single.count == 1)
        let alone = await reader.read(single, progress: .silent)
        #expect(alone.filesRead == 1 && alone.meetingsInPeriod == 1)
    }
}
