import Foundation

/// The environment an external analyzer gets: `PATH` and the locale (`LANG`, `LANGUAGE`,
/// `LC_*`) of the host, and `HOME` and `TMPDIR` set to its private working folder — nothing
/// else: no credentials or tokens that happen to be in the host's environment, and no way
/// back to the caller's home folder (issue 14, row 13).
enum MinimalEnvironment {
    /// The variables kept by name.
    static let keptNames: Set<String> = ["PATH", "LANG", "LANGUAGE"]

    /// The minimal environment derived from `environment`, for an analyzer working in
    /// `workingFolder` (when given).
    static func derived(
        from environment: [String: String] = ProcessInfo.processInfo.environment, workingFolder: URL? = nil,
        sandboxed: Bool = false
    ) -> [String: String] {
        var kept = environment.filter { keptNames.contains($0.key) || $0.key.hasPrefix("LC_") }
        // In the sandbox only system folders exist: a PATH into the caller's home would find nothing.
        if kept["PATH"] == nil || sandboxed { kept["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
        if let workingFolder {
            kept["HOME"] = workingFolder.path
            kept["TMPDIR"] = sandboxed ? "/tmp" : workingFolder.path
        }
        return kept
    }
}
