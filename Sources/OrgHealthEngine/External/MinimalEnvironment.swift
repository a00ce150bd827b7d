import Foundation

/// The environment an external analyzer gets: `PATH`, `HOME` and the locale (`LANG`,
/// `LANGUAGE`, `LC_*`) of the host, nothing else — enough for `#!/usr/bin/env python3`, and
/// no credentials or tokens that happen to be in the host's environment.
enum MinimalEnvironment {
    /// The variables kept by name.
    static let keptNames: Set<String> = ["PATH", "HOME", "LANG", "LANGUAGE"]

    /// The minimal environment derived from `environment`.
    static func derived(from environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var kept = environment.filter { keptNames.contains($0.key) || $0.key.hasPrefix("LC_") }
        if kept["PATH"] == nil { kept["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        return kept
    }
}
