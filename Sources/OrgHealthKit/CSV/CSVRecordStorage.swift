/// One record's fields in a single allocation: the end offset of each field (as `Int`s), then
/// the fields' bytes (each field followed by one separator byte), then 8 zero bytes so that 8
/// bytes can be loaded at the start of any field.
///
/// `@unchecked Sendable`: the buffer is written only inside ``make(fieldEnds:bytes:)``, before
/// anyone else can see it, and only read afterwards.
@usableFromInline
struct CSVRecordStorage: @unchecked Sendable {
    /// A tail-allocated buffer: one allocation per record, no generic metadata lookups.
    @usableFromInline final class Buffer: ManagedBuffer<Void, UInt8> {}

    // Visible to inlined code: readers in other modules read fields through
    // ``CSVRecord/withField(_:_:)`` inlined into their loops (issue 16).
    @usableFromInline let buffer: Buffer

    private init(buffer: Buffer) {
        self.buffer = buffer
    }

    /// Copies a record's field ends and bytes into a new storage.
    static func make(fieldEnds: UnsafeBufferPointer<Int>, bytes: UnsafeBufferPointer<UInt8>) -> CSVRecordStorage {
        let endsSize = fieldEnds.count * MemoryLayout<Int>.stride
        let size = endsSize + bytes.count + 8
        let buffer = unsafeDowncast(Buffer.create(minimumCapacity: size) { _ in }, to: Buffer.self)
        buffer.withUnsafeMutablePointerToElements { start in
            if let ends = fieldEnds.baseAddress { UnsafeMutableRawPointer(start).copyMemory(from: ends, byteCount: endsSize) }
            if let bytes = bytes.baseAddress { (start + endsSize).initialize(from: bytes, count: size - endsSize - 8) }
            (start + size - 8).initialize(repeating: 0, count: 8)
        }
        return CSVRecordStorage(buffer: buffer)
    }

    /// Calls `body` with the start and length of field `index` of a record of `fieldCount`
    /// fields (at least 8 bytes are readable from the start).
    @inlinable @inline(__always)
    func withField<Result>(
        _ index: Int, fieldCount: Int, _ body: (UnsafePointer<UInt8>, Int) throws -> Result
    ) rethrows -> Result {
        try buffer.withUnsafeMutablePointerToElements { start in
            let ends = UnsafeRawPointer(start)
            let stride = MemoryLayout<Int>.stride
            let fieldStart = index == 0 ? 0 : ends.loadUnaligned(fromByteOffset: (index - 1) * stride, as: Int.self) + 1
            let fieldEnd = ends.loadUnaligned(fromByteOffset: index * stride, as: Int.self)
            return try body(UnsafePointer(start + fieldCount * stride + fieldStart), fieldEnd - fieldStart)
        }
    }
}
