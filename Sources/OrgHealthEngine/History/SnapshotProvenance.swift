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
        // One buffer for every file read (51,000 note files at 10^4 people).
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        for url in urls {
            for path in regularFiles(at: url) where seen.insert(path).inserted {
                files.append(record(path, base: base, buffer: buffer))
            }
        }
        let config = configuration.file.flatMap { FileManager.default.contents(atPath: $0.path) }
        return SnapshotProvenance(
            organization: configuration.organization, configFingerprint: config.map { SHA256.hex($0) } ?? "",
            inputFiles: files, tool: tool)
    }

    /// The standardized path of `url` when it is not a folder; when it is, those of the regular
    /// files below it, hidden ones included, links neither listed nor followed (as
    /// FileManager's enumerator and `isRegularFile` answer, without a `URL` and its resource
    /// values per file: 6 s of the 51,000 note files of a 10,000-person organization).
    private static func regularFiles(at url: URL) -> [String] {
        let root = url.standardizedFileURL.path
        var status = stat()
        guard stat(root, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return [root] }
        var files: [String] = []
        FolderWalk.walk(root) { entry in
            if entry.kind == .regularFile { files.append(entry.path) }
            return .enter
        }
        return files
    }

    /// The record of the file at the standardized path `full`, read through `buffer`.
    private static func record(_ full: String, base: String?, buffer: UnsafeMutableRawBufferPointer) -> InputFile {
        var path = full
        if let base, full.hasPrefix(base + "/") { path = String(full.dropFirst(base.count + 1)) }
        let unreadable = InputFile(path: path, bytes: -1, sha256: "unreadable")
        let descriptor = open(full, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return unreadable }
        defer { close(descriptor) } // closing a file only read loses nothing worth reporting
        var hasher = SHA256()
        var bytes = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return unreadable }
            if count == 0 { break }
            bytes += count
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        return InputFile(path: path, bytes: bytes, sha256: hasher.hexDigest())
    }
}
