/// The character encoding of a tabular file.
///
/// UTF-8 (with or without a byte order mark) is the default. A UTF-16 byte order mark (what
/// Excel's "Unicode text" writes) is recognised by itself, whatever is declared. The
/// single-byte encodings are used only when declared with `encoding:` for the source, because
/// nothing in the bytes tells them apart reliably.
public enum TabularEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    /// UTF-8, with or without a byte order mark.
    case utf8 = "utf-8"
    /// UTF-16, little-endian (found by its byte order mark `FF FE`, or declared).
    case utf16LittleEndian = "utf-16le"
    /// UTF-16, big-endian (found by its byte order mark `FE FF`, or declared).
    case utf16BigEndian = "utf-16be"
    /// Windows' Western European code page (Excel's "CSV" on Western Windows systems).
    case windows1252 = "windows-1252"
    /// ISO-8859-1 (Latin-1).
    case iso88591 = "iso-8859-1"

    /// The encoding named in a config: the names above, case-insensitively, or the common
    /// aliases `utf8`, `cp1252`, `latin1` and `latin-1`; `nil` for anything else.
    public init?(configName: String) {
        let name = configName.trimmingSpaces.lowercased()
        switch name {
        case "utf8": self = .utf8
        case "cp1252", "win-1252", "windows1252": self = .windows1252
        case "latin1", "latin-1", "iso8859-1", "iso-latin-1": self = .iso88591
        case "utf16le", "utf-16-le": self = .utf16LittleEndian
        case "utf16be", "utf-16-be": self = .utf16BigEndian
        default:
            guard let known = TabularEncoding(rawValue: name) else { return nil }
            self = known
        }
    }
}
