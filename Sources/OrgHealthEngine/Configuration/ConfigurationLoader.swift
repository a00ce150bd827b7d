import Foundation
import OrgHealthKit

/// Reads and checks `orghealth.yml`. Every problem is a ``ConfigError`` naming the file,
/// the line and the key: an unknown key, a value of the wrong type, a file that is missing.
public struct ConfigurationLoader: Sendable {
    /// The analyzer ids that may appear under `analyzers:` (built-in and discovered).
    public var knownAnalyzers: Set<String>

    /// Creates a loader.
    public init(knownAnalyzers: Set<String>) { self.knownAnalyzers = knownAnalyzers }

    static let topLevelKeys = [
        "organization", "period", "roster", "columns", "sources", "privacy", "analyzers", "plugins", "output", "history", "limits",
        "healthIndex", "fiscalYearStart", "cuts",
    ]

    /// The largest config file read: 1 MiB (fixed: the `limits:` it sets are not known before it is read).
    public static let maxConfigBytes = 1 << 20

    /// Loads a config file (a regular file only: a FIFO or device is refused before it is read).
    public func load(_ url: URL) throws(ConfigError) -> Configuration {
        try read(ConfigDocument.read(url))
    }

    /// Parses config text; paths are relative to `file`'s folder.
    public func parse(_ text: String, file: URL) throws(ConfigError) -> Configuration {
        try read(ConfigDocument(text: text, file: file))
    }

    /// Checks an already parsed config and makes its ``Configuration``.
    public func read(_ document: ConfigDocument) throws(ConfigError) -> Configuration {
        var reader = ConfigReader(file: document.file)
        return try reader.read(document.root, knownAnalyzers: knownAnalyzers)
    }
}

/// Walks the YAML tree, checking keys and types as it goes.
struct ConfigReader {
    let file: URL
    /// `fiscalYearStart:` (1–12), 0 when absent: enables `FY26-Q3` periods.
    var fiscalYearStart = 0
    var base: URL { file.deletingLastPathComponent() }

    func error(_ line: Int?, _ key: String?, _ message: String) -> ConfigError {
        ConfigError(file: file.path, line: line, key: key, message: message)
    }

    func mapping(_ value: YAMLValue, _ key: String, allowed: [String]?) throws(ConfigError)
        -> [(key: String, keyLine: Int, value: YAMLValue)]
    {
        guard case .mapping(let pairs, _) = value else {
            if case .null = value { return [] }
            throw error(value.line, key, "must be a mapping (key: value lines)")
        }
        var seen: Set<String> = []
        for pair in pairs {
            let path = key.isEmpty ? pair.key : "\(key).\(pair.key)"
            if let allowed, !allowed.contains(pair.key) {
                throw error(pair.keyLine, path, "unknown key; expected one of \(allowed.joined(separator: ", "))")
            }
            guard seen.insert(pair.key).inserted else { throw error(pair.keyLine, path, "appears twice") }
        }
        return pairs
    }

    func scalar(_ value: YAMLValue, _ key: String) throws(ConfigError) -> String {
        guard case .scalar(let text, _) = value else { throw error(value.line, key, "must be a single value") }
        return text
    }

    func integer(_ value: YAMLValue, _ key: String) throws(ConfigError) -> Int {
        guard let number = Int(try scalar(value, key)) else { throw error(value.line, key, "must be a whole number") }
        return number
    }

