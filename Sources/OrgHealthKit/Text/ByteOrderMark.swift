/// The UTF-8 byte order mark (`EF BB BF`) that Excel, Notepad and many exporters write at the
/// start of a file: the one place it is recognised and dropped, so a reader never takes it
/// for part of the first header, key or line.
///
/// ```swift
/// guard let text = ByteOrderMark.utf8Text(bytes) else { /* not UTF-8: say so */ }
/// ```
public enum ByteOrderMark {
    /// The mark's bytes.
    public static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// How many bytes a leading UTF-8 mark takes in `bytes`: 3, or 0 when there is none.
    public static func utf8Length<Bytes: Sequence<UInt8>>(in bytes: Bytes) -> Int {
        bytes.starts(with: utf8) ? utf8.count : 0
    }

    /// `bytes` without a leading UTF-8 mark.
    public static func droppingUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        bytes.dropFirst(utf8Length(in: bytes))
    }

    /// The text of UTF-8 `bytes` without a leading mark; `nil` when they are not valid UTF-8.
    public static func utf8Text<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        String(validating: droppingUTF8(bytes), as: UTF8.self)
    }
}
