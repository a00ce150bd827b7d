import Foundation

/// Writes the generated files under one root directory and remembers what it wrote.
///
/// Safe to call from several threads at once (the note generator writes in parallel); the
/// list of written paths is kept behind a lock and sorted when read, so it never depends on
/// thread timing.
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
        try write(relativePath, data: Data(text.utf8))
    }

    /// Writes raw bytes at a path relative to the root (for the deliberately non-UTF-8 file).
    func write(_ relativePath: String, bytes: [UInt8]) throws {
        try write(relativePath, data: Data(bytes))
    }

    /// Streams a large text file in chunks, so a 100,000-person file is never held whole.
    func stream(_ relativePath: String, _ produce: (inout TextSink) throws -> Void) throws {
        let url = root.appendingPathComponent(relativePath)
        try ensureDirectory(url.deletingLastPathComponent())
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SampleDataError.writeFailed(path: url.path, reason: "the file could not be created")
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            var sink = TextSink(handle: handle)
            do {
                try produce(&sink)
                try sink.flush()
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
        } catch let error as SampleDataError {
            throw error
        } catch {
            throw SampleDataError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
        lock.lock()
        paths.append(relativePath)
        lock.unlock()
    }

    /// Every path written so far, relative to the root, in byte order.
    var writtenPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func write(_ relativePath: String, data: Data) throws {
        let url = root.appendingPathComponent(relativePath)
        let parent = url.deletingLastPathComponent()
        try ensureDirectory(parent)
        do {
            try data.write(to: url)
        } catch {
            throw SampleDataError.writeFailed(path: url.path, reason: error.localizedDescription)
        }
        lock.lock()
        paths.append(relativePath)
        lock.unlock()
    }

    private func ensureDirectory(_ url: URL) throws {
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

/// A buffered text output to one file (see `SampleFileWriter.stream`).
struct TextSink {
    private let handle: FileHandle
    private var buffer = ""
    private static let chunk = 1 << 20

    init(handle: FileHandle) {
        self.handle = handle
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
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}
