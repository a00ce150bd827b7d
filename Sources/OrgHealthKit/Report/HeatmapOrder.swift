/// How the HTML heatmap orders departments and the teams within each
/// (`output.heatmapOrder` in the config).
public enum HeatmapOrder: String, Codable, Sendable, CaseIterable {
    /// Lowest health index first; groups without an index last; ties by name.
    case worstFirst = "worst-first"
    /// By name.
    case alphabetical
}
