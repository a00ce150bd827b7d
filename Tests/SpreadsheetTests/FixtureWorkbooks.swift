import Foundation
import Spreadsheet

/// The committed fixture workbooks (made by Fixtures/make_fixtures.py, which
/// says where each shape comes from).
enum FixtureWorkbooks {
    static func url(_ name: String) throws -> URL {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return folder.appendingPathComponent(name)
    }

    /// Every row of `sheet` in fixture `name`.
    static func rows(_ name: String, sheet: String? = nil) throws -> [WorkbookRow] {
        var reader = try WorkbookReader(url: url(name), sheet: sheet)
        var rows: [WorkbookRow] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The error thrown while opening or reading fixture `name` to the end.
    static func error(_ name: String, sheet: String? = nil, limits: WorkbookLimits = .default) throws -> WorkbookError? {
        do {
            var reader = try WorkbookReader(url: url(name), sheet: sheet, limits: limits)
            while try reader.next() != nil {}
            return nil
        } catch let error as WorkbookError {
            return error
        }
    }
}
