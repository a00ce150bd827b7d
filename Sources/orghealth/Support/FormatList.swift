import ArgumentParser
import OrgHealthEngine
import OrgHealthKit

extension ReportFormat: ExpressibleByArgument {}
extension ReportAudience: ExpressibleByArgument {}

/// `--format html,xml,json,csv,pdf`: a comma-separated list of formats. `pdf` is printed from
/// the HTML, so it brings `html` with it: the PDF is never the only output.
struct FormatList: ExpressibleByArgument {
    let formats: [ReportFormat]
    /// Whether to print the HTML to PDF as well.
    let pdf: Bool

    init?(argument: String) {
        var formats: [ReportFormat] = []
        var pdf = false
        for part in argument.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "pdf" {
                pdf = true
                continue
            }
            guard let format = ReportFormat(rawValue: name) else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        if pdf && !formats.contains(.html) { formats.append(.html) }
        guard !formats.isEmpty else { return nil }
        self.formats = formats
        self.pdf = pdf
    }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) + ["pdf"] }
}
