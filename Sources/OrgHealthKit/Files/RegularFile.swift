#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Opening input files safely: only regular files (a link is followed to what it names), never
/// a device, FIFO or socket, and never past a size limit.
///
/// The file is opened with `O_NONBLOCK`, so opening a FIFO with no writer returns at once
/// instead of hanging, then `fstat` on the open descriptor says what it really is (no race
/// between checking and opening). A regular file is then switched back to blocking reads.
/// `/dev/zero`, `/dev/stdin`, a named pipe or a socket is refused before a byte is read.
public enum RegularFile {
    /// Why an input was refused; ``reason`` fits in parentheses after "cannot open the file"
    /// ("it is a FIFO (named pipe), not a regular file: …", "No such file or directory").
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// What is wrong and what to do, starting lower-case.
        public let reason: String
        /// Whether the file is readable but over the size limit.
        public let isTooLarge: Bool

        /// A refusal with its reason.
        public init(_ reason: String, isTooLarge: Bool = false) {
            self.reason = reason
            self.isTooLarge = isTooLarge
        }

        public var description: String { reason }
    }

    /// The first `count` bytes (fewer when the file is shorter) of the regular file at `path`;
    /// refuses what ``open(_:maxBytes:)`` refuses, without blocking.
    public static func head(_ path: String, count: Int) throws(Refusal) -> [UInt8] {
        let (descriptor, _) = try open(path)
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let start = buffer.baseAddress else { return 0 }
                #if canImport(Glibc)
                return Glibc.read(descriptor, start + filled, buffer.count - filled)
                #elseif canImport(Musl)
                return Musl.read(descriptor, start + filled, buffer.count - filled)
                #else
                return Darwin.read(descriptor, start + filled, buffer.count - filled)
                #endif
            }
            if got > 0 { filled += got } else if got == 0 || errno != EINTR { break }
        }
        return Array(bytes.prefix(filled))
    }

    /// Opens `path` for reading if it is a regular file of at most `maxBytes` bytes, and returns
    /// the descriptor (the caller closes it) and the file's size.
    public static func open(_ path: String, maxBytes: Int = .max) throws(Refusal) -> (descriptor: Int32, size: Int) {
        try open(path, inFolder: AT_FDCWD, maxBytes: maxBytes)
    }

    /// ``open(_:maxBytes:)`` for the file called `name` in the folder open as `folder` (a
    /// descriptor from opening the folder): the kernel looks up the one name, not every folder
    /// of a whole path again (issue 16: tens of thousands of notes in a few folders).
    public static func open(_ name: String, inFolder folder: Int32, maxBytes: Int = .max) throws(Refusal)
        -> (descriptor: Int32, size: Int) {
        let descriptor = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw Refusal(describe(errno)) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = describe(errno)
            close(descriptor)
            throw Refusal(reason)
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG else {
            close(descriptor)
            throw Refusal("it " + kindDescription(kind) + ", not a regular file: OrgHealth reads only regular files")
        }
        let size = Int(status.st_size)
        guard size <= maxBytes else {
            close(descriptor)
            throw Refusal("it is \(size) bytes, over the limit of \(maxBytes) bytes set by limits.maxFileBytes in the config",
                          isTooLarge: true)
        }
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        return (descriptor, size)
    }

    /// The whole content of the regular file at `path`, of at most `maxBytes` bytes.
    public static func read(_ path: String, maxBytes: Int = .max) throws(Refusal) -> [UInt8] {
        let (descriptor, size) = try open(path, maxBytes: maxBytes)
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        // A file that grows while read is read up to the size it had when opened.
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                #elseif canImport(Musl)
                Musl.read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                #else
                Darwin.read(descriptor, buffer.baseAddress.map { $0 + filled }, size - filled)
                #endif
            }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw Refusal(describe(errno)) }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeSubrange(filled...) }
        return bytes
    }

    /// Whether `path` names (through links) something other than a regular file or folder —
    /// a device, FIFO or socket — which a folder walk must skip without opening it.
    public static func isSpecial(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    private static func kindDescription(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: return "is a folder"
        case S_IFIFO: return "is a FIFO (named pipe)"
        case S_IFSOCK: return "is a socket"
        case S_IFCHR: return "is a character device"
        case S_IFBLK: return "is a block device"
        default: return "is a special file"
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
