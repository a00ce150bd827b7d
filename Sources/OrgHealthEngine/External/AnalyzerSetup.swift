import Foundation
import OrgHealthKit

/// A configuration and the analyzers it runs with: the built-ins plus the external analyzers
/// found at `plugins.paths` and at the `--plugin` locations.
///
/// The config may hold options for an external analyzer (`analyzers.<id>`), whose id is
/// known only once the plugins are described, and the plugins are found through the config.
/// So the config is read once accepting every id it names, the plugins are described, and an
/// id that no analyzer has is then reported exactly as ``ConfigurationLoader`` reports it.
public struct AnalyzerSetup: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The built-in and external analyzers.
    public let registry: AnalyzerRegistry

    /// Reads the config and discovers its plugins and those at `plugins`.
    /// - Throws: ``ConfigError`` for the config, ``PluginError`` for a plugin location that
    ///   does not exist. A plugin that exists but cannot be used is a failed entry instead.
    public static func load(configFile: URL, plugins: [URL], builtIn: AnalyzerRegistry) async throws -> AnalyzerSetup {
        let named = analyzerIDs(in: configFile)
        var configuration = try ConfigurationLoader(knownAnalyzers: builtIn.ids.union(named)).load(configFile)
        let discovery = PluginDiscovery(limits: ExternalAnalyzerLimits(configuration.plugins))
        let registry = try await discovery.registry(extending: builtIn, locations: configuration.plugins.paths + plugins)
        if !named.isSubset(of: registry.ids) {
            configuration = try ConfigurationLoader(knownAnalyzers: registry.ids).load(configFile)
        }
        configuration.notes += try ConfigurationCheck(registry: registry).check(configText(configFile), file: configFile)
        return AnalyzerSetup(configuration: configuration, registry: registry)
    }

    /// The config file's text (it was just loaded, so it is readable UTF-8; empty otherwise,
    /// which the check treats as a config without sections).
    static func configText(_ configFile: URL) -> String {
        guard let data = FileManager.default.contents(atPath: configFile.path) else { return "" }
        return ByteOrderMark.utf8Text(data) ?? ""
    }

    /// The ids under `analyzers:` in a config file; empty when it cannot be read (loading it
    /// then reports why).
    static func analyzerIDs(in configFile: URL) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: configFile.path) else { return [] }
        guard let text = ByteOrderMark.utf8Text(data),
              let root = try? YAMLValue.parse(text, file: configFile.path),
              case .mapping(let pairs, _) = root,
              let section = pairs.first(where: { $0.key == "analyzers" }),
              case .mapping(let analyzers, _) = section.value
        else { return [] }
        return Set(analyzers.map(\.key))
    }
}
