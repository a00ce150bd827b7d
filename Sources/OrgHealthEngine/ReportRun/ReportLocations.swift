import Foundation

/// Where a report run writes and keeps its history when the config and the command line say
/// nothing. Decided here only, so that `report`, `demo` and `history` agree.
public enum ReportLocations {
    /// The output folder: `override` (`--output`), else `output.directory`, else `Reports/`
    /// beside the config file.
    public static func reportDirectory(_ configuration: Configuration, configFile: URL, override: URL? = nil) -> URL {
        override ?? configuration.output.directory
            ?? configFile.deletingLastPathComponent().appendingPathComponent("Reports")
    }

    /// The history file, or nil for none: the file chosen, else ``configuredHistoryFile(_:configFile:override:)``.
    public static func historyFile(
        _ choice: HistoryChoice, configuration: Configuration, configFile: URL, override: URL? = nil
    ) -> URL? {
        switch choice {
        case .off: return nil
        case .file(let url): return url
        case .configured: return configuredHistoryFile(configuration, configFile: configFile, override: override)
        }
    }

    /// `history:`, else `history.sqlite` in the output folder (``reportDirectory(_:configFile:override:)``).
    public static func configuredHistoryFile(_ configuration: Configuration, configFile: URL, override: URL? = nil) -> URL {
        configuration.history
            ?? reportDirectory(configuration, configFile: configFile, override: override).appendingPathComponent("history.sqlite")
    }
}

/// Where history lives for a run.
public enum HistoryChoice: Sendable, Equatable {
    /// `history:` in the config, else `history.sqlite` in the output folder.
    case configured
    /// This file (`--history`).
    case file(URL)
    /// Neither read nor recorded (`--no-history`).
    case off
}
