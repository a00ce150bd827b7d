/// The commented starter `orghealth.yml` that `orghealth init` writes.
public enum StarterConfiguration {
    /// The file's text.
    public static let text = """
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

    # Per-analyzer options; `enabled: false` switches one off.
    # analyzers:
    #   one-on-ones: {expectedCadenceDays: 14, maxGapDays: 30}
    #   org-structure: {narrowSpanBelow: 3, wideSpanAbove: 12}

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
