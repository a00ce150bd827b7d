import Foundation
import OrgHealthKit

/// The culture-survey analyzer: favorability per item and dimension, the engagement index,
/// eNPS, participation, Cronbach's α and engagement drivers, from a survey definition
/// (`survey.yml`) and the responses exported as plain CSV, from Qualtrics or from Google Forms.
///
/// The responses are streamed: favorability comes from counts per team, α and the driver
/// correlations from covariance accumulators, so memory grows with teams × items and never
/// with the number of responses. Every figure carries the number of respondents behind it;
/// the engine's privacy gate withholds small groups. Comments appear only as theme counts,
/// or verbatim under `comments: include` for teams with enough comments.
///
/// It uses nothing a custom analyzer could not use.
public struct CultureSurveyAnalyzer: Analyzer {
    /// Creates the analyzer.
    public init() {}

    public let descriptor = AnalyzerDescriptor(
        id: "culture-survey", name: "Culture survey", version: "1.0.0",
        summary: "Favorability by item and dimension, engagement, eNPS, participation, reliability and engagement "
            + "drivers from a culture survey export.",
        inputs: [InputRequirement(kind: "culture-survey")], dimensions: HealthDimension.builtIns,
        metrics: CultureSurveyAnalyzer.definitions
    ).declaring(CultureSurveyOptions.declarations)
        .readingFreeText([FreeTextDeclaration(name: "survey comments", followsCommentPolicy: true)])

    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        let options = try CultureSurveyOptions(context.options)
        let inputs = try SurveyInputs(context)
        let definitionSource = inputs.definition.lastPathComponent
        let parsed = try SurveyDefinitionParser(source: definitionSource).parse(try inputs.definitionText())
        let definition = parsed.definition
        var diagnostics = inputs.diagnostics + parsed.diagnostics
        guard context.period.contains(definition.closed) else {
            diagnostics.append(Diagnostic(
                severity: .warning, source: definitionSource, line: definition.lines["closed"],
                message: "the survey closed on \(definition.closed), outside the report's period \(context.period.label) "
                    + "(\(context.period.start) to \(context.period.end)), so it was skipped; it belongs to the report of "
                    + "the period it closed in"))
            return AnalyzerResult(diagnostics: diagnostics)
        }

        if definition.isOrganizationOnly, options.teamItemDetail == "on" {
            throw AnalyzerError(
                "the survey definition sets groupColumn: none (no team information), but analyzers.culture-survey."
                    + "teamItemDetail: on asks for team figures; remove one of the two",
                source: definitionSource, line: definition.lines["groupColumn"])
        }
        let directory = TeamDirectory(roster: context.roster, headcountOn: context.period.end)
        var exports: [SurveyExport] = []
        for url in inputs.responses {
            if let export = try SurveyExport.open(
                url, definition: definition, definitionSource: definitionSource, mapping: options.columns,
                options: context.tabularOptions(for: url), diagnostics: &diagnostics) {
                exports.append(export)
            }
        }
        let activeItems = Set(exports.flatMap { $0.layout.itemColumns.keys })
        let hasComments = context.privacy.comments != .exclude && exports.contains { !$0.layout.commentColumns.isEmpty }
        let themes = hasComments ? CommentThemes(lexicon: options.commentThemes) : nil
        let plan = SurveyPlan(
            definition: definition, activeItems: activeItems, hasENPS: exports.contains { $0.layout.enpsColumn != nil },
            themes: themes?.themes ?? [])
        guard plan.dimensions.count <= 64 else {
            throw AnalyzerError("the survey has \(plan.dimensions.count) dimensions; at most 64 are supported", source: definitionSource)
        }

        let keepsVerbatims = hasComments && context.privacy.comments == .include
        // Reporting lines are counted from responses that name their person, as cuts are; an
        // export with no person column names no one, so the lines are not built (10^6 people:
        // a reporting tree of 41 MB at the report's peak for nothing, issue 16).
        let lines = definition.isOrganizationOnly || exports.allSatisfy({ $0.layout.personColumn == nil }) ? nil
            : ReportingLines(roster: context.roster, on: context.period.end, minGroupSize: context.privacy.minGroupSize)
        var scanner = ResponseScanner(
            definition: definition, directory: directory, roster: context.roster, lines: lines, progress: context.progress)
        let decoder = RowDecoder(
            definition: definition, plan: plan, exports: exports.map(\.layout), sources: exports.map(\.source),
            themes: themes, keepsVerbatims: keepsVerbatims)
        // Under groupColumn: none every response goes to one extra slot, counted for the organization only.
        let teamCount = directory.teams.count + (definition.isOrganizationOnly ? 1 : 0)
        let pass = SurveyPass(plan: plan, teamCount: teamCount, keepsVerbatims: keepsVerbatims, attributes: scanner.attributes,
                              parallel: options.threads > 1, parallelAboveBytes: options.parallelAboveBytes)
        let (tally, decoded) = try await pass.run(&exports, scanner: &scanner, decoder: decoder)
        var rowLog = scanner.log
        rowLog.merge(decoded.log)
        diagnostics += rowLog.diagnostics(byLine: true)
        diagnostics += SurveyReadingNotes(exports: exports, scanner: scanner, decoder: decoded, definition: definition,
                                          definitionSource: definitionSource).notes()
        guard tally.responseCount > 0 else {
            diagnostics.append(Diagnostic(severity: .warning, source: inputs.responses.first?.lastPathComponent,
                                          message: "no response could be counted, so the survey gives no figures"))
            return AnalyzerResult(diagnostics: diagnostics)
        }

