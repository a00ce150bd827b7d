import Foundation
import OrgHealthKit

/// An analyzer that is an executable speaking the external-analyzer protocol (FORMATS.md,
/// ``ExternalProtocol``), in any language.
///
/// Each `analyze` runs the executable in a process of its own: an argument vector, no shell,
/// the minimal environment (`PATH`, `HOME`, the locale), a normalized roster CSV and the
/// paths of only the input kinds it declared, the timeout and the output cap of its
/// ``ExternalAnalyzerLimits``. Whatever goes wrong — a non-zero exit, a crash, invalid JSON,
/// a timeout, a flood of output, another protocol version, a scope not in the roster —
/// throws an ``ExternalAnalyzerError``, which the runner turns into a `failed` run.
public struct ExternalAnalyzer: Analyzer {
    /// The executable.
    public let executable: URL
    /// What the executable said it is (`describe`).
    public let descriptor: AnalyzerDescriptor
    /// The bounds it runs within.
    public let limits: ExternalAnalyzerLimits

    /// Creates an analyzer from an executable and the descriptor it printed.
    public init(executable: URL, descriptor: AnalyzerDescriptor, limits: ExternalAnalyzerLimits) {
        self.executable = executable
        self.descriptor = descriptor
        self.limits = limits
    }

    /// Runs `describe` and checks the answer: the protocol version, a usable id.
    public static func describe(_ executable: URL, limits: ExternalAnalyzerLimits) async throws(ExternalAnalyzerError)
        -> ExternalAnalyzer
    {
        let name = executable.lastPathComponent
        var describeLimits = limits
        describeLimits.timeout = limits.describeTimeout
        let output = try await run(executable, command: "describe", input: Data(), limits: describeLimits, what: "describe")
        let response: DescribeResponse
        do {
            let probe = try ProtocolJSON.decoder().decode(VersionProbe.self, from: output.data)
            guard let version = probe.protocolVersion else {
                throw ExternalAnalyzerError("\(name) describe: the descriptor has no protocolVersion; add \"protocolVersion\": \(ExternalProtocol.version)")
            }
            guard version == ExternalProtocol.version else {
                throw ExternalAnalyzerError(
                    "\(name) speaks protocol version \(version), but this orghealth speaks version \(ExternalProtocol.version); "
                        + "it was refused — use a build of the analyzer for protocol version \(ExternalProtocol.version)")
            }
            response = try ProtocolJSON.decoder().decode(DescribeResponse.self, from: output.data)
        } catch let error as ExternalAnalyzerError {
            throw error
        } catch {
            throw ExternalAnalyzerError("\(name) describe printed an invalid descriptor: \(ProtocolJSON.explain(error))")
        }
        let id = response.descriptor.id
        guard AnalyzerIdentifier.isValid(id) else {
            throw ExternalAnalyzerError("\(name) describe: '\(id)' is not a usable id; \(AnalyzerIdentifier.rule)")
        }
        return ExternalAnalyzer(executable: executable, descriptor: response.descriptor, limits: limits)
    }

