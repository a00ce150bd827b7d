import Foundation
import OrgHealthKit
import Testing
@testable import OrgHealthSampleData

@Suite("Sample organization: files, config and determinism")
struct SampleOrganizationTests {
    @Test("the same parameters write byte-identical files")
    func deterministic() throws {
        let first = try GeneratedSample(employees: 80, seed: 11)
        let second = try GeneratedSample(employees: 80, seed: 11)
        #expect(first.files.count == second.files.count)
        #expect(first.files.keys.sorted() == second.files.keys.sorted())
        for (path, bytes) in first.files {
            #expect(second.files[path] == bytes, "\(path) differs between two runs")
        }
    }

    @Test("another seed gives another organization")
    func seedMatters() throws {
        let sample = try #require(GeneratedSample.standard)
        let other = try GeneratedSample(employees: 120, seed: 8)
        #expect(sample.files["roster.csv"] != other.files["roster.csv"])
    }

    @Test("the manifest lists exactly the files on disk, sorted")
    func manifestMatchesDisk() throws {
        let sample = try #require(GeneratedSample.standard)
        let listed = sample.manifest.files.map(sample.relative)
        #expect(listed == listed.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(Set(listed) == Set(sample.files.keys))
        #expect(sample.manifest.files.contains(sample.manifest.configFile))
        #expect(sample.manifest.notesFiles == sample.paths(under: "one-on-ones/").count)
    }

