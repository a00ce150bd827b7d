import Foundation
import OrgHealthKit

/// Reads a source entry of the config: a path, a list of paths, or a mapping
/// `{file, delimiter, encoding, sheet}` naming one file with how to read it — or a list
/// mixing both forms (docs/CONFIGURATION.md "Per-source options").
extension ConfigReader {
    /// The keys of a source given as a mapping.
    static let sourceEntryKeys = ["file", "delimiter", "encoding", "sheet"]

    /// Whether `value` is one file with options (a mapping with a `file` key), rather than a
    /// mapping of roles (`culture-survey: {responses: …, definition: …}`).
    func isSourceEntry(_ value: YAMLValue) -> Bool {
        guard case .mapping(let pairs, _) = value else { return false }
        return pairs.contains { $0.key == "file" }
    }

    /// The files of a source and how to read each: a path, a `{file, …}` mapping, or a list of either.
    func sourceEntries(_ value: YAMLValue, _ key: String) throws(ConfigError) -> [(url: URL, options: TabularOptions)] {
        if case .sequence(let items, _) = value {
            var entries: [(url: URL, options: TabularOptions)] = []
            for item in items { entries.append(try sourceEntry(item, key)) }
            return entries
        }
        return [try sourceEntry(value, key)]
    }

    /// One file of a source: a path, or a `{file, delimiter, encoding, sheet}` mapping.
    func sourceEntry(_ value: YAMLValue, _ key: String) throws(ConfigError) -> (url: URL, options: TabularOptions) {
        guard case .mapping = value else { return (try existingPath(value, key), TabularOptions()) }
        var file: URL?
        var options = TabularOptions()
        for pair in try mapping(value, key, allowed: Self.sourceEntryKeys) {
            if pair.key == "file" {
                file = try existingPath(pair.value, "\(key).file")
            } else {
                try readTabularOption(pair.key, pair.value, "\(key).\(pair.key)", into: &options)
            }
        }
        guard let file else { throw error(value.line, key, "needs file: with the path of the file") }
        return (file, options)
    }

    /// Reads one of `delimiter`, `encoding` and `sheet` into `options` (also for the roster's
    /// mapping). Returns `false` for any other key, leaving it to the caller.
    @discardableResult
    func readTabularOption(
        _ name: String, _ value: YAMLValue, _ key: String, into options: inout TabularOptions
    ) throws(ConfigError) -> Bool {
        switch name {
        case "delimiter":
            let text = try scalar(value, key)
            guard let delimiter = TabularDelimiter(configName: text) else {
                throw error(value.line, key, "'\(text)' is not a delimiter; use \",\", \";\", tab or \"|\" (quote the character)")
            }
            options.delimiter = delimiter
        case "encoding":
            let text = try scalar(value, key)
            guard let encoding = TabularEncoding(configName: text) else {
                throw error(value.line, key, "'\(text)' is not a supported encoding; use one of "
                    + TabularEncoding.allCases.map(\.rawValue).joined(separator: ", "))
            }
            options.encoding = encoding
        case "sheet":
            let text = try scalar(value, key)
            guard !text.isEmpty else { throw error(value.line, key, "must name a sheet of the workbook") }
            options.sheet = text
        default:
            return false
        }
        return true
    }
}
