import Foundation
import OrgHealthKit

/// A run's configuration, from `orghealth.yml` (see docs/CONFIGURATION.md). Paths are
/// resolved against the config file's folder.
public struct Configuration: Sendable {
    /// The config file this came from, if any.
    public var file: URL?
    /// The organization's name.
    public var organization: String
    /// The reporting period.
    public var period: ReportingPeriod
    /// The roster file.
    public var roster: URL
    /// How to read the roster (the `roster:` mapping's options; defaults for a plain path).
    public var rosterOptions: RosterOptions
    /// The roster attributes results are also given by (`cuts:`); kept in ``rosterOptions``
    /// because the roster reader reads their columns.
    public var cuts: [RosterCut] {
        get { rosterOptions.cuts }
        set { rosterOptions.cuts = newValue }
    }
    /// Column re-mapping per input kind: canonical name → the export's header.
    public var columns: [String: [String: String]]
    /// Input files and folders by kind (a mapping source yields `kind.role` kinds).
    public var sources: [InputKind: [URL]]
    /// How to read the source files whose entry sets `delimiter`, `encoding` or `sheet`, by
    /// file (files not listed use the defaults: detected delimiter, UTF-8, first sheet).
    public var sourceOptions: [URL: TabularOptions]
    /// The privacy rules.
    public var privacy: PrivacyPolicy
    /// Per-analyzer options (`analyzers.<id>`), without `enabled`.
    public var analyzerOptions: [String: AnalyzerOptions]
    /// Analyzers switched off with `enabled: false`.
    public var disabledAnalyzers: Set<String>
    /// External analyzer discovery and limits.
    public var plugins: PluginSettings
    /// Where and what to write.
    public var output: OutputSettings
    /// The history database, when configured.
    public var history: URL?
    /// Per-input size limits (`limits:`).
    public var limits = InputLimits()
    /// The fewest dimensions with a score for the health index to be shown
    /// (`healthIndex.minimumDimensions`).
    public var healthIndexMinimumDimensions = HealthCoverage.defaultMinimumDimensions
    /// Warnings about the config itself (undeclared options of external analyzers), shown in
    /// the report's data-quality section.
    public var notes: [Diagnostic] = []
    /// The month (1–12) the fiscal year starts in (`fiscalYearStart:`); 0 when not set.
    public var fiscalYearStart = 0

    /// Creates a configuration (mostly for tests; users write `orghealth.yml`).
    public init(
        file: URL? = nil, organization: String, period: ReportingPeriod, roster: URL, rosterOptions: RosterOptions = RosterOptions(),
        columns: [String: [String: String]] = [:], sources: [InputKind: [URL]] = [:],
        sourceOptions: [URL: TabularOptions] = [:], privacy: PrivacyPolicy = PrivacyPolicy(), analyzerOptions: [String: AnalyzerOptions] = [:],
        disabledAnalyzers: Set<String> = [], plugins: PluginSettings = PluginSettings(),
        output: OutputSettings = OutputSettings(), history: URL? = nil
    ) {
        self.file = file
        self.organization = organization
        self.period = period
        self.roster = roster
        self.rosterOptions = rosterOptions
        self.columns = columns
        self.sources = sources
        self.sourceOptions = sourceOptions
        self.privacy = privacy
        self.analyzerOptions = analyzerOptions
        self.disabledAnalyzers = disabledAnalyzers
        self.plugins = plugins
        self.output = output
        self.history = history
    }
}

/// External analyzers: where to find them and how long they may run.
public struct PluginSettings: Sendable, Equatable {
    /// Folders (or executables) searched for `orghealth-analyzer-*`.
    public var paths: [URL]
    /// How long one external analyzer may run.
    public var timeoutSeconds: Double
    /// How external analyzers are contained (`plugins.sandbox`, default `auto`).
    public var sandbox: SandboxMode

    /// Creates settings.
    public init(paths: [URL] = [], timeoutSeconds: Double = 120, sandbox: SandboxMode = .auto) {
        self.paths = paths
        self.timeoutSeconds = timeoutSeconds
        self.sandbox = sandbox
    }
}

/// Where reports go and in which formats.
public struct OutputSettings: Sendable, Equatable {
    /// The output folder.
    public var directory: URL?
    /// The formats to write.
    public var formats: [ReportFormat]
    /// How the HTML heatmap orders departments and teams.
    public var heatmapOrder: HeatmapOrder

    /// Creates settings.
    public init(directory: URL? = nil, formats: [ReportFormat] = [.html, .xml], heatmapOrder: HeatmapOrder = .worstFirst) {
        self.directory = directory
        self.formats = formats
        self.heatmapOrder = heatmapOrder
    }
}
