import Foundation
import OrgHealthEngine
import OrgHealthKit

/// Small external analyzers written as shell scripts into a temporary folder, one per
/// behaviour the host must survive.
struct FixturePlugins {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Writes an executable `orghealth-analyzer-<name>` whose `describe` prints a valid
    /// descriptor (unless `describe` is given) and whose `analyze` runs `analyze`.
    @discardableResult
    func write(_ name: String, describe: String? = nil, analyze: String) throws -> URL {
        let descriptor = describe ?? """
        echo '{"protocolVersion":1,"id":"\(name)","name":"Fixture \(name)","version":"1.0.0","summary":"A fixture.","dimensions":["feedback"]}'
        """
        let script = """
        #!/bin/sh
        case "$1" in
        describe)
        \(descriptor)
        ;;
        analyze)
        \(analyze)
        ;;
        *) echo "unknown command $1" >&2; exit 2;;
        esac

        """
        let url = folder.appendingPathComponent(ExternalProtocol.executablePrefix + name)
        try Self.writeExecutable(script, to: url)
        return url
    }

    /// Writes an executable script.
    static func writeExecutable(_ script: String, to url: URL) throws {
        // Written through a close-on-exec descriptor: tests run in parallel and spawn processes,
        // and a child that inherited a descriptor open for writing would make exec fail with
        // "Text file busy" for as long as it runs.
        let file = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard file >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let bytes = Array(script.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(file, $0.baseAddress, $0.count) }
        close(file)
        guard written == bytes.count else { throw POSIXError(.EIO) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    /// A result with one org signal and one team metric, valid for ``Fixture/roster``.
    static let validResult = #"""
    cat > /dev/null
    echo '{"protocolVersion":1,"metrics":[{"id":"fixture.rate","scope":"team:Core","value":0.5,"unit":"ratio","n":6}],"signals":[{"dimension":"feedback","scope":"org","score":62.5,"n":8}]}'
    """#
}

/// A small hand-made organization and a context over it.
enum Fixture {
    static let rosterCSV = """
    employee_id,manager_id,team,department,hire_date,end_date
    H1,,Board,Exec,2010-01-01,
    H2,H1,Core,Engineering,2015-01-01,
    H3,H2,Core,Engineering,2020-01-01,
    H4,H2,Core,Engineering,2020-01-01,
    H5,H2,Core,Engineering,2020-01-01,
    H6,H2,Core,Engineering,2020-01-01,
    H7,H2,Core,Engineering,2020-01-01,
    H8,H2,Core,Engineering,2020-01-01,
    H9,H2,Core,Engineering,2019-01-01,2026-08-31

    """

    static func roster() throws -> Roster { try RosterReader().read(csv: rosterCSV).roster }

    static func period() throws -> ReportingPeriod { try ReportingPeriod(parsing: "2026-Q3") }

    static func context(inputs: [InputKind: [URL]] = [:]) throws -> AnalysisContext {
        AnalysisContext(organization: "Fixture Co", period: try period(), roster: try roster(), inputs: inputs)
    }

    /// A configuration whose roster is written into `folder`.
    static func configuration(in folder: URL, sources: [InputKind: [URL]] = [:]) throws -> Configuration {
        let roster = folder.appendingPathComponent("roster.csv")
        try rosterCSV.write(to: roster, atomically: true, encoding: .utf8)
        return Configuration(organization: "Fixture Co", period: try period(), roster: roster, sources: sources)
    }
}

/// Where the build put the package's executables: beside the test bundle.
enum BuiltProducts {
    static var folder: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder.deleteLastPathComponent()
        }
        return folder
    }

    static func executable(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// The repository's root folder.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
