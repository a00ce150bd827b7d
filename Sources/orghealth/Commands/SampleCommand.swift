import ArgumentParser
import Foundation
import OrgHealthKit
import OrgHealthSampleData

/// `orghealth sample`: writes the deterministic synthetic organization.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a deterministic synthetic organization (roster, notes, reviews, survey) and its orghealth.yml.")

    @Option(name: .long, help: "How many employees.")
    var employees: Int = 240

    @Option(name: .long, help: "Where to write it.")
    var out: String

    @Option(name: .long, help: "The period the data is for.")
    var period: String = DemoCommand.defaultPeriod

    @Option(name: .long, help: "The random seed (same seed, same files).")
    var seed: UInt64 = 42

    @Flag(name: .long, help: "A steady quarter: the planted struggling managers are doing fine (use it for the previous quarter).")
    var steady = false

    func validate() throws {
        guard employees >= SampleOrganization.minimumEmployees else {
            throw ValidationError("--employees must be at least \(SampleOrganization.minimumEmployees)")
        }
    }

    func run() throws {
        let reportingPeriod: ReportingPeriod
        do { reportingPeriod = try ReportingPeriod(parsing: period) } catch {
            throw ValidationError("--period: \(error)")
        }
        let manifest = try SampleOrganization(employees: employees, seed: seed, period: reportingPeriod, managersInDecline: !steady)
            .write(to: URL(fileURLWithPath: out))
        print("Wrote \(manifest.files.count) files for \(manifest.employees) employees.")
        print("Config: \(manifest.configFile.path)")
        print("Next: orghealth report --config \(manifest.configFile.path)")
    }
}
