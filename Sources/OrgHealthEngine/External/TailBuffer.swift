import Foundation

/// The last `capacity` bytes of a stream, in a fixed-size ring: however much a child writes
/// to standard error, the host holds at most `capacity` bytes of it (issue 14, row 8).
struct TailBuffer {
    /// The most bytes kept.
    let capacity: Int
    private var storage: [UInt8]
    /// Where the next byte goes.
    private var next = 0
    /// Whether the ring has wrapped (every slot holds a byte).
    private var isFull = false
    /// How many bytes were appended in all, kept or not.
    private(set) var totalBytes = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage = [UInt8](repeating: 0, count: self.capacity)
    }

    /// Appends bytes, overwriting the oldest once full.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        totalBytes += bytes.count
        // Only the last `capacity` bytes of a large write can survive it.
        let kept = bytes.count > capacity ? UnsafeBufferPointer(rebasing: bytes[(bytes.count - capacity)...]) : bytes
        var offset = 0
        while offset < kept.count {
            let run = min(capacity - next, kept.count - offset)
            storage.withUnsafeMutableBufferPointer { slots in
                for index in 0..<run { slots[next + index] = kept[offset + index] }
            }
            offset += run
            next += run
            if next == capacity {
                next = 0
                isFull = true
            }
        }
    }

    /// The bytes kept, oldest first.
    var bytes: Data {
        guard isFull else { return Data(storage[0..<next]) }
        var data = Data(capacity: capacity)
        data.append(contentsOf: storage[next...])
        data.append(contentsOf: storage[..<next])
        return data
    }
}
