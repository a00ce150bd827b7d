import Foundation
import OrgHealthKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open temporary file a report format is streamed into before the atomic rename
/// (``AtomicFileWriter/write(streaming:)``). Text is gathered in a 1 MiB buffer and written in
/// large pieces, so a renderer that streams keeps memory flat however large its document.
public final class ReportFileStream {
    /// The open file (owned by the ``AtomicFileWriter``, which closes it).
    public let descriptor: Int32
    /// The report file this stream will become, for messages.
    public let target: URL
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 20

    init(descriptor: Int32, target: URL) {
        self.descriptor = descriptor
        self.target = target
        buffer.reserveCapacity(Self.chunk)
    }

    /// Appends bytes; writes to the file whenever the buffer is full.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        if bytes.count >= Self.chunk {
            try flush()
            try writeOut(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Writes whatever is buffered.
    public func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        try writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: [UInt8]) throws(OutputError) {
        var failure: String?
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if let failure { throw OutputError(path: target.path, message: "cannot write the file: \(failure)") }
    }
}

/// `write(2)`, named apart from the stream's own `write` methods.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
