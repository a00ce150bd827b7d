import Foundation
import ZIPFoundation

/// Inflates one deflated entry reading **only its own compressed bytes**.
///
/// ZIPFoundation 0.9.20's `Archive.extract` on Linux feeds zlib from the archive file until
/// the deflate stream says it ended: a stream that never ends (a damaged entry) reads on past
/// the entry, and at the end of the file its loop gets empty chunks forever — a hang, found by
/// `Fuzz/` (FuzzXLSX, docs/RELIABILITY.md). It also tells zlib every chunk is full-sized,
/// so a short last chunk hands zlib bytes that were never read. Here the provider serves the
/// entry's `compressedSize` bytes, each chunk padded to full size with zeros (a deflate stream
/// that has not ended by then fails on them: a stored block of length 0 whose complement is
/// not 0xFFFF), and throws if asked for more.
struct DeflatedEntryReader {
    enum Failure: Error, CustomStringConvertible {
        case truncated
        case badLocalHeader(String)

        var description: String {
            switch self {
            case .truncated: "its compressed data ends before the deflate stream does"
            case let .badLocalHeader(reason): "its local header is unreadable (\(reason))"
            }
        }
    }

    let url: URL
    let entry: Entry

    /// Inflates the entry into `consumer` chunk by chunk; returns the CRC-32 of what came out.
    func extract(bufferSize: Int, consumer: (Data) throws -> Void) throws -> CRC32 {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }  // closing a read-only handle cannot lose data
        try handle.seek(toOffset: try dataOffset(handle))
        var remaining = entry.compressedSize
        var exhausted = false
        return try Data.decompress(
            size: Int64(clamping: entry.compressedSize), bufferSize: bufferSize, skipCRC32: false,
            provider: { _, chunkSize in
                if exhausted { throw Failure.truncated }
                let wanted = Int(min(UInt64(chunkSize), remaining))
                var chunk = try handle.read(upToCount: wanted) ?? Data()
                if chunk.count < wanted { throw Failure.truncated }
                remaining -= UInt64(chunk.count)
                if remaining == 0 { exhausted = true }
                if chunk.count < chunkSize { chunk.append(Data(count: chunkSize - chunk.count)) }
                return chunk
            }, consumer: consumer)
    }

    /// Where the entry's compressed bytes start: after its local file header (30 bytes, then
    /// the name and the extra field, whose lengths are at offsets 26 and 28; APPNOTE 4.3.7).
    private func dataOffset(_ handle: FileHandle) throws -> UInt64 {
        // ZIPFoundation keeps the central directory's offset of the local header internal;
        // its stored properties are read by name (a ZIP64 offset is refused, see below).
        let mirror = Mirror(reflecting: entry)
        guard let directory = mirror.descendant("centralDirectoryStructure"),
              let offset = Mirror(reflecting: directory).descendant("relativeOffsetOfLocalHeader") as? UInt32
        else { throw Failure.badLocalHeader("no offset in the central directory") }
        guard offset != .max else { throw Failure.badLocalHeader("a ZIP64 offset; .xlsx files over 4 GB are not read") }
        try handle.seek(toOffset: UInt64(offset))
        let header = [UInt8](try handle.read(upToCount: 30) ?? Data())
        guard header.count == 30, header.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw Failure.badLocalHeader("no PK\\3\\4 signature at offset \(offset)")
        }
        let nameLength = UInt64(header[26]) | UInt64(header[27]) << 8
        let extraLength = UInt64(header[28]) | UInt64(header[29]) << 8
        return UInt64(offset) + 30 + nameLength + extraLength
    }
}
