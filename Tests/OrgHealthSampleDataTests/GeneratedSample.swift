import Foundation
import OrgHealthKit
@testable import OrgHealthSampleData

/// A sample written once to a temporary directory, read back into memory, and deleted, so
/// every test can inspect the files without generating them again.
struct GeneratedSample: Sendable {
    let manifest: SampleManifest
    /// Every file's bytes by path relative to the sample directory.
    let files: [String: [UInt8]]

    /// The 120-person sample most tests read.
    static let standard: GeneratedSample? = try? GeneratedSample(employees: 120, seed: 7)

    static let period: ReportingPeriod? = try? ReportingPeriod(parsing: "2026-Q3")

    init(employees: Int, seed: UInt64) throws {
        guard let period = Self.period else { throw SampleDataError.writeFailed(path: "", reason: "no period") }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        manifest = try SampleOrganization(employees: employees, seed: seed, period: period).write(to: directory.url)
        files = try Self.readAll(under: directory.url)
    }

    /// Every regular file under `root`, by relative path.
    static func readAll(under root: URL) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return result
        }
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            let relative = String(path.dropFirst(rootPath.count + 1))
            result[relative] = Array(try Data(contentsOf: url))
        }
        return result
    }

    /// A file's text (lossy for the one planted non-UTF-8 file).
    func text(_ path: String) -> String {
        String(decoding: files[path] ?? [], as: UTF8.self)
    }

    /// Relative paths under a folder, sorted.
    func paths(under folder: String) -> [String] {
        files.keys.filter { $0.hasPrefix(folder) }.sorted()
    }

    /// A manifest URL as a path relative to the sample directory.
    func relative(_ url: URL) -> String {
        Self.relativePath(url, root: manifest.directory)
    }

    /// `url` relative to `root` (symbolic links in the root resolved, as on macOS's /var).
    static func relativePath(_ url: URL, root: URL) -> String {
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let directory = url.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
        let full = directory + "/" + url.lastPathComponent
        return String(full.dropFirst(rootPath.count + 1))
    }

    /// The roster's records (header included).
    var roster: [[String]] { CSVRecords.parse(text("roster.csv")) }
}

/// A fresh directory under the system's temporary directory.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("orghealth-sample-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A small RFC 4180 reader for checking the generated CSV (quoted fields, doubled quotes,
/// line breaks inside quotes, CRLF or LF line ends).
enum CSVRecords {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": inQuotes = true
            case ",":
                record.append(field)
                field = ""
            case "\r": continue
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    /// Records as dictionaries keyed by the header row.
    static func rows(_ text: String, headerRows: Int = 1) -> [[String: String]] {
        let records = parse(text)
        guard let header = records.first else { return [] }
        return records.dropFirst(headerRows).map { record in
            var row: [String: String] = [:]
            for (position, name) in header.enumerated() where position < record.count { row[name] = record[position] }
            return row
        }
    }
}
