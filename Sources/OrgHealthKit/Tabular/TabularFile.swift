import Foundation

/// The one way to open a tabular source — a roster, review cycles, survey responses, or any
/// input of a custom analyzer — with its per-source options.
///
/// ```swift
/// var reader = try TabularFile.open(url, options: context.tabularOptions(for: url))
/// guard let first = try reader.next() else { return }
/// let header = CSVHeader(first, mapping: columnMapping)
/// reader.expectedFieldCount = header.count
/// while let row = try reader.next() { … }
/// ```
///
/// Delimited text (`.csv`, `.tsv`, `.txt` or any other name) is read by ``CSVReader`` with
/// the source's ``TabularOptions``. This is also the single place where workbooks are
/// recognised — by extension, or by the zip signature of an `.xlsx` saved under another name
/// — and handed to a workbook reader (a ``TabularRowSource``); this build has none, so
/// workbooks are refused with a message saying how to save them.
public enum TabularFile {
    /// The file extensions of workbooks, which are not delimited text.
    public static let workbookExtensions: Set<String> = ["xlsx", "xlsm", "xls", "ods", "numbers"]

    /// Opens `url` for reading records, with the source's options.
    /// - Throws: ``CSVError/Kind/cannotOpen`` for a missing or unreadable file,
    ///   ``CSVError/Kind/unsupportedFormat`` for a workbook.
    public static func open(
        _ url: URL, options: TabularOptions = TabularOptions(), bufferSize: Int = 1 << 20
    ) throws(CSVError) -> CSVReader {
        let source = url.lastPathComponent
        let fileExtension = url.pathExtension.lowercased()
        if workbookExtensions.contains(fileExtension) || startsLikeZip(url) {
            // The workbook reader (the `xlsx` target) plugs in here:
            // `return CSVReader(rows: try WorkbookSheet(url, sheet: options.sheet))`.
            throw CSVError(kind: .unsupportedFormat, source: source, line: nil, reason: workbookAdvice(fileExtension))
        }
        return try CSVReader(
            contentsOf: url, bufferSize: bufferSize, delimiter: options.delimiter, encoding: options.encoding ?? .utf8)
    }

    /// What to do with a workbook this build cannot read.
    static func workbookAdvice(_ fileExtension: String) -> String {
        switch fileExtension {
        case "xlsx", "xlsm":
            return "this is an Excel workbook (.\(fileExtension)), which this build cannot read; "
                + "in Excel use File > Save As > \"CSV UTF-8 (Comma delimited)\" and point the config at the .csv"
        case "xls", "ods", "numbers":
            return "this is a .\(fileExtension) spreadsheet, which OrgHealth does not read; "
                + "save it as .xlsx or as CSV (UTF-8) and point the config at that file"
        default:
            return "this file is a zip archive (probably an Excel workbook saved under another name), not CSV; "
                + "save it as CSV (UTF-8) and point the config at the .csv"
        }
    }

    /// Whether the file starts with a zip local-file signature (`PK\u{3}\u{4}`).
    private static func startsLikeZip(_ url: URL) -> Bool {
        // A file that cannot be opened here is reported by the CSV reader's own open, with
        // the operating system's reason, so losing this error is right.
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }  // closing a read-only handle has nothing to lose
        // As above: a read error is reported by the CSV reader, which reads the same bytes.
        let head = (try? handle.read(upToCount: 4)) ?? nil
        return head.map { [UInt8]($0) == [0x50, 0x4B, 0x03, 0x04] } ?? false
    }
}
