import Foundation
import OrgHealthKit

/// Finds external analyzers and asks each what it is.
///
/// A location is a folder or a file. A folder contributes every entry whose name starts with
/// `orghealth-analyzer-` (not its subfolders), in name order; a file is taken whatever its
/// name. The same file reached twice is used once. Every executable found is described
/// concurrently; one that cannot be used becomes a ``FailedExternalAnalyzer`` so the report
/// shows it as `failed` with the reason.
public struct PluginDiscovery: Sendable {
    /// The bounds plugins run within (`describe` included).
    public var limits: ExternalAnalyzerLimits

    /// Creates a discovery.
    public init(limits: ExternalAnalyzerLimits = ExternalAnalyzerLimits()) { self.limits = limits }

    /// The executables at the locations, in order. A location that does not exist throws.
    public func executables(at locations: [URL]) throws(PluginError) -> [URL] {
        let files = FileManager.default
        var found: [URL] = []
        var seen: Set<String> = []
        func add(_ url: URL) {
            let key = url.resolvingSymlinksInPath().standardizedFileURL.path
            if seen.insert(key).inserted { found.append(url.standardizedFileURL) }
        }
        for location in locations {
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: location.path, isDirectory: &isFolder) else {
                throw PluginError("\(location.path) does not exist; --plugin and plugins.paths name an analyzer executable or a folder of them")
            }
            guard isFolder.boolValue else {
                add(location)
                continue
            }
            let names: [String]
            do { names = try files.contentsOfDirectory(atPath: location.path) } catch {
                throw PluginError("the plugin folder \(location.path) cannot be read: \(error.localizedDescription)")
            }
            for name in names.sorted() where name.hasPrefix(ExternalProtocol.executablePrefix) {
                let url = location.appendingPathComponent(name)
                var entryIsFolder: ObjCBool = false
                if files.fileExists(atPath: url.path, isDirectory: &entryIsFolder), !entryIsFolder.boolValue { add(url) }
            }
        }
        return found
    }

    /// Describes each executable (concurrently); the answer keeps their order.
    public func analyzers(for executables: [URL]) async -> [any Analyzer] {
        await withTaskGroup(of: (Int, any Analyzer).self) { group in
            for (index, executable) in executables.enumerated() {
                group.addTask { (index, await describe(executable)) }
            }
            var described: [(Int, any Analyzer)] = []
            for await entry in group { described.append(entry) }
            return described.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// `base` with the external analyzers at the locations added after its own. An id that is
    /// already taken makes that plugin a failed entry under a free id.
    public func registry(extending base: AnalyzerRegistry, locations: [URL]) async throws(PluginError) -> AnalyzerRegistry {
        let executables = try executables(at: locations)
        let analyzers = await analyzers(for: executables)
        var registry = base
        for (executable, analyzer) in zip(executables, analyzers) {
            let origin = executable.path
            let id = analyzer.descriptor.id
            if let existing = registry.entries.first(where: { $0.analyzer.descriptor.id == id }) {
                let reason = ExternalAnalyzerError(
                    "\(executable.lastPathComponent) describes itself with the id '\(id)', which \(existing.origin) already uses; "
                        + "give one of them another id")
                registry = Self.adding(FailedExternalAnalyzer(executable: executable, reason: reason), origin: origin, to: registry)
            } else {
                registry = Self.adding(analyzer, origin: origin, to: registry)
            }
        }
        return registry
    }

    /// Adds an analyzer; a failed stand-in whose id is taken gets the first free `id-2`, `id-3`…
    private static func adding(_ analyzer: any Analyzer, origin: String, to registry: AnalyzerRegistry) -> AnalyzerRegistry {
        // The only error is a taken id, which the stand-in below names.
        if let added = try? registry.adding(analyzer, origin: origin) { return added }
        let reason = (analyzer as? FailedExternalAnalyzer)?.reason
            ?? ExternalAnalyzerError("the id '\(analyzer.descriptor.id)' is already taken")
        let ids = registry.ids
        var suffix = 2
        while ids.contains("\(analyzer.descriptor.id)-\(suffix)") { suffix += 1 }
        let executable = URL(fileURLWithPath: origin)
        let standIn = FailedExternalAnalyzer(executable: executable, reason: reason, id: "\(analyzer.descriptor.id)-\(suffix)")
        // The suffix was chosen free, so this cannot fail; if it did, the registry is unchanged.
        return (try? registry.adding(standIn, origin: origin)) ?? registry
    }

    private func describe(_ executable: URL) async -> any Analyzer {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            return FailedExternalAnalyzer(
                executable: executable,
                reason: ExternalAnalyzerError("\(executable.lastPathComponent) is not executable; run chmod +x \(executable.path)"))
        }
        do {
            return try await ExternalAnalyzer.describe(executable, limits: limits)
        } catch {
            return FailedExternalAnalyzer(executable: executable, reason: error)
        }
    }
}