    @Test("orghealth.yml references every file written, by relative path")
    func configReferencesEveryFile() throws {
        let sample = try #require(GeneratedSample.standard)
        let config = sample.text("orghealth.yml")
        // The keys that name files: the roster, and each input's own (from the one list of
        // inputs, so a new input is checked without an edit here; roles such as `responses`
        // are keys of their own lines).
        let fileKeys = Set(["roster"] + SampleSources.all.flatMap(\.configEntry).compactMap { line -> String? in
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            return line.hasPrefix("#") || parts.count < 2 || parts[1].isEmpty ? nil : parts[0]
        })
        // Today's inputs, counted by hand: roster, one-on-ones, review-cycles, responses,
        // definition, exits, recognition.
        #expect(fileKeys.count >= 7)
        var referenced: [String] = []
        let inputs = config.components(separatedBy: "\nprivacy:").first ?? ""
        for line in inputs.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, fileKeys.contains(parts[0]) else { continue }
            referenced.append(parts[1])
        }
        #expect(referenced.count == fileKeys.count)
        for path in sample.files.keys where path != "orghealth.yml" {
            let covered = referenced.contains { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 }
            #expect(covered, "\(path) is not referenced by orghealth.yml")
        }
        for reference in referenced {
            #expect(sample.files.keys.contains { reference.hasSuffix("/") ? $0.hasPrefix(reference) : $0 == reference },
                    "orghealth.yml references \(reference), which was not written")
        }
    }

    @Test("every input names its kind under sources: and owns the top-level entries it writes")
    func inputsDeclareWhatTheyWrite() throws {
        let sample = try #require(GeneratedSample.standard)
        let config = sample.text("orghealth.yml")
        for source in SampleSources.all {
            #expect(config.contains("\n  \(source.inputKind):"), "\(source.inputKind) is not under sources:")
        }
        let topLevel = Set(sample.files.keys.map { String($0.split(separator: "/")[0]) })
        #expect(topLevel == Set(SampleDirectory.ownedEntries), "a written entry is not owned, or an owned one not written")
    }

    @Test("orghealth.yml has the documented sections and values")
    func configSections() throws {
        let config = try #require(GeneratedSample.standard).text("orghealth.yml")
        for expected in [
            "organization: Northwind Labs", "period: 2026-Q3", "roster: roster.csv", "sources:",
            "  one-on-ones: one-on-ones/", "  review-cycles: reviews.csv", "  culture-survey:",
            "    responses: survey/responses.csv", "    definition: survey/survey.yml", "  exits: exits.csv",
            "  recognition: recognition.csv", "privacy:", "  minGroupSize: 5", "  comments: themes",
            "  minCommentGroupSize: 10", "analyzers:", "  one-on-ones: {expectedCadenceDays: 14, maxGapDays: 30}",
            "output:", "  directory: Reports/", "  formats: [html, xml]",
        ] {
            #expect(config.contains(expected + "\n"), "missing: \(expected)")
        }
        #expect(config.hasPrefix(SampleConfigWriter.marker))
        #expect(!config.contains("\nplugins:"))
        #expect(!config.contains("\nhistory:"))
        #expect(!config.contains("\ncolumns:"))
    }

    @Test("every input is valid UTF-8 except the planted Latin-1 file")
    func utf8() throws {
        let sample = try #require(GeneratedSample.standard)
        let planted = Set(sample.manifest.planted.nonUTF8Files.map(sample.relative))
        #expect(planted == [MalformedNotesGenerator.latin1])
        for (path, bytes) in sample.files {
            let valid = Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
            #expect(valid == !planted.contains(path), "\(path): UTF-8 validity \(valid)")
        }
    }

    @Test("manifest counts agree with the files")
    func counts() throws {
        let sample = try #require(GeneratedSample.standard)
        let manifest = sample.manifest
        #expect(manifest.employees == 120)
        #expect(manifest.rosterRows == manifest.employees + 1)
        #expect(sample.roster.count == manifest.rosterRows + 1)
        #expect(CSVRecords.parse(sample.text("reviews.csv")).count == manifest.reviewRows + 1)
        #expect(CSVRecords.parse(sample.text("survey/responses.csv")).count == manifest.surveyRows + 3)
        #expect(CSVRecords.parse(sample.text("exits.csv")).count == manifest.exits + 1)
        #expect(CSVRecords.parse(sample.text("recognition.csv")).count == manifest.recognitions + 1)
        #expect(manifest.headcountAtPeriodEnd < manifest.employees)
        #expect(manifest.headcountAtPeriodEnd > manifest.employees * 8 / 10)
    }

    @Test("sizes below the minimum are refused with a clear error")
    func tooSmall() throws {
        let period = try #require(GeneratedSample.period)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: SampleDataError.tooFewEmployees(requested: 10, minimum: SampleOrganization.minimumEmployees)) {
            try SampleOrganization(employees: 10, period: period).write(to: directory.url)
        }
    }

    @Test("the smallest organization holds every planted scenario")
    func minimumSize() throws {
        let sample = try GeneratedSample(employees: SampleOrganization.minimumEmployees, seed: 3)
        let planted = sample.manifest.planted
        #expect(planted.lowOneOnOneManagerIDs.count >= 2)
        #expect(!planted.leaversInPeriodIDs.isEmpty)
        #expect(!planted.recentHireIDs.isEmpty)
        #expect(!planted.futureHireIDs.isEmpty)
        #expect(Set([planted.duplicateEmployeeID, planted.unknownManagerEmployeeID,
                     planted.unparseableHireDateEmployeeID]).count == 3)
    }

    @Test("writing again over an earlier sample replaces it and keeps other files")
    func rewrite() throws {
        let period = try #require(GeneratedSample.period)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try SampleOrganization(employees: 90, seed: 1, period: period).write(to: directory.url)
        let reports = directory.url.appendingPathComponent("Reports/kept.txt")
        try FileManager.default.createDirectory(at: reports.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("report".utf8).write(to: reports)
        let manifest = try SampleOrganization(employees: 70, seed: 2, period: period).write(to: directory.url)
        let onDisk = try GeneratedSample.readAll(under: directory.url)
        let written = Set(manifest.files.map { GeneratedSample.relativePath($0, root: directory.url) })
        #expect(Set(onDisk.keys) == written.union(["Reports/kept.txt"]))
    }

    @Test("a directory with files of the same names that the generator did not write is refused")
    func refusesForeignFiles() throws {
        let period = try #require(GeneratedSample.period)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data("employee_id\n".utf8).write(to: directory.url.appendingPathComponent("roster.csv"))
        #expect(throws: SampleDataError.self) {
            try SampleOrganization(employees: 60, period: period).write(to: directory.url)
        }
        let roster = try String(contentsOf: directory.url.appendingPathComponent("roster.csv"), encoding: .utf8)
        #expect(roster == "employee_id\n")
    }
}
