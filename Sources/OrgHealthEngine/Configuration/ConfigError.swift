/// A configuration that cannot be used: the message names the file, the line, the key and
/// what to do. The CLI exits with code 2 on it.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The config file (base name or path as given).
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The dotted key concerned (`sources.review-cycles`), when there is one.
    public let key: String?
    /// What is wrong and what to do.
    public let message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let location = file + (line.map { ":\($0)" } ?? "")
        return "\(location): \(key.map { "\($0): " } ?? "")\(message)"
    }
}
