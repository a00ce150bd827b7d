import Foundation
import OrgHealthEngine

/// Where `report` writes when the config and the command line say nothing, so that `history`
/// finds the same file.
enum DefaultLocations {
    /// The output folder: `output.directory`, else `Reports/` beside the config file.
    static func reportDirectory(_ configuration: Configuration, configFile: URL) -> URL {
        configuration.output.directory ?? configFile.deletingLastPathComponent().appendingPathComponent("Reports")
    }

    /// The history file: `history:`, else `history.sqlite` in the output folder.
    static func historyFile(_ configuration: Configuration, configFile: URL, outputDirectory: URL? = nil) -> URL {
        configuration.history
            ?? (outputDirectory ?? reportDirectory(configuration, configFile: configFile))
                .appendingPathComponent("history.sqlite")
    }
}
