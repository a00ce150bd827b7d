import Foundation
import OrgHealthKit

/// An analyzer that is an executable speaking the external-analyzer protocol (FORMATS.md,
/// ``ExternalProtocol``), in any language.
///
/// Each `analyze` runs the executable in a process of its own: an argument vector, no shell,
/// the minimal environment (`PATH`, the locale), a private empty working folder (also its
/// `HOME`), the bubblewrap sandbox when there is one (``SandboxMode``), a normalized roster CSV and the
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
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let output = try await run(
            executable, command: "describe", input: Data(), limits: describeLimits, what: "describe", readable: [], scratch: scratch)
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

    /// How it runs here, in the report's words: "sandboxed with bubblewrap (…)" or
    /// "not sandboxed: <why>" (``SandboxMode``).
    var containment: String { PluginSandbox.choose(limits.sandbox).description }

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
        let readable = [rosterFile] + context.inputs.values.flatMap { $0 }
        let request = AnalyzeRequest(
            organization: context.organization, period: context.period, roster: rosterFile.path, inputs: inputs,
            options: context.options, privacy: context.privacy, tabular: tabular)
        let body: Data
        do { body = try ProtocolJSON.encoder().encode(request) } catch {
            throw ExternalAnalyzerError("the request for \(name) could not be encoded: \(error)")
        }
        let output = try await Self.run(
            executable, command: "analyze", input: body, limits: limits, what: "analyze", readable: readable, scratch: scratch)
        guard !output.data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            throw ExternalAnalyzerError(
                Self.withStderr("\(name) exited 0 but printed nothing on standard output (expected one JSON result)", output.stderr))
        }
        var result = try Self.acceptResult(
            output.data, executable: name, stderr: output.stderr, roster: context.roster, maxItems: limits.maxItems)
        let source = "\(name) (stderr)"
        result.diagnostics += output.stderr.map { Diagnostic(severity: .info, source: source, message: $0) }
        return result
    }

    /// Decodes and checks what `analyze` printed (the fuzz target `ExternalResult` calls this too).
    static func acceptResult(
        _ data: Data, executable name: String, stderr: [String], roster: Roster, maxItems: Int
    ) throws(ExternalAnalyzerError) -> AnalyzerResult {
        let response: AnalyzeResponse
        do { response = try ProtocolJSON.decoder().decode(AnalyzeResponse.self, from: data) } catch {
            throw ExternalAnalyzerError(Self.withStderr("\(name) printed an invalid result: \(ProtocolJSON.explain(error))", stderr))
        }
        try ExternalResultCheck(roster: roster, maxItems: maxItems).check(response, executable: name)
        return response.result
    }

    /// What a successful run printed: standard output, and the last lines of standard error.
    private struct Output {
        let data: Data
        let stderr: [String]
    }

    /// Runs one command; anything but exit 0 within the limits throws.
    /// It starts in the scratch folder's empty working folder, the only place it may write;
    /// in the sandbox it reads only `readable` (and the system).
    private static func run(
        _ executable: URL, command: String, input: Data, limits: ExternalAnalyzerLimits, what: String, readable: [URL],
        scratch: ScratchFolder
    ) async throws(ExternalAnalyzerError) -> Output {
        let name = executable.lastPathComponent
        let sandbox = PluginSandbox.choose(limits.sandbox)
        if limits.sandbox == .bubblewrap, case .none(let reason) = sandbox {
            throw ExternalAnalyzerError("\(name) was not run: plugins.sandbox is bubblewrap, but it is \(reason)")
        }
        let (program, arguments) = sandbox.command(
            executable: executable, arguments: [command], readable: readable, workingFolder: scratch.work)
        let isSandboxed = if case .bubblewrap = sandbox { true } else { false }
        let child = ChildProcess(
            executable: program, arguments: arguments,
            environment: MinimalEnvironment.derived(workingFolder: scratch.work, sandboxed: isSandboxed), standardInput: input,
            timeout: limits.timeout, maxOutputBytes: limits.maxOutputBytes, workingDirectory: scratch.work)
        let outcome = await child.run()
        let stderr = StderrTail.lines(outcome.errorTail, limit: limits.stderrLines)
        switch outcome.termination {
        case .exited(0):
            return Output(data: outcome.output, stderr: stderr)
        case .exited(let status) where isSandboxed && status > 128 && status < 128 + 65:
            // bubblewrap exits 128 + N when the analyzer inside was ended by signal N.
            throw ExternalAnalyzerError(withStderr("\(name) \(what) was ended by signal \(status - 128)", stderr))
        case .cancelled:
            throw ExternalAnalyzerError("\(name) \(what) was stopped: the run was cancelled or its deadline passed")
        case .exited(let status):
            throw ExternalAnalyzerError(withStderr("\(name) \(what) exited with status \(status)", stderr))
        case .signaled(let signal):
            throw ExternalAnalyzerError(withStderr("\(name) \(what) was ended by signal \(signal)", stderr))
        case .timedOut:
            throw ExternalAnalyzerError(withStderr(
                "\(name) \(what) did not finish within \(limits.timeoutText) (\(limits.timeoutKey)) and was stopped", stderr))
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

/// A private temporary folder for one run of an analyzer, removed afterwards (and by a
/// signal, ``LiveAnalyzers``): the roster copy, and `work/`, the empty folder the analyzer
/// starts in — its home, its TMPDIR, the only place it may write.
struct ScratchFolder {
    let url: URL
    /// The analyzer's working folder.
    var work: URL { url.appendingPathComponent("work") }

    init() throws(ExternalAnalyzerError) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("orghealth-plugin-\(UUID().uuidString)")
        self.url = url
        let made: Bool
        do {
            made = try LiveAnalyzers.makeFolder({
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                try FileManager.default.createDirectory(
                    at: url.appendingPathComponent("work"), withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            }, at: url)
        } catch {
            throw ExternalAnalyzerError("a temporary folder could not be made at \(url.path): \(error.localizedDescription)")
        }
        guard made else { throw ExternalAnalyzerError("the run is being stopped; no analyzer starts") }
    }

    func remove() { LiveAnalyzers.removeFolder(url) }
}
