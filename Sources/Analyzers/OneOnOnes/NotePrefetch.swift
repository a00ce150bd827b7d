import Foundation
import OrgHealthKit
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the kernel to start reading note files before the readers reach them (issue 16).
///
/// A notes folder of tens of thousands of small files that are not in the page cache (the
/// usual case for a quarterly export) is read at the disk's latency: the two readers wait on
/// one file each. Measured on the two-core machine (51,071 files, 60.6 MB, caches dropped):
/// `cat` over the files took 2.6 s two at a time and 1.5 s eight at a time. The prefetch
/// threads open each file in the order the readers will take them, say `WILLNEED`
/// (`posix_fadvise`: the kernel queues the read and returns) and close it; the readers then
/// find the bytes in memory. They read nothing themselves, so they cannot change what is read:
/// a file that is not a regular file is closed untouched, and every check stays with the reader.
///
/// Warm, asking would only cost an `open`, `fstat` and `close` per file (0.07 s of the
/// 10,000-person report's 1.7 s): so a sample of the files is timed first, and the threads start
/// only when the files look cold (``looksCold(_:)``; docs/BENCHMARKS.md).
final class NotePrefetch: Sendable {
    /// The threads asking ahead; the disk serves several requests at once.
    static let threadCount = 8
    /// Below this many files there is little to gain and nothing is started.
    static let minimumFiles = 256

    private let paths: [String]
    private let next = Mutex(0)
    private let stopped = Atomic(false)
    /// How many threads are still running (the tests wait for none).
    private let running = Atomic(0)

    /// Starts prefetching `paths` (in the order they will be read) on ``threadCount`` threads;
    /// does nothing for fewer than ``minimumFiles`` paths, or, with `onlyWhenCold`, when the
    /// files look to be in memory already.
    init(paths: [String], onlyWhenCold: Bool = true) {
        self.paths = paths
        guard paths.count >= Self.minimumFiles, !onlyWhenCold || Self.looksCold(paths) else { return }
        running.store(Self.threadCount, ordering: .relaxed)
        for _ in 0..<Self.threadCount {
            let thread = Thread { [self] in
                run()
                running.subtract(1, ordering: .releasing)
            }
            thread.name = "orghealth-note-prefetch"
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    /// Stops the threads after the file each is on (the readers are done, or cancelled).
    func stop() { stopped.store(true, ordering: .relaxed) }

    /// Whether every thread has ended (all files asked for, or stopped).
    var isFinished: Bool { running.load(ordering: .acquiring) == 0 }

    private func run() {
        while !stopped.load(ordering: .relaxed) {
            let index = next.withLock { index -> Int in
                defer { index += 1 }
                return index
            }
            guard index < paths.count else { return }
            Self.adviseWillNeed(paths[index])
        }
    }

    /// The files sampled to tell whether the folder is in memory.
    static let sampleSize = 16
    /// The median time to open a sampled file and read its first byte above which the folder is
    /// taken to be on the disk: from memory it takes a few microseconds; from the disk, the
    /// disk's latency (about 100 µs and more here).
    static let coldBelowMedian = Duration.microseconds(50)

    /// Whether the files look to be on the disk rather than in the page cache: ``sampleSize``
    /// of them, spread over the list, are opened and their first byte read (which the readers
    /// would do anyway), and the median time is compared with ``coldBelowMedian``. The median,
    /// so that one pause of a busy machine does not decide.
    static func looksCold(_ paths: [String]) -> Bool {
        guard !paths.isEmpty else { return false }
        let clock = ContinuousClock()
        var times: [Duration] = []
        let step = max(1, paths.count / sampleSize)
        for index in stride(from: 0, to: paths.count, by: step).prefix(sampleSize) {
            let start = clock.now
            readFirstByte(paths[index])
            times.append(clock.now - start)
        }
        return times.sorted()[times.count / 2] > coldBelowMedian
    }

    /// Reads the first byte of the file at `path`, if it is a regular file.
    private static func readFirstByte(_ path: String) {
        _ = try? RegularFile.head(path, count: 1)
    }

    /// Asks for all the pages of the file at `path`, if it is a regular file (opened as every
    /// input is: never blocking on a FIFO, never a device).
    private static func adviseWillNeed(_ path: String) {
        guard let (descriptor, _) = try? RegularFile.open(path) else { return }
        defer { close(descriptor) }
        #if canImport(Glibc)
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
        #endif
    }
}
