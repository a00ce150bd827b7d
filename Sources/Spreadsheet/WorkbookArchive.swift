import Foundation
import ZIPFoundation

/// The zip container of an `.xlsx`, with the zip-bomb caps of ``WorkbookLimits``
/// applied to every entry read through it.
final class WorkbookArchive {
    /// The file as named in messages.
    let file: String
    let limits: WorkbookLimits
    private let url: URL
    private let archive: Archive
    /// Bytes inflated from all entries so far. Parts are read one at a time (the sheet's
    /// thread starts after every other part has been read), so one thread at a time updates it.
    fileprivate var inflatedTotal: UInt64 = 0

    /// Opens `url` after checking its first bytes: a zip (`PK\3\4`, or `PK\5\6`
    /// for an empty one) is opened, an OLE2 compound file (`D0 CF 11 E0`: `.xls`,
    /// or an `.xlsx` saved with a password) and everything else are refused
    /// with what to do.
    init(url: URL, limits: WorkbookLimits) throws(WorkbookError) {
        file = url.path
        self.url = url
        self.limits = limits
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw .unreadable(file: url.path, reason: "no such file")
        }
        if isFolder.boolValue {
            if url.pathExtension.lowercased() == "numbers" {
                throw .unsupportedFormat(file: url.path, format: "an Apple Numbers document (.numbers)")
            }
            throw .unreadable(file: url.path, reason: "it is a folder")
        }
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() } // closing a read-only handle cannot lose data
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        let bytes = [UInt8](head)
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .unsupportedFormat(
                file: url.path,
                format: "an Excel 97–2003 workbook (.xls), or an .xlsx protected with a password,")
        }
        guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            let reason = bytes.isEmpty ? "the file is empty" : "it is not a zip archive, as every .xlsx is"
            throw .notAWorkbook(file: url.path, reason: reason)
        }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw .notAWorkbook(file: url.path, reason: "the zip archive is damaged (\(error))")
        }
        try checkDeclaredSizes()
    }

    /// Whether the archive has an entry at `path`.
    func contains(_ path: String) -> Bool {
        archive[path] != nil
    }

    /// Refuses an archive whose central directory already declares more than
    /// the limits (cheap, and catches the honest bombs before any inflating).
    private func checkDeclaredSizes() throws(WorkbookError) {
        var total: UInt64 = 0
        for entry in archive {
            if entry.uncompressedSize > limits.maximumEntryBytes {
                throw .tooLarge(file: file, part: entry.path, bytes: entry.uncompressedSize, limit: limits.maximumEntryBytes)
            }
            total += entry.uncompressedSize
            if total > limits.maximumTotalBytes {
                throw .tooLarge(file: file, part: "the archive's entries together", bytes: total, limit: limits.maximumTotalBytes)
            }
            try checkRatio(part: entry.path, inflated: entry.uncompressedSize, compressed: entry.compressedSize)
        }
    }

    /// Throws when `inflated` bytes out of an entry of `compressed` bytes
    /// exceed the ratio limit (past the grace size).
    func checkRatio(part: String, inflated: UInt64, compressed: UInt64) throws(WorkbookError) {
        guard inflated > limits.ratioGraceBytes else { return }
        let ratio = inflated / max(compressed, 1)
        if ratio > limits.maximumCompressionRatio {
            throw .compressionRatio(file: file, part: part, ratio: ratio, limit: limits.maximumCompressionRatio)
        }
    }

    /// The whole entry `path` in memory (for the small parts: workbook,
    /// relationships, styles, shared strings), capped at
    /// ``WorkbookLimits/maximumInMemoryPartBytes``.
    func read(_ path: String) throws(WorkbookError) -> [UInt8] {
        guard let entry = archive[path] else { throw .missingPart(file: file, part: "\(path) is missing") }
        var counter = InflationCounter(archive: self, part: path, compressed: entry.compressedSize,
                                       limit: min(limits.maximumEntryBytes, limits.maximumInMemoryPartBytes))
        var bytes: [UInt8] = []
        do {
            let checksum = try extract(entry) { chunk in
                try counter.add(chunk.count)
                bytes.append(contentsOf: chunk)
            }
            guard checksum == entry.checksum else { throw WorkbookError.notAWorkbook(file: file, reason: "\(path) is damaged (bad checksum)") }
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw .notAWorkbook(file: file, reason: "\(path) cannot be inflated (\(error))")
        }
        return bytes
    }

    /// Inflates `entry` in 64 KiB chunks: deflated entries through ``DeflatedEntryReader``
    /// (ZIPFoundation's own loop hangs on a damaged deflate stream), stored ones as they are.
    private func extract(_ entry: Entry, consumer: (Data) throws -> Void) throws -> CRC32 {
        if entry.isCompressed {
            return try DeflatedEntryReader(url: url, entry: entry).extract(bufferSize: 64 << 10, consumer: consumer)
        }
        return try archive.extract(entry, bufferSize: 64 << 10, consumer: consumer)
    }

    /// A pull source over entry `path`, inflated on a background thread in
    /// 64 KiB chunks with at most four chunks buffered: memory stays flat
    /// whatever the entry's size.
    func stream(_ path: String) throws(WorkbookError) -> EntryStream {
        guard let entry = archive[path] else { throw .missingPart(file: file, part: "\(path) is missing") }
        let pipe = ChunkPipe()
        let job = InflationJob(archive: self, entry: entry, pipe: pipe)
        let thread = Thread { job.run() }
        thread.name = "orghealth-xlsx-inflate"
        thread.start()
        return EntryStream(pipe: pipe)
    }

    /// Inflates `entry` into `pipe` (runs on the background thread).
    fileprivate func inflate(_ entry: Entry, into pipe: ChunkPipe) {
        var counter = InflationCounter(archive: self, part: entry.path, compressed: entry.compressedSize,
                                       limit: limits.maximumEntryBytes)
        do {
            let checksum = try extract(entry) { chunk in
                try counter.add(chunk.count)
                try pipe.push(chunk)
            }
            guard checksum == entry.checksum else {
                throw WorkbookError.notAWorkbook(file: file, reason: "\(entry.path) is damaged (bad checksum)")
            }
            pipe.finish(error: nil)
        } catch let error as WorkbookError {
            pipe.finish(error: error)
        } catch is ChunkPipe.Cancelled {
            pipe.finish(error: nil)
        } catch {
            pipe.finish(error: WorkbookError.notAWorkbook(file: file, reason: "\(entry.path) cannot be inflated (\(error))"))
        }
    }
}

