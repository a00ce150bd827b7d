#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open file an ``XMLStreamWriter`` writes into, and the first reason a write failed.
final class XMLFileSink {
    let descriptor: Int32
    /// `strerror` of the first failed `write(2)`; libxml2 itself only sees -1.
    var failure: String?

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes all of `count` bytes (again after EINTR and short writes); false on failure.
    func write(_ bytes: UnsafeRawPointer, _ count: Int) -> Bool {
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
