import Foundation
import OrgHealthKit

/// The analyzer's options (`analyzers.culture-survey` in the config), with their defaults.
struct CultureSurveyOptions: Sendable {
    /// Participation below this is a finding (default 0.6).
    var lowParticipation = 0.6
    /// A team or department whose dimension favorability trails the organization's by at least
    /// this much (0–1; default 0.15 = 15 points) is a finding.
    var dimensionGap = 0.15
    /// The same for a department (default 0.10: departments average over teams, so gaps are smaller).
    var departmentGap = 0.10
    /// Cronbach's α below this flags a dimension's measurement as unreliable (default 0.6).
    var unreliableAlpha = 0.6
    /// The most per-team findings (the largest gaps first; default 25).
    var maxTeamFindings = 25
    /// Whether item and comment-theme metrics are given per team: `on`, `off`, or `auto`
    /// (on while teams × (3 × items + themes) stays within ``teamDetailBudget``).
    var teamItemDetail = "auto"
    /// The most per-team item and theme metrics under `auto` (default 500,000).
    var teamDetailBudget = 500_000
    /// Theme → keywords, replacing the default comment lexicon when given.
    var commentThemes: [(theme: String, keywords: [String])] = CommentThemes.defaultLexicon
    /// Threads for large exports: 1 reads and counts on one thread; 2 (the default on a
    /// machine with several cores) reads on one and counts on another.
    var threads = ProcessInfo.processInfo.activeProcessorCount > 1 ? 2 : 1
    /// Exports smaller than this many bytes are read on one thread (default 4,000,000).
    var parallelAboveBytes = 4_000_000
    /// Canonical column → the export's header (the config's `columns.culture-survey`).
    var columns: [String: String] = [:]

    init() {}

    init(_ options: AnalyzerOptions) throws(AnalyzerError) {
        lowParticipation = try options.double("lowParticipation", default: lowParticipation)
        dimensionGap = try options.double("dimensionGap", default: dimensionGap)
        departmentGap = try options.double("departmentGap", default: departmentGap)
        unreliableAlpha = try options.double("unreliableAlpha", default: unreliableAlpha)
        maxTeamFindings = try options.int("maxTeamFindings", default: maxTeamFindings)
        teamItemDetail = try options.string("teamItemDetail", default: teamItemDetail).lowercased()
        teamDetailBudget = try options.int("teamDetailBudget", default: teamDetailBudget)
        threads = try options.int("threads", default: threads)
        parallelAboveBytes = try options.int("parallelAboveBytes", default: parallelAboveBytes)
        guard threads >= 1, parallelAboveBytes >= 0 else {
            throw AnalyzerError("analyzers.culture-survey: threads must be at least 1 and parallelAboveBytes at least 0")
        }
        guard ["auto", "on", "off"].contains(teamItemDetail) else {
            throw AnalyzerError("analyzers.culture-survey.teamItemDetail must be auto, on or off")
        }
        guard (0...1).contains(lowParticipation), (0...1).contains(dimensionGap), (0...1).contains(departmentGap),
              maxTeamFindings >= 0 else {
            throw AnalyzerError("analyzers.culture-survey: lowParticipation, dimensionGap and departmentGap must be between 0 and 1, "
                                + "maxTeamFindings at least 0")
        }
        let themes = try options.section("commentThemes")
        if !themes.values.isEmpty {
            var lexicon: [(theme: String, keywords: [String])] = []
            for theme in themes.values.keys.sorted() {
                guard !theme.isEmpty, theme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic
                    || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }) else {
                    throw AnalyzerError("analyzers.culture-survey.commentThemes: theme '\(theme)' may hold only letters, digits, '-' and '_'")
                }
                lexicon.append((theme, try themes.strings(theme, default: [])))
            }
            commentThemes = lexicon
        }
        columns = try options.columnMapping(for: "culture-survey")
    }
}
