import Foundation
import OrgHealthKit

extension ConfigReader {
    /// The keys of the `roster:` mapping.
    static let rosterKeys = [
        "file", "dateFormat", "managerBy", "preset", "status", "statusMeansLeft", "delimiter", "sheet", "encoding",
    ]

    /// `roster:` — a path, or a mapping `{file, dateFormat, managerBy, preset, status,
    /// statusMeansLeft, delimiter, sheet, encoding}`.
    func readRoster(_ value: YAMLValue) throws(ConfigError) -> (file: URL, options: RosterOptions) {
        guard case .mapping = value else {
            return (try existingPath(value, "roster", directory: false), RosterOptions())
        }
        var file: URL?
        var options = RosterOptions()
        for pair in try mapping(value, "roster", allowed: Self.rosterKeys) {
            let key = "roster.\(pair.key)"
            switch pair.key {
            case "file":
                file = try existingPath(pair.value, key, directory: false)
            case "dateFormat":
                let text = try scalar(pair.value, key)
                guard let format = RosterDateFormat(pattern: text) else {
                    throw error(pair.value.line, key,
                                "'\(text)' is not a date pattern; use d or dd for the day, M or MM for the month and "
                                    + "yy or yyyy for the year, e.g. MM/dd/yy, M/d/yyyy, dd.MM.yyyy or yyyy-MM-dd")
                }
                options.dateFormat = format
            case "managerBy":
                let text = try scalar(pair.value, key)
                guard let by = ManagerKey(rawValue: text.lowercased()) else {
                    throw error(pair.value.line, key, "'\(text)' is not a manager key; use id, email or name")
                }
                options.managerBy = by
            case "preset":
                let text = try scalar(pair.value, key)
                guard let preset = RosterPreset(rawValue: text.lowercased()) else {
                    throw error(pair.value.line, key, "no preset is called '\(text)'; the presets are \(RosterPreset.names)")
                }
                options.preset = preset
            case "status":
                let text = try scalar(pair.value, key)
                guard !text.isEmpty else { throw error(pair.value.line, key, "must name the status column") }
                options.status = text
            case "statusMeansLeft":
                guard case .bool(let flag) = pair.value.configValue else {
                    throw error(pair.value.line, key, "must be true or false")
                }
                options.statusMeansLeft = flag
            default:
                // delimiter, sheet, encoding: the same checks as for every source.
                try readTabularOption(pair.key, pair.value, key, into: &options.tabular)
            }
        }
        guard let file else { throw error(value.line, "roster.file", "is required when roster is a mapping; name the roster file") }
        return (file, options)
    }
}
