#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OrgHealthKit

/// Plain POSIX file access: listing a folder tree and reading a file's bytes. Foundation's
/// URL-based equivalents cost more than the parsing itself on folders of tens of thousands of
/// small notes.
enum POSIXFiles {
    /// A file could not be opened or read, or is over the size limit.
    enum Failure: Error {
        case unreadable
        case tooLarge(bytes: Int)
        /// Missing, unopenable, or not a regular file (a device, FIFO or socket, or a link to one): never read.
        case refused(reason: String)
    }

    /// The whole file, refusing files larger than `limit` bytes.
    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        try read(path, inFolder: AT_FDCWD, limit: limit)
    }

    /// The whole file called `name` in the folder open as `folder` (or at path `name` when
    /// `folder` is `AT_FDCWD`), refusing files larger than `limit` bytes.
    static func read(_ name: String, inFolder folder: Int32, limit: Int) throws(Failure) -> [UInt8] {
        // Opened without blocking and checked to be a regular file (a FIFO would hang the
        // read, /dev/zero would never end); the size limit is checked below, as before.
        let descriptor: Int32
        let size: Int
        do { (descriptor, size) = try RegularFile.open(name, inFolder: folder) } catch {
            throw .refused(reason: error.reason)
        }
        defer { close(descriptor) }
        guard size <= limit else { throw .tooLarge(bytes: size) }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            filled = 0
            while filled < size {
                let count = LibC.read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                guard count > 0 else { break }
                filled += count
            }
        }
    }

    /// Regular files below `root` (recursively; hidden entries, starting with `.`, left out),
    /// as paths relative to `root`. Symbolic links to files are followed, to folders not.
    static func list(_ root: String) throws(Failure) -> [String] {
        var files: [String] = []
        var pending: [String] = [""]
        var first = true
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            guard let stream = opendir(folder) else {
                if first { throw .unreadable }
                continue
            }
            first = false
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
                }
                guard !name.hasPrefix(".") else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): pending.append(path)
                case Int32(DT_REG): files.append(path)
                default:
                    // Links and file systems that do not report a type: ask.
                    var status = stat()
                    let full = root + "/" + path
                    guard lstat(full, &status) == 0 else { continue }
                    if (status.st_mode & S_IFMT) == S_IFDIR {
                        pending.append(path)
                    } else if (status.st_mode & S_IFMT) == S_IFREG
                        || ((status.st_mode & S_IFMT) == S_IFLNK && stat(full, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG) {
                        files.append(path)
                    }
                }
            }
        }
        return files
    }

    /// Whether `path` is a folder (following links); `nil` when it does not exist.
    static func isFolder(_ path: String) -> Bool? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (status.st_mode & S_IFMT) == S_IFDIR
    }
}

/// A folder held open while the files in it are read, so each is opened by its name alone
/// (``POSIXFiles/read(_:inFolder:limit:)``); closed when let go.
final class OpenFolder {
    /// The folder's path.
    let path: String
    /// Its descriptor.
    let descriptor: Int32

    /// Opens the folder at `path`, or `nil` when it cannot be (its files are then opened by
    /// their whole paths, and any problem is reported for each file as before).
    init?(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
