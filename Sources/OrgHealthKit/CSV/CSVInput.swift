#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where a ``CSVReader``'s bytes come from: an open file, read with `read(2)`, or an array in
/// memory. Owns the reader's fixed-size buffer and closes the file when the last copy of the
/// reader goes away.
final class CSVInput {
    /// Why the operating system refused to open or read the file.
    struct Failure: Error {
        let reason: String
    }

    /// The buffer every ``fill()`` writes into, from its start.
    let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var descriptor: Int32 = -1
    private let memory: [UInt8]
    private var memoryOffset = 0

    /// Opens the file at `url` for reading in pieces of at most `capacity` bytes.
    init(url: URL, capacity: Int) throws(Failure) {
        let descriptor = url.withUnsafeFileSystemRepresentation { path -> Int32 in
            guard let path else { return -1 }
            return open(path, O_RDONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { throw Failure(reason: Self.describe(errno)) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw Failure(reason: "it is a directory")
        }
        self.descriptor = descriptor
        self.capacity = max(1, capacity)
        self.memory = []
        self.buffer = .allocate(capacity: self.capacity)
    }

    /// Serves `bytes` in pieces of at most `capacity` bytes.
    init(memory bytes: [UInt8], capacity: Int) {
        self.capacity = max(1, min(capacity, bytes.count))
        self.memory = bytes
        self.buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        buffer.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads the next bytes into ``buffer``; returns how many, 0 at the end of the input.
    func fill() throws(Failure) -> Int {
        guard descriptor >= 0 else {
            let count = min(capacity, memory.count - memoryOffset)
            guard count > 0 else { return 0 }
            memory.withUnsafeBufferPointer { source in
                guard let start = source.baseAddress else { return }
                buffer.update(from: start + memoryOffset, count: count)
            }
            memoryOffset += count
            return count
        }
        while true {
            let count = read(descriptor, buffer, capacity)
            if count >= 0 { return count }
            if errno != EINTR { throw Failure(reason: Self.describe(errno)) }
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
