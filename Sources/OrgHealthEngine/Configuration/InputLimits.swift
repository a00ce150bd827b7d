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
    /// `isWanted` (links to files followed), walked with `opendir`/`readdir` as FileManager's
    /// enumerator walks (folders reached through links, or on another file system, are not
    /// entered) but without its per-entry URL work, which cost 0.4 s of CPU on a folder of
    /// 51 k notes. Each entry is looked at relative to its open folder (`fstatat`), not by
    /// its whole path, which the kernel would walk again component by component; a path is
    /// made only for a folder to enter and the file found.
    private static func firstRegularFile(inFolder root: String, device: dev_t,
                                         where isWanted: (Int) -> Bool) -> (path: String, size: Int)? {
        var pending = [root]
        while let folder = pending.popLast() {
            guard let stream = opendir(folder) else { continue }
            defer { closedir(stream) }
            let descriptor = dirfd(stream)
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
                }
                guard name != ".", name != ".." else { continue }
                var link = stat()
                if Int32(entry.pointee.d_type) == Int32(DT_DIR)
                    || (Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN)
                        && fstatat(descriptor, name, &link, AT_SYMLINK_NOFOLLOW) == 0 && link.st_mode & S_IFMT == S_IFDIR) {
                    var folderStatus = stat()
                    if fstatat(descriptor, name, &folderStatus, AT_SYMLINK_NOFOLLOW) == 0, folderStatus.st_dev == device {
                        pending.append(folder + "/" + name)
                    }
                    continue
                }
                var entryStatus = stat()
                if fstatat(descriptor, name, &entryStatus, 0) == 0, entryStatus.st_mode & S_IFMT == S_IFREG,
                   isWanted(Int(entryStatus.st_size)) {
                    return (folder + "/" + name, Int(entryStatus.st_size))
                }
            }
        }
        return nil
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
