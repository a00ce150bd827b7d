internal import CLibXML2

/// Collects the libxml2 errors raised on the current thread during one call
/// into the library (see ``LibXML/withCapturedErrors(_:)``).
final class ErrorCollector {
    /// How serious a captured diagnostic is.
    enum Severity: Comparable {
        case warning, error, fatal
    }

    /// One captured diagnostic.
    struct Record {
        let error: LibXMLError
        let severity: Severity
    }

    /// At most this many records are kept (a recovering parser can report an
    /// error per input byte); `droppedCount` counts the rest.
    static let limit = 100

    private(set) var records: [Record] = []
    private(set) var droppedCount = 0

    /// The captured errors (not warnings), in order.
    var errors: [LibXMLError] { records.filter { $0.severity >= .error }.map(\.error) }

    /// The captured diagnostics of every severity, in order.
    var all: [LibXMLError] { records.map(\.error) }

    /// The first fatal error, else the first error, if any.
    var mostRelevantError: LibXMLError? {
        (records.first { $0.severity == .fatal } ?? records.first { $0.severity == .error })?.error
    }

    func record(_ error: xmlError) {
        guard records.count < ErrorCollector.limit else {
            droppedCount += 1
            return
        }
        let message = error.message.map { String(cString: $0) } ?? "libxml2 error \(error.code)"
        let severity: Severity
        switch error.level {
        case XML_ERR_FATAL: severity = .fatal
        case XML_ERR_ERROR: severity = .error
        default: severity = .warning
        }
        records.append(Record(
            error: LibXMLError(message: message, line: Int(error.line), column: Int(error.int2)),
            severity: severity
        ))
    }

    func record(_ error: LibXMLError, severity: Severity) {
        guard records.count < ErrorCollector.limit else {
            droppedCount += 1
            return
        }
        records.append(Record(error: error, severity: severity))
    }
}

extension LibXML {
    /// Runs `body` with this thread's libxml2 error handlers replaced: structured
    /// errors go to a fresh ``ErrorCollector`` and generic (printf-style) errors
    /// are dropped, so nothing is ever printed. The previous handlers are
    /// restored afterwards. `body` must be synchronous (handlers are per thread).
    static func withCapturedErrors<T, E: Error>(
        _ body: (ErrorCollector) throws(E) -> T
    ) throws(E) -> T {
        initialize()
        let collector = ErrorCollector()
        let structured = __xmlStructuredError()
        let structuredContext = __xmlStructuredErrorContext()
        let generic = __xmlGenericError()
        let genericContext = __xmlGenericErrorContext()
        let saved = (
            structured?.pointee, structuredContext?.pointee,
            generic?.pointee, genericContext?.pointee
        )
        structured?.pointee = collectStructuredError
        structuredContext?.pointee = Unmanaged.passUnretained(collector).toOpaque()
        generic?.pointee = silentGenericErrorHandler
        genericContext?.pointee = nil
        defer {
            structured?.pointee = saved.0
            structuredContext?.pointee = saved.1
            generic?.pointee = saved.2
            genericContext?.pointee = saved.3
        }
        return try withExtendedLifetime(collector) { () throws(E) -> T in
            try body(collector)
        }
    }
}

/// The thread-local structured error handler installed by
/// ``LibXML/withCapturedErrors(_:)``; `context` is the unretained collector.
private func collectStructuredError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
}

/// A do-nothing body for libxml2's printf-style generic error handler.
private func ignoreGenericError(_ context: UnsafeMutableRawPointer?, _ format: UnsafePointer<CChar>?) {}

/// `xmlGenericErrorFunc` is variadic, which Swift imports as an opaque
/// pointer and cannot define. A non-variadic C function that ignores every
/// argument is call-compatible for the fixed arguments on the platforms Swift
/// supports (SysV x86-64, AArch64), so it is passed in its place.
private var silentGenericErrorHandler: OpaquePointer {
    let function: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = ignoreGenericError
    return unsafeBitCast(function, to: OpaquePointer.self)
}
