import Foundation
import OrgHealthKit

/// A configuration and the analyzers it runs with: the built-ins plus the external analyzers
/// found at `plugins.paths` and at the `--plugin` locations.
///
/// The config may hold options for an external analyzer (`analyzers.<id>`), whose id is
/// known only once the plugins are described, and the plugins are found through the config.
/// So the config is read accepting every id it names, the plugins are described, and an id
/// that no analyzer has is then reported exactly as ``ConfigurationLoader`` reports it. The
/// file is read and parsed once (``ConfigDocument``); setup takes the parsed document.
public struct AnalyzerSetup: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The built-in and external analyzers.
    public let registry: AnalyzerRegistry

    /// Reads the config file once and sets up from it (see ``load(_:plugins:builtIn:)``).
    public static func load(configFile: URL, plugins: [URL], builtIn: AnalyzerRegistry) async throws -> AnalyzerSetup {
        try await load(ConfigDocument.read(configFile), plugins: plugins, builtIn: builtIn)
    }

    /// Makes the configuration of a parsed config and discovers its plugins and those at `plugins`.
    /// - Throws: ``ConfigError`` for the config, ``PluginError`` for a plugin location that
    ///   does not exist. A plugin that exists but cannot be used is a failed entry instead.
    public static func load(_ document: ConfigDocument, plugins: [URL], builtIn: AnalyzerRegistry) async throws -> AnalyzerSetup {
        let named = document.analyzerIDs
        var configuration = try ConfigurationLoader(knownAnalyzers: builtIn.ids.union(named)).read(document)
        let discovery = PluginDiscovery(limits: ExternalAnalyzerLimits(configuration.plugins))
        let registry = try await discovery.registry(extending: builtIn, locations: configuration.plugins.paths + plugins)
        if !named.isSubset(of: registry.ids) {
            // Only to report the unknown id as the loader words it (this read always throws):
            // the tree is walked again, the file is not read or parsed again.
            configuration = try ConfigurationLoader(knownAnalyzers: registry.ids).read(document)
        }
        configuration.notes += try ConfigurationCheck(registry: registry).check(document)
        return AnalyzerSetup(configuration: configuration, registry: registry)
    }
}
