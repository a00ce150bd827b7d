import Foundation
import Testing
@testable import OrgHealthEngine
import OrgHealthKit
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, rows 3, 4, 5 and 11 at the engine's level: the config, an analyzer's input, the
/// output folder.
@Suite("Inputs that must not take the run down")
struct InputHardeningTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("input-hardening-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try "employee_id,manager_id,team\nM,,Core\n".write(
            to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
    }

    func loader() -> ConfigurationLoader { ConfigurationLoader(knownAnalyzers: ["org-structure", "review-cycles"]) }

    @Test("a config with an alias bomb is a ConfigError naming the line, not 2.8 GB and an abort")
    func configAliasBomb() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        // The reproduction: ten levels of ten aliases under analyzers: org-structure:.
        var text = "organization: Acme\nperiod: 2026-Q3\nroster: roster.csv\nanalyzers:\n  org-structure:\n"
        text += "    l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<10 {
            text += "    l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let file = folder.appendingPathComponent("orghealth.yml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try loader().load(file)
        } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return "\(error)".contains("aliases (*name) expand to more than 100000 values")
        }
    }

    @Test("a config that is a FIFO or a device is refused without blocking")
    func configFIFO() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("orghealth.yml")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        for url in [fifo, URL(fileURLWithPath: "/dev/zero")] {
            #expect {
                _ = try loader().load(url)
            } throws: { error in
                "\(error)".contains("not a regular file")
            }
        }
    }

    @Test("a review source pointing at /dev/zero fails that analyzer alone; the report is made")
    func zeroSourceFailsAlone() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let zero = folder.appendingPathComponent("zero.csv")
        try FileManager.default.createSymbolicLink(atPath: zero.path, withDestinationPath: "/dev/zero")
        var roster = "employee_id,manager_id,team\nM,,Core\n"
        for index in 1...6 { roster += "P\(index),M,Core\n" }
        try roster.write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let configuration = Configuration(
            organization: "Acme", period: try ReportingPeriod(parsing: "2026-Q3"),
            roster: folder.appendingPathComponent("roster.csv"), sources: ["review-cycles": [zero]])
        let report = try await ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 1_790_000_000))
            .run(configuration)
        let reviews = try #require(report.analyzers.first { $0.descriptor.id == "review-cycles" })
        #expect(reviews.status == .failed)
        #expect(reviews.message?.contains("not a regular file") == true)
        let structure = try #require(report.analyzers.first { $0.descriptor.id == "org-structure" })
        #expect(structure.status == .ok)
        #expect(report.summary.headcount == 7)
    }

    @Test("an output folder inside an input folder is refused; beside it, or above it, is fine")
    func outputInsideInput() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let notes = folder.appendingPathComponent("notes")
        let configuration = Configuration(
            organization: "Acme", period: try ReportingPeriod(parsing: "2026-Q3"),
            roster: folder.appendingPathComponent("roster.csv"), sources: ["one-on-ones": [notes]])
        for inside in [notes, notes.appendingPathComponent("Reports"), folder.appendingPathComponent("x/../notes/out")] {
            #expect(throws: OutputPlacementError.self, "\(inside.path)") { try configuration.checkOutputPlacement(inside) }
        }
        // A link to the notes folder is the notes folder.
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: notes.path)
        #expect(throws: OutputPlacementError.self) { try configuration.checkOutputPlacement(link.appendingPathComponent("out")) }
        for outside in [folder.appendingPathComponent("Reports"), folder, folder.appendingPathComponent("notes-reports")] {
            #expect(throws: Never.self, "\(outside.path)") { try configuration.checkOutputPlacement(outside) }
        }
    }
}

@Suite("Input size limits")
struct InputLimitTests {
    @Test("limits.maxFileBytes is read from the config, with a default of 2 GiB")
    func parse() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "employee_id,manager_id,team\n".write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let loader = ConfigurationLoader(knownAnalyzers: [])
        let file = folder.appendingPathComponent("orghealth.yml")
        let base = "organization: A\nperiod: 2026-Q3\nroster: roster.csv\n"
        #expect(try loader.parse(base, file: file).limits.maxFileBytes == 2_147_483_648)  // 2 × 1024³
        #expect(try loader.parse(base + "limits: {maxFileBytes: 1000}\n", file: file).limits.maxFileBytes == 1000)
        #expect(throws: ConfigError.self) { try loader.parse(base + "limits: {maxFileBytes: 0}\n", file: file) }
        #expect(throws: ConfigError.self) { try loader.parse(base + "limits: {maxBytes: 10}\n", file: file) }
    }

    @Test("folders are searched as FileManager walks them: hidden folders entered, links to files followed, links to folders not")
    func folderWalk() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-walk-\(UUID().uuidString)")
        let notes = folder.appendingPathComponent("notes"), outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: notes.appendingPathComponent(".hidden/deep"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let limits = InputLimits(maxFileBytes: 10)
        try "small".write(to: notes.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)  // 5 bytes
        try String(repeating: "x", count: 20).write(to: outside.appendingPathComponent("big.md"), atomically: true, encoding: .utf8)
        // A link to a folder holding a 20-byte file: not entered, so nothing is over 10 bytes.
        try FileManager.default.createSymbolicLink(at: notes.appendingPathComponent("linked"), withDestinationURL: outside)
        #expect(limits.problem(in: [notes]) == nil)
        // A 20-byte file two hidden folders down is found, with its full path.
        let deep = notes.appendingPathComponent(".hidden/deep/b.md")
        try String(repeating: "y", count: 20).write(to: deep, atomically: true, encoding: .utf8)
        #expect(limits.problem(in: [notes])?.hasPrefix("\(deep.path) is 20 bytes, over limits.maxFileBytes (10)") == true)
        try FileManager.default.removeItem(at: deep)
        // A link to the 20-byte file is followed: its target's size counts.
        try FileManager.default.createSymbolicLink(at: notes.appendingPathComponent("c.md"),
                                                   withDestinationURL: outside.appendingPathComponent("big.md"))
        #expect(limits.problem(in: [notes])?.contains("c.md is 20 bytes") == true)
    }

    @Test("a source over the limit fails its analyzer alone; a roster over it stops the run")
    func overLimit() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("reviews"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var roster = "employee_id,manager_id,team\nM,,Core\n"
        for index in 1...6 { roster += "P\(index),M,Core\n" }  // 16 + 7 + 6 × 9 = 77 bytes
        try roster.write(to: folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let reviews = folder.appendingPathComponent("reviews/2026.csv")
        try String(repeating: "x", count: 500).write(to: reviews, atomically: true, encoding: .utf8)
        var configuration = Configuration(
            organization: "Acme", period: try ReportingPeriod(parsing: "2026-Q3"),
            roster: folder.appendingPathComponent("roster.csv"),
            sources: ["review-cycles": [folder.appendingPathComponent("reviews")]])
        configuration.limits.maxFileBytes = 100
        let pipeline = ReportPipeline(registry: .builtIn(), clock: .fixed(secondsSince1970: 1_790_000_000))
        let report = try await pipeline.run(configuration)
        let run = try #require(report.analyzers.first { $0.descriptor.id == "review-cycles" })
        #expect(run.status == .failed)
        #expect(run.message?.contains("2026.csv is 500 bytes, over limits.maxFileBytes (100)") == true)
        #expect(report.analyzers.first { $0.descriptor.id == "org-structure" }?.status == .ok)
        configuration.limits.maxFileBytes = 50
        await #expect(throws: RosterError.self) { _ = try await pipeline.run(configuration) }
    }
}
