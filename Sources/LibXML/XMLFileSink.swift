internal import CDirectIO
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
/// Where the file system allows it, the full chunks are written with direct I/O (`O_DIRECT`,
/// from the chunk to the disk without a copy into the page cache; the chunks are 4 KiB-aligned
/// and 1 MiB long, so every write is aligned). On the two-core machine's disk this writes 600 MB
/// in 0.4 s of the queue's time where the page cache cost 1.3–1.9 s of CPU. The last, partial
/// chunk is written through the page cache, and a file system that refuses direct I/O
/// (`tmpfs`), or a direct write that fails with `EINVAL` or stops short, turns it off for the
/// rest of the file: the bytes are the same either way.
///
/// ``flush()`` writes the rest and waits for every write; the writer calls it when the document
/// is finished, and the file is left without direct I/O. A failed `write(2)` (a full disk) fails
/// the `write` calls after it and `flush`.
final class XMLFileSink {
    let descriptor: Int32
    /// `strerror` of the first failed `write(2)`; libxml2 itself only sees -1.
    var failure: String? { chunks.failure }
    private static let capacity = 1 << 20
    /// Chunks in all: the one being filled and those queued for writing. Enough for most of a
    /// round of rows (``PieceRounds``: 4 pieces of about 2 MiB on two cores), so that putting a
    /// round behind the document seldom waits for the disk while the cores that build the next
    /// round wait for it (4 chunks: the XML at 10^6 people took 0.07–0.1 s longer to write).
    static let chunkCount = 12
    private let chunks: ChunkPool
    private let queue = DispatchQueue(label: "orghealth.xml-file-sink")
    private var current: UnsafeMutableRawPointer
    private var used = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
        chunks = ChunkPool(count: Self.chunkCount, capacity: Self.capacity)
        current = chunks.take()
        chunks.direct = Self.startsDirect(descriptor)
    }

    deinit {
        queue.sync { chunks.stopDirect(descriptor) }
        chunks.give(current)
        chunks.deallocate()
    }

    /// Whether the file takes direct writes from here: a regular file, at a block-aligned offset,
    /// on a file system that accepts `O_DIRECT`.
    private static func startsDirect(_ descriptor: Int32) -> Bool {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
        let offset = lseek(descriptor, 0, SEEK_CUR)
        guard offset >= 0, Int(offset) % alignment == 0 else { return false }
        return orghealth_set_direct_io(descriptor, 1) == 0
    }

    /// The alignment direct writes need (of the chunks' addresses, lengths and file offsets).
    private static let alignment = 4_096

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
        queue.sync { chunks.stopDirect(descriptor) }
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
            let reason = chunks.failure == nil ? Self.writeChunk(descriptor, chunk, count, chunks) : nil
            chunks.give(chunk, failure: reason)
        }
        current = chunks.take()
        used = 0
    }

    /// Writes a chunk on the queue: directly while the file allows it and the chunk is whole
    /// blocks, else (and from the first refused or short direct write on) through the page cache.
    private static func writeChunk(
        _ descriptor: Int32, _ chunk: UnsafeRawPointer, _ count: Int, _ chunks: ChunkPool
    ) -> String? {
        if chunks.direct, count % alignment == 0 {
            var written = systemWrite(descriptor, chunk, count)
            while written < 0, errno == EINTR { written = systemWrite(descriptor, chunk, count) }
            if written == count { return nil }
            if written < 0, errno != EINVAL { return String(cString: strerror(errno)) }
            // Refused or stopped short: the rest of the file goes through the page cache.
            let done = max(0, written)
            chunks.stopDirect(descriptor)
            if chunks.direct { return "could not turn off direct I/O after a short write" }
            return writeOut(descriptor, chunk + done, count - done)
        }
        chunks.stopDirect(descriptor)
        if chunks.direct { return "could not turn off direct I/O for the end of the file" }
        return writeOut(descriptor, chunk, count)
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

/// The sink's chunks not in use, the first write failure, and whether writes are direct, shared
/// with its queue.
private final class ChunkPool: @unchecked Sendable {
    /// Whether the file is written with direct I/O; read and changed only on the sink's queue
    /// (and before its first write).
    var direct = false
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

    /// Turns direct I/O off for the rest of the file (on the queue); ``direct`` stays true only
    /// when the system refused.
    func stopDirect(_ descriptor: Int32) {
        guard direct else { return }
        direct = orghealth_set_direct_io(descriptor, 0) != 0
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