    func existingPath(_ value: YAMLValue, _ key: String, directory: Bool? = nil) throws(ConfigError) -> URL {
        let text = try scalar(value, key)
        guard !text.isEmpty else { throw error(value.line, key, "must name a file") }
        let url = text.hasPrefix("/") ? URL(fileURLWithPath: text) : base.appendingPathComponent(text)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw error(value.line, key, "\(url.path) does not exist; fix the path (relative to the config file)")
        }
        if let directory, directory != isDirectory.boolValue {
            throw error(value.line, key, "\(url.path) must be a \(directory ? "folder" : "file")")
        }
        return url
    }

    func path(_ value: YAMLValue, _ key: String) throws(ConfigError) -> URL {
        let text = try scalar(value, key)
        return text.hasPrefix("/") ? URL(fileURLWithPath: text) : base.appendingPathComponent(text)
    }

    mutating func read(_ root: YAMLValue, knownAnalyzers: Set<String>) throws(ConfigError) -> Configuration {
        let pairs = try mapping(root, "", allowed: ConfigurationLoader.topLevelKeys)
        var values: [String: (line: Int, value: YAMLValue)] = [:]
        for pair in pairs { values[pair.key] = (pair.keyLine, pair.value) }
        func required(_ key: String) throws(ConfigError) -> YAMLValue {
            guard let entry = values[key] else { throw error(nil, key, "is required") }
            return entry.value
        }
        let organization = try scalar(try required("organization"), "organization")
        if let entry = values["fiscalYearStart"] { fiscalYearStart = try fiscalStart(entry.value) }
        let period = try readPeriod(try required("period"))
        var (roster, rosterOptions) = try readRoster(try required("roster"))
        if let entry = values["cuts"] { rosterOptions.cuts = try readCuts(entry.value) }

        var columns: [String: [String: String]] = [:]
        if let entry = values["columns"] {
            for kind in try mapping(entry.value, "columns", allowed: nil) {
                var map: [String: String] = [:]
                for column in try mapping(kind.value, "columns.\(kind.key)", allowed: nil) {
                    map[column.key] = try scalar(column.value, "columns.\(kind.key).\(column.key)")
                }
                columns[kind.key] = map
            }
        }

        var sources: [InputKind: [URL]] = [:]
        var sourceOptions: [URL: TabularOptions] = [:]
        func add(_ entries: [(url: URL, options: TabularOptions)], as kind: InputKind) {
            sources[kind] = entries.map(\.url)
            for entry in entries where !entry.options.isDefault { sourceOptions[entry.url] = entry.options }
        }
        if let entry = values["sources"] {
            for source in try mapping(entry.value, "sources", allowed: nil) {
                let key = "sources.\(source.key)"
                switch source.value {
                case .mapping where !isSourceEntry(source.value):
                    for role in try mapping(source.value, key, allowed: nil) {
                        add(try sourceEntries(role.value, "\(key).\(role.key)"), as: InputKind(rawValue: "\(source.key).\(role.key)"))
                    }
                default:
                    add(try sourceEntries(source.value, key), as: InputKind(rawValue: source.key))
                }
            }
        }

        var privacy = PrivacyPolicy()
        if let entry = values["privacy"] {
            for pair in try mapping(entry.value, "privacy", allowed: ["minGroupSize", "comments", "minCommentGroupSize"]) {
                let key = "privacy.\(pair.key)"
                switch pair.key {
                case "minGroupSize":
                    let size = try integer(pair.value, key)
                    guard size >= PrivacyPolicy.minimumAllowedGroupSize else {
                        throw error(pair.value.line, key, "must be at least \(PrivacyPolicy.minimumAllowedGroupSize)")
                    }
                    privacy.minGroupSize = size
                case "comments":
                    let text = try scalar(pair.value, key)
                    guard let policy = CommentPolicy(rawValue: text) else {
                        throw error(pair.value.line, key, "must be one of exclude, themes, include")
                    }
                    privacy.comments = policy
                default:
                    privacy.minCommentGroupSize = try integer(pair.value, key)
                }
            }
        }

        var analyzerOptions: [String: AnalyzerOptions] = [:]
        var disabled: Set<String> = []
        if let entry = values["analyzers"] {
            for analyzer in try mapping(entry.value, "analyzers", allowed: nil) {
                let key = "analyzers.\(analyzer.key)"
                guard knownAnalyzers.contains(analyzer.key) else {
                    throw error(analyzer.keyLine, key,
                                "no analyzer has this id; known: \(knownAnalyzers.sorted().joined(separator: ", "))")
                }
                var options: [String: ConfigValue] = [:]
                for pair in try mapping(analyzer.value, key, allowed: nil) {
                    if pair.key == "enabled" {
                        guard case .bool(let enabled) = pair.value.configValue else {
                            throw error(pair.value.line, "\(key).enabled", "must be true or false")
                        }
                        if !enabled { disabled.insert(analyzer.key) }
                    } else if pair.key == AnalyzerDeadline.optionKey {
                        guard case .number(let seconds) = pair.value.configValue, seconds > 0, seconds.isFinite else {
                            throw error(pair.value.line, "\(key).\(AnalyzerDeadline.optionKey)", "must be a positive number of seconds")
                        }
                        options[pair.key] = .number(seconds)
                    } else {
                        options[pair.key] = pair.value.configValue
                    }
                }
                analyzerOptions[analyzer.key] = AnalyzerOptions(options)
            }
        }

        var plugins = PluginSettings()
        if let entry = values["plugins"] {
            for pair in try mapping(entry.value, "plugins", allowed: ["paths", "timeoutSeconds", "sandbox"]) {
                if pair.key == "paths" {
                    plugins.paths = try pathList(pair.value, "plugins.paths")
                } else if pair.key == "sandbox" {
                    let word = try scalar(pair.value, "plugins.sandbox")
                    guard let mode = SandboxMode(rawValue: word) else {
                        throw error(pair.value.line, "plugins.sandbox", "'\(word)' is not one of auto, bubblewrap, none")
                    }
                    plugins.sandbox = mode
                } else {
                    guard let seconds = Double(try scalar(pair.value, "plugins.timeoutSeconds")), seconds > 0 else {
                        throw error(pair.value.line, "plugins.timeoutSeconds", "must be a positive number of seconds")
                    }
                    plugins.timeoutSeconds = seconds
                }
            }
        }

        var output = OutputSettings()
        if let entry = values["output"] {
            for pair in try mapping(entry.value, "output", allowed: ["directory", "formats", "heatmapOrder"]) {
                if pair.key == "directory" {
                    output.directory = try path(pair.value, "output.directory")
                } else if pair.key == "heatmapOrder" {
                    let text = try scalar(pair.value, "output.heatmapOrder")
                    guard let order = HeatmapOrder(rawValue: text) else {
                        throw error(pair.value.line, "output.heatmapOrder", "'\(text)' is not an order; use worst-first or alphabetical")
                    }
                    output.heatmapOrder = order
                } else {
                    output.formats = try formats(pair.value)
                }
            }
        }

        let history = try values["history"].map { entry throws(ConfigError) in try path(entry.value, "history") }
        let minimumDimensions = try values["healthIndex"].map { entry throws(ConfigError) in
            try healthIndexMinimum(entry.value)
        }
        var configuration = Configuration(
            file: file, organization: organization, period: period, roster: roster, rosterOptions: rosterOptions,
            columns: columns, sources: sources, sourceOptions: sourceOptions, privacy: privacy,
            analyzerOptions: analyzerOptions, disabledAnalyzers: disabled,
            plugins: plugins, output: output, history: history)
        if let entry = values["limits"] { configuration.limits = try limits(entry.value) }
        if let minimumDimensions { configuration.healthIndexMinimumDimensions = minimumDimensions }
        configuration.fiscalYearStart = fiscalYearStart
        return configuration
    }

    func pathList(_ value: YAMLValue, _ key: String) throws(ConfigError) -> [URL] {
        if case .sequence(let items, _) = value {
            var urls: [URL] = []
            for item in items { urls.append(try existingPath(item, key)) }
            return urls
        }
        return [try existingPath(value, key)]
    }

    func formats(_ value: YAMLValue) throws(ConfigError) -> [ReportFormat] {
        let items: [YAMLValue]
        if case .sequence(let list, _) = value { items = list } else { items = [value] }
        var formats: [ReportFormat] = []
        for item in items {
            let text = try scalar(item, "output.formats")
            guard let format = ReportFormat(rawValue: text.lowercased()) else {
                throw error(item.line, "output.formats", "'\(text)' is not a format; use html, xml, json or csv")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    func readPeriod(_ value: YAMLValue) throws(ConfigError) -> ReportingPeriod {
        do {
            switch value {
            case .scalar(let text, _):
                return try ReportingPeriod(parsing: text, fiscalYearStart: fiscalYearStart)
            case .mapping:
                var start: CalendarDate?
                var end: CalendarDate?
                for pair in try mapping(value, "period", allowed: ["start", "end"]) {
                    let text = try scalar(pair.value, "period.\(pair.key)")
                    guard let date = CalendarDate(iso: text) else {
                        throw error(pair.value.line, "period.\(pair.key)", "'\(text)' is not a date (YYYY-MM-DD)")
                    }
                    if pair.key == "start" { start = date } else { end = date }
                }
                guard let start, let end else { throw error(value.line, "period", "needs both start and end") }
                return try ReportingPeriod(start: start, end: end)
            default:
                throw error(value.line, "period", "must be like 2026-Q3 or {start: 2026-07-01, end: 2026-09-30}")
            }
        } catch let parse as ReportingPeriod.ParseError {
            throw error(value.line, "period", parse.description)
        } catch let config as ConfigError {
            throw config
        } catch {
            throw self.error(value.line, "period", "\(error)")
        }
    }
}
