#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open file an ``XMLStreamWriter`` writes into, and the first reason a write failed.
///
/// libxml2 hands over its output 4,000 bytes at a time; the sink gathers them into 1 MiB
/// before each `write(2)` (issue 16: at 62 MB of XML, 15,500 small writes cost more wall time
/// than writing the XML itself). ``flush()`` writes the rest; the writer calls it when the
/// document is finished.
final class XMLFileSink {
    let descriptor: Int32
    /// `strerror` of the first failed `write(2)`; libxml2 itself only sees -1.
    var failure: String?
    private static let capacity = 1 << 20
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: XMLFileSink.capacity, alignment: 16)
    private var used = 0

    init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { buffer.deallocate() }

    /// Takes `count` bytes, writing out whenever the buffer is full; false once a write failed.
    func write(_ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
        guard failure == nil else { return false }
        if used + count > Self.capacity {
            guard flush() else { return false }
            if count > Self.capacity { return writeOut(bytes, count) }
        }
        (buffer + used).copyMemory(from: bytes, byteCount: count)
        used += count
        return true
    }

    /// Writes what is gathered; false on failure (the reason in ``failure``).
    func flush() -> Bool {
        guard used > 0 else { return failure == nil }
        let count = used
        used = 0
        return writeOut(buffer, count)
    }

    /// Writes all of `count` bytes (again after EINTR and short writes); false on failure.
    private func writeOut(_ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let written = systemWrite(descriptor, bytes + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = failure ?? String(cString: strerror(errno))
                return false
            }
            offset += written
        }
        return true
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
