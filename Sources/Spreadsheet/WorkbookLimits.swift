/// Caps that keep a hostile or broken `.xlsx` (a zip bomb) from exhausting
/// memory, disk or time. Sizes are uncompressed bytes.
public struct WorkbookLimits: Sendable, Equatable {
    /// The largest any one entry may inflate to (the sheet is streamed, so
    /// this bounds time, not memory).
    public var maximumEntryBytes: UInt64
    /// The largest all entries together may inflate to (declared sizes, checked
    /// before reading, and bytes actually inflated, checked while reading).
    public var maximumTotalBytes: UInt64
    /// The largest a part held in memory may inflate to: the workbook, its
    /// relationships, the styles and the shared strings.
    public var maximumInMemoryPartBytes: UInt64
    /// The most an entry may inflate relative to its compressed size, checked
    /// once more than ``ratioGraceBytes`` have come out of it.
    public var maximumCompressionRatio: UInt64
    /// Bytes an entry may inflate to before its ratio is checked (tiny parts
    /// legitimately compress very well).
    public var ratioGraceBytes: UInt64

    /// 4 GiB per entry, 8 GiB in all, 512 MiB per in-memory part, 100× ratio
    /// after 1 MiB. The ratio is Apache POI's default (`ZipSecureFile`'s minimum
    /// inflate ratio 0.01); real sheets compress 5–30×.
    public static let `default` = WorkbookLimits(
        maximumEntryBytes: 4 << 30, maximumTotalBytes: 8 << 30, maximumInMemoryPartBytes: 512 << 20,
        maximumCompressionRatio: 100, ratioGraceBytes: 1 << 20
    )

    public init(
        maximumEntryBytes: UInt64, maximumTotalBytes: UInt64, maximumInMemoryPartBytes: UInt64,
        maximumCompressionRatio: UInt64, ratioGraceBytes: UInt64
    ) {
        self.maximumEntryBytes = maximumEntryBytes
        self.maximumTotalBytes = maximumTotalBytes
        self.maximumInMemoryPartBytes = maximumInMemoryPartBytes
        self.maximumCompressionRatio = maximumCompressionRatio
        self.ratioGraceBytes = ratioGraceBytes
    }
}
