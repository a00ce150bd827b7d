/// The record a ``CSVReader`` is assembling: the fields' unescaped bytes, each field followed
/// by one separator byte, and where each field ends. Growable raw buffers, reused from record
/// to record; ``makeRecord(line:)`` copies them into one exactly sized allocation.
struct CSVRecordBuilder {
    /// Owns the buffers, so they are freed with the last copy of the reader.
    private final class Storage {
        var bytes: UnsafeMutablePointer<UInt8>
        var ends: UnsafeMutablePointer<Int>

        init(byteCapacity: Int, endCapacity: Int) {
            bytes = .allocate(capacity: byteCapacity)
            ends = .allocate(capacity: endCapacity)
        }

        deinit {
            bytes.deallocate()
            ends.deallocate()
        }
    }

    private var storage: Storage
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private var ends: UnsafeMutablePointer<Int>
    private var endCapacity: Int
    /// The number of bytes assembled.
    private(set) var byteCount = 0
    /// The number of fields ended so far.
    private(set) var fieldCount = 0

    init() {
        byteCapacity = 1_024
        endCapacity = 64
        storage = Storage(byteCapacity: byteCapacity, endCapacity: endCapacity)
        bytes = storage.bytes
        ends = storage.ends
    }

    /// Starts a new record.
    mutating func reset() {
        // A copied reader shares the buffers; give this copy its own before writing, so that
        // growing them here can never free memory the other copy still points to.
        if !isKnownUniquelyReferenced(&storage) { self = CSVRecordBuilder() }
        byteCount = 0
        fieldCount = 0
    }

    /// Appends `count` bytes from `source`.
    mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        guard count > 0 else { return }
        if byteCount + count > byteCapacity { growBytes(to: byteCount + count) }
        (bytes + byteCount).update(from: source, count: count)
        byteCount += count
    }

    /// Ends the current field at byte offset `offset` of the record.
    @inline(__always)
    mutating func endField(at offset: Int) {
        if fieldCount == endCapacity { growEnds() }
        ends[fieldCount] = offset
        fieldCount += 1
    }

    /// The assembled record.
    func makeRecord(line: Int) -> CSVRecord {
        CSVRecord(
            line: line, count: fieldCount,
            storage: .make(
                fieldEnds: UnsafeBufferPointer(start: ends, count: fieldCount),
                bytes: UnsafeBufferPointer(start: bytes, count: byteCount)))
    }

    private mutating func growBytes(to minimum: Int) {
        byteCapacity = max(minimum, byteCapacity * 2)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
        grown.initialize(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        storage.bytes = grown
    }

    private mutating func growEnds() {
        endCapacity *= 2
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity)
        grown.initialize(from: ends, count: fieldCount)
        ends.deallocate()
        ends = grown
        storage.ends = grown
    }
}
