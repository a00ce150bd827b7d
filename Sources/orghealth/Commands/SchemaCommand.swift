import ArgumentParser
import OrgHealthRendering

/// `orghealth schema`: prints the XSD of the XML report.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema", abstract: "Print the XML schema (XSD) the XML report is valid against.")

    func run() throws {
        print(try ReportSchema.text(), terminator: "")
    }
}
