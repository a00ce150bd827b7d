import Foundation
import OrgHealthKit

/// Where a snapshot came from: the organization, the config and every input file (size and
/// SHA-256), and the tool. Two runs of one period with the same provenance are the same run;
/// with a different one, replacing the stored snapshot needs `--replace`.
public struct SnapshotProvenance: Sendable, Hashable, Codable {
    /// One input file as it was read.
    public struct InputFile: Sendable, Hashable, Codable {
        /// The path, relative to the config file's folder when it is inside it.
        public var path: String
        /// Its size in bytes.
        public var bytes: Int
        /// Its SHA-256, 64 hex digits.
        public var sha256: String

        /// Creates a record.
        public init(path: String, bytes: Int, sha256: String) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
        }
    }

    /// The organization's name.
    public var organization: String
    /// SHA-256 of the config file's bytes (empty when the run had no config file).
    public var configFingerprint: String
    /// SHA-256 over every input file's path, size and hash, in path order.
    public var inputFingerprint: String
    /// The input files: the roster and every file under `sources:`.
    public var inputFiles: [InputFile]
    /// The tool and version (`orghealth 0.1.0`).
    public var tool: String

    /// Creates a provenance record.
    public init(organization: String, configFingerprint: String, inputFiles: [InputFile], tool: String) {
        self.organization = organization
        self.configFingerprint = configFingerprint
        self.inputFiles = inputFiles.sorted { $0.path < $1.path }
        self.inputFingerprint = Self.fingerprint(of: self.inputFiles)
        self.tool = tool
    }

    /// The short form shown to people: the first 12 hex digits of config and inputs.
    public var shortFingerprint: String {
        "config \(configFingerprint.prefix(12)), inputs \(inputFingerprint.prefix(12)) (\(inputFiles.count) files)"
    }

    /// SHA-256 of the lines `path<TAB>bytes<TAB>sha256`, one per file, in path order.
    static func fingerprint(of files: [InputFile]) -> String {
        var hasher = SHA256()
        for file in files { hasher.update(Array("\(file.path)\t\(file.bytes)\t\(file.sha256)\n".utf8)) }
        return hasher.hexDigest()
    }

    /// The provenance of a run of `configuration`: hashes the config file, the roster and
    /// every file under `sources:` (folders are walked, in name order). A file that cannot be
    /// read is recorded with size -1 and the hash `unreadable`, so it still changes the
    /// fingerprint; the analyzers report the reading problem itself.
    public static func of(_ configuration: Configuration, tool: String) -> SnapshotProvenance {
        let base = configuration.file?.deletingLastPathComponent().standardizedFileURL.path
        var urls: [URL] = [configuration.roster]
        for kind in configuration.sources.keys.sorted() { urls += configuration.sources[kind] ?? [] }
        var files: [InputFile] = []
        var seen: Set<String> = []
        for url in urls {
            for file in regularFiles(at: url) where seen.insert(file.standardizedFileURL.path).inserted {
                files.append(record(file, base: base))
            }
        }
        let config = configuration.file.flatMap { FileManager.default.contents(atPath: $0.path) }
        return SnapshotProvenance(
            organization: configuration.organization, configFingerprint: config.map { SHA256.hex([UInt8]($0)) } ?? "",
            inputFiles: files, tool: tool)
    }

    private static func regularFiles(at url: URL) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            return [url]
        }
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [url]
        }
        var files: [URL] = []
        for case let file as URL in walker {
            // A file whose kind cannot be read is skipped here: the analyzer reading the folder
            // reports it, and the fingerprint of what could be read still changes with it.
            if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(file) }
        }
        return files.sorted { $0.path < $1.path }
    }

    private static func record(_ url: URL, base: String?) -> InputFile {
        let full = url.standardizedFileURL.path
        var path = full
        if let base, full.hasPrefix(base + "/") { path = String(full.dropFirst(base.count + 1)) }
        guard let handle = FileHandle(forReadingAtPath: full) else {
            return InputFile(path: path, bytes: -1, sha256: "unreadable")
        }
        defer { try? handle.close() } // closing a read-only handle loses nothing worth reporting
        var hasher = SHA256()
        var bytes = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                return InputFile(path: path, bytes: -1, sha256: "unreadable")
            }
            if chunk.isEmpty { break }
            bytes += chunk.count
            hasher.update([UInt8](chunk))
        }
        return InputFile(path: path, bytes: bytes, sha256: hasher.hexDigest())
    }
}
