import OrgHealthKit

/// The commented starter `orghealth.yml` that `orghealth init` writes. Its `analyzers:` part
/// is made from the built-in analyzers' descriptors (every option with a default), so a new
/// analyzer appears in it without an edit here.
public enum StarterConfiguration {
    /// The file's text, for the built-in analyzers.
    public static var text: String { text(for: AnalyzerRegistry.builtIn()) }

    /// The file's text, listing the options of `registry`'s analyzers.
    public static func text(for registry: AnalyzerRegistry) -> String {
        guidance + analyzerOptions(registry.entries.map(\.analyzer.descriptor)) + closing
    }

    /// Every declared option whose default can be written as a value of its type, commented
    /// out, one analyzer after the other; the option's doc line beside it.
    static func analyzerOptions(_ descriptors: [AnalyzerDescriptor]) -> String {
        var lines = [
            "# Per-analyzer options, with their defaults; `enabled: false` switches one off.",
            "# `orghealth analyzers --options` lists every option with what it does.",
            "# analyzers:",
        ]
        for descriptor in descriptors {
            let options = (descriptor.options ?? []).compactMap { option in
                option.defaultValue.flatMap { writable($0, as: option.type) }.map { (option, $0) }
            }
            guard !options.isEmpty else { continue }
            lines.append("#   \(descriptor.id):")
            let width = options.map { $0.0.name.count + 2 + $0.1.count }.max() ?? 0
            for (option, value) in options {
                let setting = "\(option.name): \(value)"
                lines.append("#     " + setting + String(repeating: " ", count: width - setting.count) + "  # " + option.doc)
            }
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The default as YAML of the option's type, or `nil` when it is a description
    /// ("the scale's midpoint") rather than a value.
    static func writable(_ value: String, as type: AnalyzerOptionDeclaration.ValueType) -> String? {
        switch type {
        case .integer: return Int(value) == nil ? nil : value
        case .number: return Double(value) == nil ? nil : value
        case .boolean: return value == "true" || value == "false" ? value : nil
        case .mapping: return value.hasPrefix("{") ? value : nil
        case .list: return value.hasPrefix("[") ? value : nil
        case .text: return value.contains(" ") ? nil : value
        }
    }

    /// Everything above the analyzers' options.
    static let guidance = """
    # orghealth.yml — configuration of an OrgHealth report.
    # Paths are relative to this file. Run `orghealth validate` after editing it.

    # The organization's name, shown on the report.
    organization: Acme Corp

    # The period reported on: 2026-Q3, 2026-H2, 2026, 2026-07,
    # or explicit days: {start: 2026-07-01, end: 2026-09-30} (end inclusive).
    period: 2026-Q3

    # The HR roster (CSV): employee_id and team are required; manager_id, department,
    # name, email, location, level, hire_date, end_date, status are optional.
    roster: data/roster.csv
    # Or, for an HR system's own export (see docs/CONFIGURATION.md):
    # roster:
    #   file: data/hris-export.csv
    #   preset: bamboohr          # workday | bamboohr | hibob | personio | rippling
    #   dateFormat: MM/dd/yy      # default: ISO, or the one format all dates fit
    #   managerBy: name           # id | email | name
    #   status: Status            # people marked terminated without an end date are reported
    #   statusMeansLeft: false    # true: count them as leavers

    # Optional: also give results by roster attributes, each value a group of its own (never
    # crossed with a team). tenure is banded from hire_date: 0-1y, 1-2y, 2-5y, 5y+.
    # cuts: [location, level, tenure]

    # Optional: map canonical column names to the headers of your exports.
    # columns:
    #   roster: {employee_id: "Employee ID", manager_id: "Manager ID", end_date: "Termination Date"}
    #   review-cycles: {reviewee_id: "Employee"}

    # Input files and folders by kind. Remove the ones you do not have.
    # sources:
    #   one-on-ones: data/one-on-ones/
    #   review-cycles: data/reviews.csv
    #   culture-survey:
    #     responses: data/survey/responses.csv
    #     definition: data/survey/survey.yml

    # Privacy: figures for groups smaller than minGroupSize (never below 3) are withheld.
    privacy:
      minGroupSize: 5
      comments: themes          # exclude | themes | include
      minCommentGroupSize: 10


    """

    /// Everything below them.
    static let closing = """
    # Custom analyzers: folders holding orghealth-analyzer-* executables.
    # plugins:
    #   paths: [plugins/]
    #   timeoutSeconds: 120

    # Where reports go and in which formats (html, xml, json, csv).
    output:
      directory: Reports/
      formats: [html, xml]

    """
}
