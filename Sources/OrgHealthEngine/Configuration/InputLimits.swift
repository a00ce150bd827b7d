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
            if let file = Self.firstRegularFile(at: url, where: { $0 > maxFileBytes }) {
                return "\(file.path) is \(file.size) bytes, over limits.maxFileBytes (\(maxFileBytes)); "
                    + "split the file, or raise the limit in the config"
            }
        }
        return nil
    }

    /// The first regular file at `url` (itself, or below it when a folder) whose size
    /// satisfies `isWanted`, with its size.
    private static func firstRegularFile(at url: URL, where isWanted: (Int) -> Bool) -> (path: String, size: Int)? {
        var status = stat()
        guard stat(url.path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return isWanted(Int(status.st_size)) ? (url.path, Int(status.st_size)) : nil
        case S_IFDIR: return firstRegularFile(inFolder: url.path, device: status.st_dev, where: isWanted)
        default: return nil
        }
    }

    /// The first regular file below `root`, hidden ones included, whose size satisfies
    /// `isWanted` (links to files followed), walked as FileManager's enumerator walks (folders
    /// reached through links, or on another file system, are not entered): see ``FolderWalk``.
    private static func firstRegularFile(inFolder root: String, device: dev_t,
                                         where isWanted: (Int) -> Bool) -> (path: String, size: Int)? {
        var found: (path: String, size: Int)?
        FolderWalk.walk(root) { entry in
            if entry.kind == .folder {
                var status = stat()
                return fstatat(entry.descriptor, entry.name, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_dev == device
                    ? .enter : .skip
            }
            var status = stat()
            guard fstatat(entry.descriptor, entry.name, &status, 0) == 0, status.st_mode & S_IFMT == S_IFREG,
                  isWanted(Int(status.st_size)) else { return .skip }
            found = (entry.path, Int(status.st_size))
            return .stop
        }
        return found
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
