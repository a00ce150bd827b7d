import Foundation
import OrgHealthKit

/// A config file read and parsed once: where it is and its YAML tree. The loader, the check of
/// analyzer options and the analyzer setup all take this value, never the path, so a run reads
/// and parses `orghealth.yml` exactly once.
public struct ConfigDocument: Sendable {
    /// The config file (paths in it are relative to its folder).
    public let file: URL
    /// The parsed YAML, with the line of every value.
    let root: YAMLValue

    /// Reads and parses a config file (a regular file only: a FIFO or device is refused before
    /// it is read).
    public static func read(_ url: URL) throws(ConfigError) -> ConfigDocument {
        let name = url.path
        let maxBytes = ConfigurationLoader.maxConfigBytes
        let bytes: [UInt8]
        do { bytes = try RegularFile.read(url.path, maxBytes: maxBytes) } catch {
            if error.isTooLarge {
                throw ConfigError(file: name, message: "the config file is larger than \(maxBytes >> 20) MB (\(error.reason)); a config is a few KB: check that this is the right file")
            }
            throw ConfigError(file: name, message: "the config file does not exist or cannot be read (\(error.reason)); create one with `orghealth init`")
        }
        guard let text = ByteOrderMark.utf8Text(bytes) else {
            throw ConfigError(file: name, message: "the config file is not UTF-8; save it as UTF-8")
        }
        return try ConfigDocument(text: text, file: url)
    }

    /// Parses config text as if it were the contents of `file`.
    public init(text: String, file: URL) throws(ConfigError) {
        self.file = file
        root = try YAMLValue.parse(text, file: file.path)
    }

    /// The ids under `analyzers:` (built-in or external), whether or not an analyzer has them.
    public var analyzerIDs: Set<String> {
        guard case .mapping(let pairs, _) = root,
              let section = pairs.first(where: { $0.key == "analyzers" }),
              case .mapping(let analyzers, _) = section.value
        else { return [] }
        return Set(analyzers.map(\.key))
    }
}
