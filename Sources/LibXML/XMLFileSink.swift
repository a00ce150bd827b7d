import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open file an ``XMLStreamWriter`` writes into, and the first reason a write failed.
///
/// libxml2 hands over its output 4,000 bytes at a time and the rows in pieces of megabytes; the
/// sink gathers them into 1 MiB chunks (issue 16: at 62 MB of XML, 15,500 small writes cost
/// more wall time than writing the XML itself) and writes each full chunk on a serial queue of
/// its own, in order, while the writer goes on producing the next ones. Copying into the page
/// cache is not free: 600 MB cost 1.3–1.9 s of kernel time on the two-core machine, which now
/// overlaps building the XML instead of following it (docs/BENCHMARKS.md). At most
/// ``chunkCount`` chunks are held, so memory stays flat however large the document.
///
/// ``flush()`` writes the rest and waits for every write; the writer calls it when the document
/// is finished. A failed `write(2)` (a full disk) fails the `write` calls after it and `flush`.
final class XMLFileSink {
    let descriptor: Int32
    /// `strerror` of the first failed `write(2)`; libxml2 itself only sees -1.
    var failure: String? { chunks.failure }
    private static let capacity = 1 << 20
    /// Chunks in all: the one being filled and those queued for writing.
    static let chunkCount = 4
    private let chunks: ChunkPool
    private let queue = DispatchQueue(label: "orghealth.xml-file-sink")
    private var current: UnsafeMutableRawPointer
    private var used = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
        chunks = ChunkPool(count: Self.chunkCount, capacity: Self.capacity)
        current = chunks.take()
    }

    deinit {
        queue.sync {}
        chunks.give(current)
        chunks.deallocate()
    }

    /// Takes `count` bytes, handing every full chunk to the queue; false once a write failed.
    func write(_ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            guard chunks.failure == nil else { return false }
            let taken = min(Self.capacity - used, count - offset)
            (current + used).copyMemory(from: bytes + offset, byteCount: taken)
            used += taken
            offset += taken
            if used == Self.capacity { submit() }
        }
        return chunks.failure == nil
    }

    /// Writes what is gathered and waits until every chunk is written; false on failure (the
    /// reason in ``failure``).
    func flush() -> Bool {
        if used > 0 { submit() }
        queue.sync {}
        return chunks.failure == nil
    }

    /// Queues the current chunk for writing and takes a free one (waiting for a write to end
    /// when all are queued).
    private func submit() {
        nonisolated(unsafe) let chunk = current
        let count = used
        let descriptor = descriptor
        let chunks = chunks
        queue.async {
            let reason = chunks.failure == nil ? Self.writeOut(descriptor, chunk, count) : nil
            chunks.give(chunk, failure: reason)
        }
        current = chunks.take()
        used = 0
    }

    /// Writes all of `count` bytes (again after EINTR and short writes); the reason on failure.
    private static func writeOut(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> String? {
        var offset = 0
        while offset < count {
            let written = systemWrite(descriptor, bytes + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }
}

/// The sink's chunks not in use, and the first write failure, shared with its queue.
private final class ChunkPool: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [UnsafeMutableRawPointer]
    private var all: [UnsafeMutableRawPointer]
    private var firstFailure: String?

    init(count: Int, capacity: Int) {
        all = (0..<count).map { _ in UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 4_096) }
        free = all
    }

    var failure: String? {
        condition.lock()
        defer { condition.unlock() }
        return firstFailure
    }

    /// A free chunk, waiting for one to be given back when none is.
    func take() -> UnsafeMutableRawPointer {
        condition.lock()
        defer { condition.unlock() }
        while free.isEmpty { condition.wait() }
        return free.removeLast()
    }

    /// Gives a chunk back, with the reason its write failed, if it did.
    func give(_ chunk: UnsafeMutableRawPointer, failure: String? = nil) {
        condition.lock()
        free.append(chunk)
        if firstFailure == nil { firstFailure = failure }
        condition.signal()
        condition.unlock()
    }

    /// Frees every chunk; all must have been given back.
    func deallocate() {
        for chunk in all { chunk.deallocate() }
        all = []
        free = []
    }
}

/// `write(2)`, named apart from the sink's own `write` method.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// libxml2's output callback: `context` is an unretained ``XMLFileSink``; returns the bytes
/// written, or -1 (libxml2 then fails the writer call in progress).
let xmlFileSinkWrite: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int32) -> Int32 = { context, bytes, count in
    guard let context, count >= 0 else { return -1 }
    guard count > 0, let bytes else { return 0 }
    let sink = Unmanaged<XMLFileSink>.fromOpaque(context).takeUnretainedValue()
    return sink.write(bytes, Int(count)) ? count : -1
}
