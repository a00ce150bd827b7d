internal import CLibXML2

extension String {
    /// Calls `body` with the string as a NUL-terminated `xmlChar` (UTF-8) buffer.
    /// Callers reject or sanitise embedded NULs first, since C stops at them.
    func withXMLChar<R>(_ body: (UnsafePointer<xmlChar>) -> R) -> R {
        withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: utf8.count + 1, body)
        }
    }

    /// Whether the string contains U+0000, which C APIs would silently truncate at.
    var containsNUL: Bool {
        utf8.contains(0)
    }
}

/// A Swift string from a NUL-terminated `xmlChar` buffer (invalid UTF-8 is repaired); `""` for `nil`.
func stringFromXMLChar(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}
