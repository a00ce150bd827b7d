import Foundation
import PackagePlugin

/// `swift package orghealth-new-analyzer NAME`: scaffolds a new analyzer in this package —
/// a library target with the `Analyzer` type, an `orghealth-analyzer-<name>` executable whose
/// main goes through `AnalyzerMain`, a Swift Testing test with a literal fixture — appends
/// them to Package.swift, and writes a small sample organization with an `orghealth.yml`
/// (unless one exists) so `swift package orghealth-report` works at once.
@main
struct OrgHealthNewAnalyzerPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        guard arguments.count == 1, let name = AnalyzerName(arguments[0]) else {
            throw PluginFailure("usage: swift package orghealth-new-analyzer NAME  (NAME in UpperCamelCase, e.g. ExitInterviews)")
        }
        let package = context.package
        let kit: String
        if package.targets.contains(where: { $0.name == "OrgHealthKit" }) {
            kit = "\"OrgHealthKit\""
        } else if let dependency = package.dependencies.first(where: { $0.package.products.contains { $0.name == "OrgHealthKit" } }) {
            kit = ".product(name: \"OrgHealthKit\", package: \"\(dependency.package.id)\")"
        } else {
            throw PluginFailure("this package does not depend on OrgHealth; add it to Package.swift's dependencies first")
        }
        let root = package.directoryURL
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appending(path: path).path) }
        let scaffold = Scaffold(name: name)
        for file in scaffold.sourceFiles where exists(file.path) {
            throw PluginFailure("\(file.path) already exists; choose another name")
        }
        let configExists = exists("orghealth.yml")
        var files = scaffold.sourceFiles
        if !configExists { files += [scaffold.sampleConfig, scaffold.sampleRoster] }
        files.append(scaffold.sampleInput)
        files.removeAll { !scaffold.sourceFiles.map(\.path).contains($0.path) && exists($0.path) }
        for file in files {
            let url = root.appending(path: file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: url, atomically: true, encoding: .utf8)
            print("created \(file.path)")
        }
        let manifest = root.appending(path: "Package.swift")
        let handle = try FileHandle(forWritingTo: manifest)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(scaffold.manifestAddition(kit: kit).utf8))
        try handle.close()
        print("added \(name.module), \(name.executable) and \(name.module)Tests to Package.swift")
        print("")
        print("next:")
        print("  swift test --filter \(name.module)Tests")
        if !configExists {
            print("  swift package --allow-writing-to-package-directory orghealth-report")
        } else {
            print("  add `\(name.id): orghealth-sample/\(name.id).csv` under sources: in orghealth.yml, then")
            print("  swift package --allow-writing-to-package-directory orghealth-report")
        }
    }
}

/// Why the command failed; `swift package` prints it and exits non-zero.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
