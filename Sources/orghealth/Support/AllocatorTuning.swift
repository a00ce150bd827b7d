import CProcessControl

/// How the C allocator hands large blocks back (issue 16).
///
/// glibc serves a block of 128 KiB or more with its own `mmap`, and returns it to the system
/// when it is freed — until the first such block is freed: from then on the threshold climbs
/// to the size of that block (up to 32 MiB), and later large arrays come from the heap, where
/// freed space is kept by the process. A report frees large arrays all along (the survey's
/// tallies, the gate's plans, the health model's tables), so the resident size kept on
/// growing with memory no longer in use: at 10^6 people, 45 MB of the peak. Setting the
/// threshold fixes it at its starting value; the time of a run is unchanged (measured in
/// docs/BENCHMARKS.md). Applies to the command-line tool only, not to the libraries.
enum AllocatorTuning {
    /// glibc's default threshold, fixed so that it no longer climbs.
    static let mmapThreshold: Int32 = 128 << 10

    /// Fixes the threshold; call once, first thing.
    static func install() {
        // A refusal (0) leaves glibc's default: nothing to report.
        _ = orghealth_fix_mmap_threshold(mmapThreshold)
    }
}
