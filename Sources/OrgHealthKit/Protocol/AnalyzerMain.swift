import Foundation

/// The one call that turns an ``Analyzer`` into an `orghealth-analyzer-<name>` executable
/// speaking the external-analyzer protocol (see ``ExternalProtocol``).
///
/// The whole `main.swift` of an analyzer executable:
///
/// ```swift
/// import KudosAnalyzer
/// import OrgHealthKit
///
/// await AnalyzerMain.run(KudosAnalyzer())
/// ```
///
/// The executable then answers:
/// - `describe`: prints the descriptor and protocol version as JSON;
/// - `analyze`: reads an ``AnalyzeRequest`` on standard input, checks its protocol version,
///   reads the roster with ``RosterReader``, runs the analyzer and prints an
///   ``AnalyzeResponse`` as JSON;
/// - `--help` and `--version`.
///
/// Errors go to standard error, one line, with exit status 1 when the analysis failed and 2
/// for a usage or protocol error.
public enum AnalyzerMain {
    /// What one invocation produced: the exit status and both output streams.
    public struct Outcome: Sendable {
        /// The exit status: 0 success, 1 analysis failed, 2 usage or protocol error.
        public var status: Int32
        /// What goes to standard output.
        public var standardOutput: Data
        /// What goes to standard error.
        public var standardError: String

        /// Standard output as text.
        public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    /// Runs the command line of the current process for `analyzer`, writes both streams and
    /// exits with the outcome's status.
    public static func run(_ analyzer: some Analyzer) async -> Never {
        let outcome = await respond(analyzer, arguments: Array(CommandLine.arguments.dropFirst())) {
            try FileHandle.standardInput.readToEnd() ?? Data()
        }
        FileHandle.standardOutput.write(outcome.standardOutput)
        if !outcome.standardError.isEmpty { FileHandle.standardError.write(Data(outcome.standardError.utf8)) }
        exit(outcome.status)
    }

    /// Answers one command line without touching the process's streams: the testable core
    /// of ``run(_:)``. `standardInput` is read only by `analyze`; when reading it fails, the
    /// answer is an analysis failure naming the error, not an empty request.
    public static func respond(
        _ analyzer: some Analyzer, arguments: [String], standardInput: () throws -> Data
    ) async -> Outcome {
        let descriptor = analyzer.descriptor
        switch arguments.first {
        case "describe" where arguments.count == 1:
            return encode(DescribeResponse(descriptor: descriptor))
        case "analyze" where arguments.count == 1:
            let input: Data
            do { input = try standardInput() } catch {
                return failure(ExternalProtocol.exitAnalysisFailed,
                               "\(descriptor.id): standard input could not be read (\(error)); send the analysis request as JSON on it")
            }
            return await analyze(analyzer, input: input)
        case "--help", "-h", "help":
            return Outcome(status: ExternalProtocol.exitSuccess, standardOutput: Data(usage(descriptor).utf8), standardError: "")
        case "--version":
            return Outcome(status: ExternalProtocol.exitSuccess, standardOutput: Data((descriptor.version + "\n").utf8), standardError: "")
        default:
            let given = arguments.isEmpty ? "no command" : "'\(arguments.joined(separator: " "))'"
            return failure(ExternalProtocol.exitUsage, "\(given) is not a command of this analyzer\n\n" + usage(descriptor))
        }
    }

    private static func analyze(_ analyzer: some Analyzer, input: Data) async -> Outcome {
        let id = analyzer.descriptor.id
        guard !input.isEmpty else {
            return failure(ExternalProtocol.exitUsage, "\(id): analyze expects an analysis request as JSON on standard input; it got nothing")
        }
        let request: AnalyzeRequest
        do {
            let version = try ProtocolJSON.decoder().decode(VersionProbe.self, from: input).protocolVersion
            guard let version else {
                return failure(ExternalProtocol.exitUsage, "\(id): the request has no protocolVersion; this analyzer speaks version \(ExternalProtocol.version)")
            }
            guard version == ExternalProtocol.version else {
                return failure(
                    ExternalProtocol.exitUsage,
                    "\(id): the request uses protocol version \(version), but this analyzer speaks version "
                        + "\(ExternalProtocol.version); use an orghealth release that speaks version \(ExternalProtocol.version), "
                        + "or rebuild the analyzer against a matching OrgHealthKit")
            }
            request = try ProtocolJSON.decoder().decode(AnalyzeRequest.self, from: input)
        } catch {
            return failure(ExternalProtocol.exitUsage, "\(id): the analysis request does not decode: \(ProtocolJSON.explain(error))")
        }
        let roster: Roster
        do {
            roster = try RosterReader().read(URL(fileURLWithPath: request.roster)).roster
        } catch {
            return failure(ExternalProtocol.exitAnalysisFailed, "\(id): the roster could not be read: \(error)")
        }
        let context = AnalysisContext(
            organization: request.organization, period: request.period, roster: roster, inputs: request.inputURLs,
            options: request.options, privacy: request.privacy, tabular: request.tabularURLs)
        do {
            let result = try await analyzer.analyze(context)
            return encode(AnalyzeResponse(result: result))
        } catch {
            return failure(ExternalProtocol.exitAnalysisFailed, "\(id): \(error)")
        }
    }

    private static func encode(_ value: some Encodable) -> Outcome {
        do {
            var data = try ProtocolJSON.encoder().encode(value)
            data.append(UInt8(ascii: "\n"))
            return Outcome(status: ExternalProtocol.exitSuccess, standardOutput: data, standardError: "")
        } catch {
            return failure(ExternalProtocol.exitAnalysisFailed, "the result could not be written as JSON: \(error)")
        }
    }

    private static func failure(_ status: Int32, _ message: String) -> Outcome {
        Outcome(status: status, standardOutput: Data(), standardError: message.hasSuffix("\n") ? message : message + "\n")
    }

    private static func usage(_ descriptor: AnalyzerDescriptor) -> String {
        let inputs = descriptor.inputs.map { $0.kind.rawValue + ($0.required ? "" : " (optional)") }
        return """
        \(descriptor.name) \(descriptor.version) — an OrgHealth analyzer (id '\(descriptor.id)', protocol version \(ExternalProtocol.version)).
        \(descriptor.summary)

        Usage:
          \(ExternalProtocol.executablePrefix)\(descriptor.id) describe   print the descriptor as JSON
          \(ExternalProtocol.executablePrefix)\(descriptor.id) analyze    read an analysis request (JSON) on stdin, print the result (JSON)

        Inputs: \(inputs.isEmpty ? "the roster only" : inputs.joined(separator: ", "))
        Dimensions: \(descriptor.dimensions.map(\.rawValue).joined(separator: ", "))
        Run it through the host: orghealth report --config orghealth.yml --plugin PATH-TO-THIS-EXECUTABLE

        """
    }

    /// Reads only the version of a request, so a request of another version is refused with
    /// that reason rather than with a decoding error.
    private struct VersionProbe: Decodable {
        let protocolVersion: Int?
    }
}
