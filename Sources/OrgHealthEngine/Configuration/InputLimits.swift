import Foundation
import OrgHealthKit

/// Per-input size limits (`limits:` in the config). A file over a limit fails the one input
/// that holds it — the analyzer reading it fails alone, with a message naming the file — and
/// never the process. The roster over the limit stops the run, as an unreadable roster does.
public struct InputLimits: Sendable, Equatable {
    /// The default for ``maxFileBytes``: 2 GiB, ten times a 10⁶-person roster or survey export.
    public static let defaultMaxFileBytes = 2 << 30

    /// The largest input file read, in bytes (`limits.maxFileBytes`).
    public var maxFileBytes: Int

    /// Creates limits.
    public init(maxFileBytes: Int = defaultMaxFileBytes) {
        self.maxFileBytes = maxFileBytes
    }

    /// Why `urls` cannot be read within the limits — the first regular file over
    /// ``maxFileBytes``, folders searched through — or `nil` when they can. Only sizes are
    /// looked at (nothing is opened); special files are the readers' to refuse.
    public func problem(in urls: [URL]) -> String? {
        for url in urls {
            for file in Self.regularFiles(at: url) where file.size > maxFileBytes {
                return "\(file.path) is \(file.size) bytes, over limits.maxFileBytes (\(maxFileBytes)); "
                    + "split the file, or raise the limit in the config"
            }
        }
        return nil
    }

    /// The regular files at `url` (itself, or below it when a folder), with their sizes.
    private static func regularFiles(at url: URL) -> [(path: String, size: Int)] {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return [] }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return [(url.path, Int(status.st_size))]
        case S_IFDIR:
            guard let walker = FileManager.default.enumerator(atPath: url.path) else { return [] }
            var files: [(path: String, size: Int)] = []
            while let relative = walker.nextObject() as? String {
                let path = url.path + "/" + relative
                var entry = stat()
                if stat(path, &entry) == 0, entry.st_mode & S_IFMT == S_IFREG { files.append((path, Int(entry.st_size))) }
            }
            return files
        default: return []
        }
    }
}

extension ConfigReader {
    /// `limits:` — `maxFileBytes`, a whole number of bytes > 0.
    func limits(_ value: YAMLValue) throws(ConfigError) -> InputLimits {
        var limits = InputLimits()
        for pair in try mapping(value, "limits", allowed: ["maxFileBytes"]) {
            let bytes = try integer(pair.value, "limits.maxFileBytes")
            guard bytes > 0 else { throw error(pair.value.line, "limits.maxFileBytes", "must be a positive number of bytes") }
            limits.maxFileBytes = bytes
        }
        return limits
    }
}
