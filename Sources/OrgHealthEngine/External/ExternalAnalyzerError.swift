/// Why an external analyzer could not be used or did not produce a usable result. The message
/// names the executable and says what happened; it becomes the `failed` run's reason.
public struct ExternalAnalyzerError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What happened.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A `--plugin` path or `plugins.paths` entry that cannot be used at all (it does not exist).
/// The CLI exits with the usage code on it, before anything runs.
public struct PluginError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong and what to do.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
