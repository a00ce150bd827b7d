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

    /// Opens the file at `url` for reading in pieces of at most `capacity` bytes. Only a
    /// regular file of at most `maxBytes` bytes is opened (see ``RegularFile``): a device, FIFO
    /// or socket is refused before anything is read, and a FIFO never blocks the open.
    init(url: URL, capacity: Int, maxBytes: Int = .max) throws(Failure) {
        let descriptor: Int32
        do { descriptor = try RegularFile.open(url.path, maxBytes: maxBytes).descriptor } catch {
            throw Failure(reason: error.reason)
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
