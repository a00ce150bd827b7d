import Foundation

/// Writes the generated files under one root directory and remembers what it wrote.
///
/// Files are written with plain `open`/`write`/`close`: Foundation's `Data.write(to:)` syncs
/// every file to disk, which makes 60,000 small note files take half a minute instead of a
/// second or two. Safe to call from several threads at once (the note generator writes in
/// parallel); the list of written paths is kept behind a lock and sorted when read, so it never
/// depends on thread timing.
final class SampleFileWriter: @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private var paths: [String] = []
    private var directories: Set<String> = []

    init(root: URL) {
        self.root = root
    }

    /// Writes UTF-8 text at a path relative to the root.
    func write(_ relativePath: String, text: String) throws {
        var text = text
        try text.withUTF8 { try write(relativePath, bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Writes raw bytes at a path relative to the root (for the deliberately non-UTF-8 file).
    func write(_ relativePath: String, bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(relativePath, bytes: $0) }
    }

    /// Streams a large text file in chunks, so a 100,000-person file is never held whole.
    func stream(_ relativePath: String, _ produce: (inout TextSink) throws -> Void) throws {
        let file = try RawFile(creating: url(relativePath), writer: self)
        var sink = TextSink(file: file)
        do {
            try produce(&sink)
            try sink.flush()
            try file.close()
        } catch {
            // The write's error is the one reported; a close after it has nothing to add.
            try? file.close()
            throw error
        }
        record(relativePath)
    }

    /// Every path written so far, relative to the root, in byte order.
    var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func write(_ relativePath: String, bytes: UnsafeRawBufferPointer) throws {
        let file = try RawFile(creating: url(relativePath), writer: self)
        do {
            try file.write(bytes)
            try file.close()
        } catch {
            // The write's error is the one reported; a close after it has nothing to add.
            try? file.close()
            throw error
        }
        record(relativePath)
    }

    /// The URL of a relative path, built without asking the file system whether it is a folder.
    func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath, isDirectory: false)
    }

    private func record(_ relativePath: String) {
        lock.lock()
        paths.append(relativePath)
        lock.unlock()
    }

    /// Creates a directory (and its parents) once.
    fileprivate func ensureDirectory(_ url: URL) throws {
        let key = url.path
        lock.lock()
        let known = directories.contains(key)
        lock.unlock()
        guard !known else { return }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw SampleDataError.writeFailed(path: key, reason: error.localizedDescription)
        }
        lock.lock()
        directories.insert(key)
        lock.unlock()
    }
}

/// One file open for writing through its POSIX descriptor.
struct RawFile {
    private let descriptor: Int32
    private let path: String

    fileprivate init(creating url: URL, writer: SampleFileWriter) throws {
        try writer.ensureDirectory(url.deletingLastPathComponent())
        path = url.path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path) }
    }

    /// Writes all the bytes, continuing after partial writes.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var address = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, address, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path)
            }
            left -= written
            address += written
        }
    }

    func close() throws {
        guard Foundation.close(descriptor) == 0 else { throw Self.failure(path) }
    }

    private static func failure(_ path: String) -> SampleDataError {
        SampleDataError.writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
}

/// A buffered text output to one file (see `SampleFileWriter.stream`).
struct TextSink {
    private let file: RawFile
    private var buffer = ""
    private static let chunk = 1 << 20

    fileprivate init(file: RawFile) {
        self.file = file
        buffer.reserveCapacity(Self.chunk + 4_096)
    }

    /// Appends text, writing the buffer out once it holds about a megabyte.
    mutating func write(_ text: String) throws {
        buffer += text
        if buffer.utf8.count >= Self.chunk { try flush() }
    }

    /// Writes out whatever is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let file = self.file
        try buffer.withUTF8 { try file.write(UnsafeRawBufferPointer($0)) }
        buffer.removeAll(keepingCapacity: true)
    }
}