        let rollup = SurveyRollup(tally: tally, directory: directory)
        let teamDetail = teamDetailWanted(options: options, plan: plan, teams: rollup.teamSlots.count)
        if !teamDetail, options.teamItemDetail == "auto" {
            diagnostics.append(Diagnostic(
                severity: .info, source: inputs.responses.first?.lastPathComponent,
                message: "with \(rollup.teamSlots.count) teams, item and comment-theme figures are given per department "
                    + "and for the organization only (set analyzers.culture-survey.teamItemDetail: on to have them per team)"))
        }
        if scanner.attributes != nil, !context.roster.cuts.isEmpty,
           let note = cutNote(scanner: scanner, exports: exports, roster: context.roster) {
            diagnostics.append(Diagnostic(severity: .info, source: inputs.responses.first?.lastPathComponent, message: note))
        }
        // The figures add no diagnostic: `validate` needs none of them.
        guard context.purpose == .report else { return AnalyzerResult(diagnostics: diagnostics) }
        var builder = SurveyFigureBuilder(
            plan: plan, directory: directory, reportsComments: hasComments, teamDetail: teamDetail,
            minGroupSize: context.privacy.minGroupSize, gapThreshold: options.dimensionGap)
        builder.build(rollup: rollup, tally: tally)
        if let attributes = scanner.attributes, scanner.cutResponses > 0 {
            // Participation only when every response was cut: otherwise the uncut ones are missing from it.
            let roster = context.roster, day = context.period.end, complete = scanner.uncutResponses == 0
            builder.addAttributes(tally: tally, attributes: attributes) { scope in
                complete ? lines?.headcount(of: scope) ?? roster.headcount(of: scope, on: day) : 0
            }
        }
        let findings = SurveyFindings(
            plan: plan, ids: builder.ids, directory: directory, rollup: rollup, metrics: builder.metrics,
            teamGaps: builder.teamGaps, options: options, minGroupSize: context.privacy.minGroupSize).findings()
        let sections = SurveySections(
            definition: definition, plan: plan, ids: builder.ids, directory: directory, rollup: rollup, tally: tally,
            teamGaps: builder.teamGaps, options: options, privacy: context.privacy,
            overview: overview(definition, exports: exports, scanner: scanner, rollup: rollup, directory: directory,
                               privacy: context.privacy)).sections()
        return AnalyzerResult(
            metrics: builder.metrics, signals: builder.signals, findings: findings, sections: sections, diagnostics: diagnostics)
    }

    /// The data-quality note under `cuts:` when some or all responses could not be cut by attribute.
    private func cutNote(scanner: ResponseScanner, exports: [SurveyExport], roster: Roster) -> String? {
        let names = SurveyAttributes.names(roster)
        guard scanner.uncutResponses > 0 else { return nil }
        if scanner.cutResponses == 0 {
            if exports.allSatisfy({ $0.layout.organizationOnly }) {
                return "not cut by attribute: the survey carries no team or person information (groupColumn: none), "
                    + "so its figures are for the whole organization only"
            }
            if exports.allSatisfy({ $0.layout.personColumn == nil }) {
                return "not cut by attribute: the export names teams, not people; add employee_id to cut the survey by \(names)"
            }
            return "not cut by attribute: no response's employee_id or email was found in the roster, so the survey "
                + "is not cut by \(names)"
        }
        return "\(scanner.uncutResponses) of \(scanner.cutResponses + scanner.uncutResponses) responses named no person "
            + "found in the roster (no employee_id or email): they count for their team but not by \(names), and the "
            + "figures by attribute give no participation"
    }

    /// Whether item and theme metrics are given per team.
    private func teamDetailWanted(options: CultureSurveyOptions, plan: SurveyPlan, teams: Int) -> Bool {
        switch options.teamItemDetail {
        case "on": return true
        case "off": return false
        default: return teams * (3 * plan.items.count + plan.themes.count) <= options.teamDetailBudget
        }
    }

    private func overview(
        _ definition: SurveyDefinition, exports: [SurveyExport], scanner: ResponseScanner, rollup: SurveyRollup,
        directory: TeamDirectory, privacy: PrivacyPolicy
    ) -> String {
        let shapes = Set(exports.map(\.layout.shape.described)).sorted().joined(separator: " and ")
        var text = "\(definition.title) closed on \(definition.closed). The export was read as \(shapes)."
        let responses = rollup.org.responses
        if responses >= privacy.minGroupSize {
            text += " \(responses) responses were counted"
            if directory.orgHeadcount > 0 {
                text += " from a headcount of \(directory.orgHeadcount) "
                    + "(\(SurveyAdvice.percent(Double(responses) / Double(directory.orgHeadcount))) participation)"
            }
            text += "."
        }
        if scanner.excludedByStatus + scanner.excludedUnfinished > 0 {
            text += " Survey previews and unfinished responses were left out (see data quality)."
        }
        if definition.isOrganizationOnly {
            text += " The survey carries no team information (groupColumn: none): every figure is for the whole "
                + "organization, participation is over the whole headcount, and nothing is inferred about teams."
        }
        text += " Favorable means an answer of \(definition.scale.favorableMin) or more on the "
            + "\(definition.scale.min)–\(definition.scale.max) scale, unfavorable \(definition.scale.unfavorableMax) or less."
        return text
    }
}
