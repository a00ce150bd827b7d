import Dispatch
import Foundation

/// Runs independent pieces of work on all cores and returns their results in index order,
/// so the output never depends on scheduling.
enum ParallelWork {
    /// `body(0)`, `body(1)`, … `body(count − 1)`, computed concurrently; rethrows the error of
    /// the lowest failing index.
    static func map<Result: Sendable>(count: Int, _ body: @Sendable (Int) throws -> Result) throws -> [Result] {
        guard count > 0 else { return [] }
        let slots = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            do {
                slots.store(.success(try body(index)), at: index)
            } catch {
                slots.store(.failure(error), at: index)
            }
        }
        return try slots.values()
    }
}

/// Results written by concurrent workers, one slot each, behind a lock.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, any Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<Value, any Error>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        var values: [Value] = []
        values.reserveCapacity(slots.count)
        for slot in slots {
            switch slot {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: throw error
            case nil: continue
            }
        }
        return values
    }
}
