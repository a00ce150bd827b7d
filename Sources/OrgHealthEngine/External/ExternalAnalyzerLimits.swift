/// The bounds an external analyzer runs within.
public struct ExternalAnalyzerLimits: Sendable, Equatable {
    /// How long `analyze` may run (config `plugins.timeoutSeconds`, default 120 s).
    public var timeout: Duration
    /// How long `describe` may run: the timeout, but at most 30 s (it only prints a descriptor).
    public var describeTimeout: Duration { min(timeout, .seconds(30)) }
    /// The most bytes an analyzer may print on standard output (default 64 MiB).
    public var maxOutputBytes: Int
    /// The most items of each kind (metrics, signals, findings, sections, diagnostics) in one
    /// external result (default 500,000).
    public var maxItems: Int
    /// How many lines of the end of standard error go into the report (default 10).
    public var stderrLines: Int
    /// How the analyzer is contained (config `plugins.sandbox`, default `auto`).
    public var sandbox: SandboxMode = .auto
    /// The config key the timeout came from, for the message when it passes.
    var timeoutKey = "plugins.timeoutSeconds"

    /// Creates limits.
    public init(timeoutSeconds: Double = 120, maxOutputBytes: Int = 64 << 20, maxItems: Int = 500_000, stderrLines: Int = 10) {
        // Clamped so any positive config value (even `inf`) gives a usable duration: 1 ms … ~31 years.
        let seconds = timeoutSeconds.isFinite ? min(max(timeoutSeconds, 0.001), 1e9) : 1e9
        self.timeout = .milliseconds(Int64((seconds * 1000).rounded()))
        self.maxOutputBytes = maxOutputBytes
        self.maxItems = maxItems
        self.stderrLines = stderrLines
    }

    /// The limits a configuration sets.
    public init(_ settings: PluginSettings) {
        self.init(timeoutSeconds: settings.timeoutSeconds)
        sandbox = settings.sandbox
    }

    /// The same limits with the timeout an analyzer's own `analyzers.<id>.timeoutSeconds` sets.
    func withTimeout(seconds: Double, analyzer id: String) -> ExternalAnalyzerLimits {
        var limits = ExternalAnalyzerLimits(
            timeoutSeconds: seconds, maxOutputBytes: maxOutputBytes, maxItems: maxItems, stderrLines: stderrLines)
        limits.sandbox = sandbox
        limits.timeoutKey = "analyzers.\(id).\(AnalyzerDeadline.optionKey)"
        return limits
    }

    /// The timeout in seconds.
    var timeoutSeconds: Double { Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18 }

    /// The timeout as words, e.g. `2 s` or `0.5 s`.
    var timeoutText: String {
        let seconds = timeoutSeconds
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
