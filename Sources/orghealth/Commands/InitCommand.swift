import ArgumentParser
import Foundation
import OrgHealthEngine

/// `orghealth init`: writes a commented starter config.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Write a commented starter orghealth.yml.")

    @Option(name: .long, help: "Where to write it.")
    var output: String = "orghealth.yml"

    @Flag(name: .long, help: "Replace an existing file.")
    var force = false

    func run() throws {
        if FileManager.default.fileExists(atPath: output) && !force {
            printError("error: \(output) already exists; pass --force to replace it")
            throw ExitCode(ExitCodes.usage)
        }
        do {
            try StarterConfiguration.text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            printError("error: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(ExitCodes.output)
        }
        print("Wrote \(output). Edit the paths, then run: orghealth validate --config \(output)")
    }
}
