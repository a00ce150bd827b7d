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
///
/// What it hands out is always UTF-8 (checked later by the reader): UTF-8 input passes through
/// untouched; UTF-16 with a byte order mark, and windows-1252 / ISO-8859-1 when declared, are
/// transcoded piece by piece (see ``TextTranscoder``), so memory stays one buffer whatever the
/// file's size.
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
    /// The encoding declared for the input (`encoding:`), used when no byte order mark says otherwise.
    private let declared: TabularEncoding
    /// The encoding in force, known once the first bytes have been looked at.
    private(set) var encoding: TabularEncoding?
    /// Decoded bytes read ahead (by ``peek(_:)`` or while looking for a byte order mark),
    /// served before anything else.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    /// Turns raw bytes into UTF-8, when the input is not UTF-8 already.
    private var transcoder: TextTranscoder?
    /// The raw bytes of one piece, kept from piece to piece.
    private var rawBuffer: UnsafeMutablePointer<UInt8>?
    private var rawAtEnd = false

    /// Opens the file at `url` for reading in pieces of at most `capacity` bytes. Only a
    /// regular file of at most `maxBytes` bytes is opened (see ``RegularFile``): a device, FIFO
    /// or socket is refused before anything is read, and a FIFO never blocks the open.
    init(url: URL, capacity: Int, maxBytes: Int = .max, encoding: TabularEncoding = .utf8) throws(Failure) {
        let descriptor: Int32
        do { descriptor = try RegularFile.open(url.path, maxBytes: maxBytes).descriptor } catch {
            throw Failure(reason: error.reason)
        }
        self.descriptor = descriptor
        self.capacity = max(1, capacity)
        self.memory = []
        self.declared = encoding
        self.buffer = .allocate(capacity: self.capacity)
    }

    /// Serves `bytes` in pieces of at most `capacity` bytes.
    init(memory bytes: [UInt8], capacity: Int, encoding: TabularEncoding = .utf8) {
        self.capacity = max(1, min(capacity, bytes.count))
        self.memory = bytes
        self.declared = encoding
        self.buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        buffer.deallocate()
        rawBuffer?.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    /// The first decoded bytes of the input, up to `count` (fewer when the input is shorter),
    /// without consuming them: later ``fill()`` calls serve them again.
    func peek(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
        try start()
        while pending.count - pendingOffset < count {
            if transcoder != nil {
                guard try decodeChunk() else { break }
            } else {
                let chunk = max(capacity, 4_096)
                let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
                defer { scratch.deallocate() }
                let read = try readRaw(into: scratch, count: chunk)
                if read == 0 { break }
                pending.append(contentsOf: UnsafeBufferPointer(start: scratch, count: read))
            }
        }
        return pending[pendingOffset..<min(pending.count, pendingOffset + count)]
    }

    /// Reads the next decoded bytes into ``buffer``; returns how many, 0 at the end of the input.
    func fill() throws(Failure) -> Int {
        try start()
        if transcoder != nil {
            while pendingOffset == pending.count {
                guard try decodeChunk() else { return 0 }
            }
        }
        guard pendingOffset < pending.count else { return try readRaw(into: buffer, count: capacity) }
        let count = min(capacity, pending.count - pendingOffset)
        pending.withUnsafeBufferPointer { source in
            guard let start = source.baseAddress else { return }
            buffer.update(from: start + pendingOffset, count: count)
        }
        pendingOffset += count
        if pendingOffset == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingOffset = 0
        }
        return count
    }

    /// Transcodes the next raw piece onto ``pending``. Returns `false` at the end of the input.
    private func decodeChunk() throws(Failure) -> Bool {
        guard var transcoder, !rawAtEnd else { return false }
        defer { self.transcoder = transcoder }
        let chunk = max(capacity, 4_096)
        let raw: UnsafeMutablePointer<UInt8>
        if let kept = rawBuffer {
            raw = kept
        } else {
            raw = .allocate(capacity: chunk)
            rawBuffer = raw
        }
        let count = try readRaw(into: raw, count: chunk)
        if count == 0 { rawAtEnd = true }
        if pendingOffset == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingOffset = 0
        }
        transcoder.decode(UnsafeBufferPointer(start: raw, count: count), atEnd: rawAtEnd, into: &pending)
        return true
    }

    /// Looks at the first bytes once: a UTF-16 byte order mark, or the declared encoding,
    /// decides whether (and how) the bytes are transcoded.
    private func start() throws(Failure) {
        guard encoding == nil else { return }
        // The first 3 bytes (or fewer, for a shorter input), whatever the buffer size.
        var head: [UInt8] = []
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 3)
        defer { scratch.deallocate() }
        while head.count < 3 {
            let count = try readRaw(into: scratch, count: 3 - head.count)
            if count == 0 { break }
            head.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
        }
        var chosen = declared
        var body = head[...]
        if head.starts(with: [0xFF, 0xFE]) {
            chosen = .utf16LittleEndian
            body = head.dropFirst(2)
        } else if head.starts(with: [0xFE, 0xFF]) {
            chosen = .utf16BigEndian
            body = head.dropFirst(2)
        } else if ByteOrderMark.utf8Length(in: head) > 0 {
            chosen = .utf8  // a UTF-8 mark wins over a declaration; the reader drops it
        }
        encoding = chosen
        guard chosen != .utf8 else {
            pending = Array(body)
            return
        }
        var transcoder = TextTranscoder(encoding: chosen)
        Array(body).withUnsafeBufferPointer { transcoder.decode($0, atEnd: false, into: &pending) }
        self.transcoder = transcoder
    }

    /// Reads up to `count` bytes as they are in the file (or memory).
    private func readRaw(into target: UnsafeMutablePointer<UInt8>, count wanted: Int) throws(Failure) -> Int {
        guard descriptor >= 0 else {
            let count = min(wanted, memory.count - memoryOffset)
            guard count > 0 else { return 0 }
            memory.withUnsafeBufferPointer { source in
                guard let start = source.baseAddress else { return }
                target.update(from: start + memoryOffset, count: count)
            }
            memoryOffset += count
            return count
        }
        while true {
            let count = read(descriptor, target, wanted)
            if count >= 0 { return count }
            if errno != EINTR { throw Failure(reason: Self.describe(errno)) }
        }
    }

    private static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
