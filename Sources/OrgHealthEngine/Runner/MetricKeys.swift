import Foundation
import Synchronization
import OrgHealthKit

/// Finds a metric that repeats an earlier one's id and scope, on every core (issue 16: a
/// `Set` of the keys took 0.5 s for the survey's 1.3 million figures at 10^6 people, with the
/// other core idle).
///
/// Each key is hashed once, the hashing shared out in pieces; the keys are then dealt by
/// hash into one table per core, so equal keys always meet in the same table, and each table
/// is filled in metric order. The answer is the same as one `Set` filled in order gives.
enum MetricKeys {
    /// The lowest index whose id and scope equal those of a metric before it, or nil.
    static func firstRepeated(in metrics: [Metric]) -> Int? {
        let count = metrics.count
        guard count > 1 else { return nil }
        // Every table scans all the hashes for its own: more than eight would cost more than they share.
        let partitions = count < 50_000 ? 1 : min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let hashes = [Int](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let buffer = buffer
            let pieces = min(count, partitions * 4)
            let perPiece = (count + pieces - 1) / pieces
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                // The last pieces may be empty (5 metrics in 4 pieces of 2: the fourth starts past the end).
                for index in min(count, piece * perPiece)..<min(count, (piece + 1) * perPiece) {
                    var hasher = Hasher()
                    hasher.combine(metrics[index].id)
                    hasher.combine(metrics[index].scope)
                    buffer[index] = hasher.finalize()
                }
            }
            initialized = count
        }
        let found = Mutex<Int?>(nil)
        DispatchQueue.concurrentPerform(iterations: partitions) { partition in
            guard let index = firstRepeated(metrics, hashes, partition: partition, of: partitions) else { return }
            found.withLock { $0 = min($0 ?? index, index) }
        }
        return found.withLock { $0 }
    }

    /// The first repeat among the metrics whose hash falls in `partition`: an open-addressing
    /// table of metric indices, keys compared only when their full hashes are equal.
    private static func firstRepeated(_ metrics: [Metric], _ hashes: [Int], partition: Int, of partitions: Int) -> Int? {
        var expected = 0
        for hash in hashes where Int(UInt(bitPattern: hash) % UInt(partitions)) == partition { expected += 1 }
        var size = 16
        while size < expected * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for index in hashes.indices where Int(UInt(bitPattern: hashes[index]) % UInt(partitions)) == partition {
            let hash = hashes[index]
            // The partition took the hash's remainder; the slot comes from its high bits.
            var slot = Int(truncatingIfNeeded: UInt(bitPattern: hash) >> 20) & mask
            while slots[slot] >= 0 {
                let earlier = Int(slots[slot])
                if hashes[earlier] == hash, metrics[earlier].id == metrics[index].id, metrics[earlier].scope == metrics[index].scope {
                    return index
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(index)
        }
        return nil
    }
}