    /// Runs `analyze` with a request built from the context.
    public func analyze(_ context: AnalysisContext) async throws -> AnalyzerResult {
        let name = executable.lastPathComponent
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let rosterFile = scratch.url.appendingPathComponent("roster.csv")
        do {
            try Data(RosterWriter.csv(context.roster).utf8).write(to: rosterFile)
        } catch {
            throw ExternalAnalyzerError("the roster copy for \(name) could not be written to \(rosterFile.path): \(error.localizedDescription)")
        }
        var inputs: [String: [String]] = [:]
        var tabular: [String: TabularOptions] = [:]
        for (kind, urls) in context.inputs {
            inputs[kind.rawValue] = urls.map { $0.standardizedFileURL.path }
            for url in urls where !context.tabularOptions(for: url).isDefault {
                tabular[url.standardizedFileURL.path] = context.tabularOptions(for: url)
            }
        }
        let request = AnalyzeRequest(
            organization: context.organization, period: context.period, roster: rosterFile.path, inputs: inputs,
            options: context.options, privacy: context.privacy, tabular: tabular)
        let body: Data
        do { body = try ProtocolJSON.encoder().encode(request) } catch {
            throw ExternalAnalyzerError("the request for \(name) could not be encoded: \(error)")
        }
        let output = try await Self.run(executable, command: "analyze", input: body, limits: limits, what: "analyze")
        guard !output.data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw ExternalAnalyzerError(
                Self.withStderr("\(name) exited 0 but printed nothing on standard output (expected one JSON result)", output.stderr))
        }
        let response: AnalyzeResponse
        do { response = try ProtocolJSON.decoder().decode(AnalyzeResponse.self, from: output.data) } catch {
            throw ExternalAnalyzerError(
                Self.withStderr("\(name) printed an invalid result: \(ProtocolJSON.explain(error))", output.stderr))
        }
        try ExternalResultCheck(roster: context.roster, maxItems: limits.maxItems).check(response, executable: name)
        var result = response.result
        let source = "\(name) (stderr)"
        result.diagnostics += output.stderr.map { Diagnostic(severity: .info, source: source, message: $0) }
        return result
    }

    /// What a successful run printed: standard output, and the last lines of standard error.
    private struct Output {
        let data: Data
        let stderr: [String]
    }

    /// Runs one command; anything but exit 0 within the limits throws.
    private static func run(
        _ executable: URL, command: String, input: Data, limits: ExternalAnalyzerLimits, what: String
    ) async throws(ExternalAnalyzerError) -> Output {
        let name = executable.lastPathComponent
        let child = ChildProcess(
            executable: executable, arguments: [command], environment: MinimalEnvironment.derived(), standardInput: input,
            timeout: limits.timeout, maxOutputBytes: limits.maxOutputBytes)
        let outcome = await child.run()
        let stderr = StderrTail.lines(outcome.errorTail, limit: limits.stderrLines)
        switch outcome.termination {
        case .exited(0):
            return Output(data: outcome.output, stderr: stderr)
        case .exited(let status):
            throw ExternalAnalyzerError(withStderr("\(name) \(what) exited with status \(status)", stderr))
        case .signaled(let signal):
            throw ExternalAnalyzerError(withStderr("\(name) \(what) was ended by signal \(signal)", stderr))
        case .timedOut:
            throw ExternalAnalyzerError(withStderr(
                "\(name) \(what) did not finish within \(limits.timeoutText) (plugins.timeoutSeconds) and was stopped", stderr))
        case .outputTooLarge:
            throw ExternalAnalyzerError(
                "\(name) \(what) printed more than \(limits.maxOutputBytes) bytes on standard output and was stopped")
        case .notStarted(let reason):
            throw ExternalAnalyzerError("\(name) could not be started: \(reason) (is it executable, with a valid #! line?)")
        }
    }

    /// A message with the last lines of standard error appended, when there are any.
    private static func withStderr(_ message: String, _ lines: [String]) -> String {
        guard !lines.isEmpty else { return message }
        return message + "; its standard error ends: " + lines.suffix(3).joined(separator: " | ")
    }

    /// Reads only the version of a descriptor, so another version is refused with that reason.
    private struct VersionProbe: Decodable {
        let protocolVersion: Int?
    }
}

/// The last non-empty lines of a child's standard error, each cut to a readable length.
enum StderrTail {
    static func lines(_ data: Data, limit: Int) -> [String] {
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { $0.count > 300 ? String($0.prefix(300)) + "…" : $0 }
        return Array(lines.suffix(limit))
    }
}

/// What an analyzer id may be: lowercase letters, digits, `-`, `.` and `_`, starting with a
/// letter or digit, at most 64 characters (it is a config key and part of report ids).
enum AnalyzerIdentifier {
    static let rule = "use 1–64 lowercase letters, digits, '-', '.' or '_', starting with a letter or digit"

    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" || $0 == "." || $0 == "_" }
    }
}

/// A private temporary folder for one run's roster copy, removed afterwards.
struct ScratchFolder {
    let url: URL

    init() throws(ExternalAnalyzerError) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-plugin-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ExternalAnalyzerError("a temporary folder could not be made at \(url.path): \(error.localizedDescription)")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