/// Counts bytes as they come out of one entry and applies the caps.
private struct InflationCounter {
    let archive: WorkbookArchive
    let part: String
    let compressed: UInt64
    let limit: UInt64
    var inflated: UInt64 = 0

    init(archive: WorkbookArchive, part: String, compressed: UInt64, limit: UInt64) {
        self.archive = archive
        self.part = part
        self.compressed = compressed
        self.limit = limit
    }

    mutating func add(_ count: Int) throws(WorkbookError) {
        inflated += UInt64(count)
        archive.inflatedTotal += UInt64(count)
        if inflated > limit {
            throw .tooLarge(file: archive.file, part: part, bytes: inflated, limit: limit)
        }
        if archive.inflatedTotal > archive.limits.maximumTotalBytes {
            throw .tooLarge(file: archive.file, part: "the archive's entries together", bytes: archive.inflatedTotal,
                            limit: archive.limits.maximumTotalBytes)
        }
        try archive.checkRatio(part: part, inflated: inflated, compressed: compressed)
    }
}

/// What the background thread needs; the archive is used by that thread
/// alone while the entry streams (the reader reads every other part first).
private final class InflationJob: @unchecked Sendable {
    let archive: WorkbookArchive
    let entry: Entry
    let pipe: ChunkPipe

    init(archive: WorkbookArchive, entry: Entry, pipe: ChunkPipe) {
        self.archive = archive
        self.entry = entry
        self.pipe = pipe
    }

    func run() {
        archive.inflate(entry, into: pipe)
    }
}

/// The reading end of a streamed entry: fills libxml2's buffers from the
/// pipe's chunks. Dropping it cancels the inflating thread.
final class EntryStream {
    private let pipe: ChunkPipe
    private var chunk = Data()
    private var offset = 0

    fileprivate init(pipe: ChunkPipe) {
        self.pipe = pipe
    }

    deinit {
        pipe.cancel()
    }

    /// Copies up to `buffer.count` bytes into `buffer`; 0 at the end. Throws
    /// the inflating thread's ``WorkbookError``.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while offset == chunk.count {
            guard let next = try pipe.pop() else { return 0 }
            chunk = next
            offset = 0
        }
        let count = min(buffer.count, chunk.count - offset)
        chunk.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}

/// A bounded hand-over of chunks from the inflating thread to the reader.
final class ChunkPipe: @unchecked Sendable {
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var failure: WorkbookError?
    private var cancelled = false
    private let capacity = 4

    func push(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity, !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        chunks.append(chunk)
        condition.broadcast()
    }

    func finish(error: WorkbookError?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    func pop() throws(WorkbookError) -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !finished { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
