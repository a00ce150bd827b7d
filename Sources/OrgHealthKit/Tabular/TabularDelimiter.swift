/// The character between the fields of a delimited text file.
///
/// When a source does not set `delimiter:`, ``CSVReader`` picks it from the header row: the one
/// of `,` `;` tab `|` that occurs most often outside quotes (a tie goes to the earlier one in
/// that list; a header with none of them is one column, read as comma-separated).
public enum TabularDelimiter: String, Sendable, Hashable, Codable, CaseIterable {
    /// `,` — RFC 4180, and what most exports use.
    case comma = ","
    /// `;` — Excel's "CSV" where the decimal separator is a comma (most of Europe).
    case semicolon = ";"
    /// A tab — Excel's "Unicode text" and "Text (tab-delimited)".
    case tab = "\t"
    /// `|` — some HRIS and data-warehouse exports.
    case pipe = "|"

    /// The delimiter's byte.
    @inlinable
    public var byte: UInt8 {
        switch self {
        case .comma: 0x2C
        case .semicolon: 0x3B
        case .tab: 0x09
        case .pipe: 0x7C
        }
    }

    /// How a person names it: `,` `;` `tab` `|`.
    public var name: String { self == .tab ? "tab" : rawValue }

    /// The delimiter written in a config: the character itself (`","`, `";"`, `"|"`, a tab
    /// or `"\t"`) or its name (`comma`, `semicolon`, `tab`, `pipe`); `nil` for anything else.
    public init?(configName text: String) {
        switch text.lowercased() {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "\t", "\\t", "tab": self = .tab
        case "|", "pipe": self = .pipe
        default: return nil
        }
    }

    /// The delimiter a header row uses: the candidate found most often outside quotes in the
    /// bytes up to the first line break outside quotes; `nil` when there is none (one column).
    static func detect(inHeader bytes: ArraySlice<UInt8>) -> TabularDelimiter? {
        var counts = [0, 0, 0, 0]  // , ; tab |
        var quoted = false
        for byte in bytes {
            switch byte {
            case 0x22: quoted.toggle()  // a doubled quote toggles twice: no change
            case 0x0A where !quoted, 0x0D where !quoted: return best(counts)
            case 0x2C where !quoted: counts[0] += 1
            case 0x3B where !quoted: counts[1] += 1
            case 0x09 where !quoted: counts[2] += 1
            case 0x7C where !quoted: counts[3] += 1
            default: break
            }
        }
        return best(counts)
    }

    private static func best(_ counts: [Int]) -> TabularDelimiter? {
        var winner: Int?
        for index in counts.indices where counts[index] > 0 {
            if winner.map({ counts[index] > counts[$0] }) ?? true { winner = index }
        }
        return winner.map { [.comma, .semicolon, .tab, .pipe][$0] }
    }
}
