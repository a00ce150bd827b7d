import Foundation
@testable import OrgHealthEngine
import OrgHealthKit
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, rows 7, 8 and 13: what an external analyzer can no longer do to the host — keep
/// a descendant running, exhaust the host's memory through standard error, read what it was
/// not given, write outside its working folder, reach the network.
@Suite("External analyzers: containment")
struct ContainmentTests {
    static var bubblewrapWorks: Bool {
        if case .bubblewrap = PluginSandbox.choose(.auto) { return true }
        return false
    }

    /// Runs one external analyzer through the real pipeline; returns its run and what the
    /// data-quality section says about its containment.
    static func run(_ fixtures: FixturePlugins, _ name: String, sandbox: SandboxMode, timeoutSeconds: Double = 60) async throws
        -> AnalyzerRun
    {
        try await report(fixtures, name, sandbox: sandbox, timeoutSeconds: timeoutSeconds).run
    }

    static func report(_ fixtures: FixturePlugins, _ name: String, sandbox: SandboxMode, timeoutSeconds: Double = 60) async throws
        -> (run: AnalyzerRun, containment: [String])
    {
        var limits = ExternalAnalyzerLimits(timeoutSeconds: timeoutSeconds)
        limits.sandbox = sandbox
        let executable = fixtures.folder.appendingPathComponent(ExternalProtocol.executablePrefix + name)
        let analyzer = try await ExternalAnalyzer.describe(executable, limits: limits)
        let registry = AnalyzerRegistry(entries: [.init(analyzer: analyzer, origin: executable.path)])
        let report = try await ReportPipeline(registry: registry, clock: .fixed(secondsSince1970: 0))
            .run(try Fixture.configuration(in: fixtures.folder))
        let notes = report.dataQuality.diagnostics.filter { $0.source == name && $0.severity == .info }.map(\.message)
        return (try #require(report.analyzers.first), notes)
    }

    static func stderrLines(_ run: AnalyzerRun, _ name: String) -> [String] {
        run.result.diagnostics.filter { $0.source == "orghealth-analyzer-\(name) (stderr)" }.map(\.message)
    }

    // Row 8. The flood is 8,192 lines of 64 KiB = 512 MiB. Before the ring buffer the host kept
    // what it read in a growing buffer (1 GB of stderr cost 1.06 GB); now it keeps 8 KiB. The
    // host's peak memory is measured from outside by a parent process (getrusage of its
    // children), so that other tests running in this process cannot disturb the figure.
    @Test("an analyzer flooding standard error costs the host no memory, and its last lines are kept",
          .enabled(if: ChildProcesses.isSupported))
    func stderrFlood() throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("flood", analyze: #"""
            cat > /dev/null
            python3 -c '
            import sys
            line = b"x" * 65535 + b"\n"
            for _ in range(8192):
                sys.stderr.buffer.write(line)
            sys.stderr.buffer.write(b"the last line of the flood\n")
            '
            """# + "\n" + FixturePlugins.validResult)
        try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = fixtures.folder.appendingPathComponent("orghealth.yml")
        try "organization: Fixture Co\nperiod: 2026-Q3\nroster: roster.csv\n".write(to: config, atomically: true, encoding: .utf8)
        let out = fixtures.folder.appendingPathComponent("out")
        let measure = fixtures.folder.appendingPathComponent("measure.py")
        try """
            import resource, subprocess, sys
            status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """.write(to: measure, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", measure.path, BuiltProducts.executable("orghealth").path, "report", "--config", config.path,
            "--format", "json", "--output", out.path, "--no-history", "--plugin", fixtures.folder.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let answer = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = answer.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(fields.first == 0, "orghealth: \(answer)")
        let peakKiB = try #require(fields.last ?? nil)
        print("stderr flood of 512 MiB: host peak RSS \(peakKiB / 1024) MiB")
        // A small report costs the host well under 100 MiB; the flood must not add to that.
        #expect(peakKiB < 160 * 1024, "peak RSS \(peakKiB / 1024) MiB")
        let report = try JSONDecoder().decode(HealthReport.self, from: Data(contentsOf: out.appendingPathComponent("health-report.json")))
        let run = try #require(report.analyzers.first { $0.descriptor.id == "flood" })
        #expect(run.status == .ok)
        #expect(Self.stderrLines(run, "flood").last == "the last line of the flood")
    }

    @Test("the ring keeps exactly the last bytes, across wraps and oversized writes")
    func ring() {
        var ring = TailBuffer(capacity: 8)
        func append(_ text: String) { Array(text.utf8).withUnsafeBufferPointer { ring.append($0) } }
        append("abc")
        #expect(String(decoding: ring.bytes, as: UTF8.self) == "abc")
        append("defghij")  // 10 bytes in all: the first two are gone
        #expect(String(decoding: ring.bytes, as: UTF8.self) == "cdefghij")
        append("0123456789ABC")  // larger than the ring: its last 8 bytes
        #expect(String(decoding: ring.bytes, as: UTF8.self) == "56789ABC")
        #expect(ring.totalBytes == 23)
    }

    // Row 7: a descendant that left the analyzer's process group with setsid.
    @Test("a setsid grandchild does not outlive its analyzer, sandboxed or not", .enabled(if: ChildProcesses.isSupported),
          arguments: [SandboxMode.none, .auto])
    func setsidGrandchild(sandbox: SandboxMode) async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let marker = "\(Int.random(in: 1_000...9_999)).\(Int.random(in: 100...999))"
        // The shape the issue reproduces with: a Python analyzer starting a setsid loop.
        try fixtures.write("escape", analyze: """
            cat > /dev/null
            python3 -c 'import subprocess; subprocess.Popen(["setsid", "sh", "-c", "while true; do sleep \(marker); done"], start_new_session=True)'
            sleep 0.3
            """ + "\n" + FixturePlugins.validResult)
        let run = try await Self.run(fixtures, "escape", sandbox: sandbox)
        #expect(run.status == .ok, "\(run.message ?? "")")
        try await Task.sleep(for: .milliseconds(300))
        #expect(ChildProcesses.running(containing: "sleep \(marker)").isEmpty, "the setsid grandchild outlived its analyzer")
        #expect(try await ChildProcesses.lingeringZombies().isEmpty)
    }

    // Row 7 through the real command: orghealth is a child subreaper, so a grandchild that
    // scrubbed its environment (no run mark) and left with setsid is still adopted and killed.
    @Test("orghealth adopts and kills a setsid grandchild that scrubbed its environment", .enabled(if: ChildProcesses.isSupported))
    func subreaper() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let marker = "\(Int.random(in: 1_000...9_999)).\(Int.random(in: 100...999))"
        try fixtures.write("scrubbed", analyze: """
            cat > /dev/null
            env -i /usr/bin/setsid /bin/sh -c 'while true; do sleep \(marker); done' > /dev/null 2>&1 &
            sleep 0.3
            """ + "\n" + FixturePlugins.validResult.replacingOccurrences(of: "cat > /dev/null\n", with: ""))
        try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = fixtures.folder.appendingPathComponent("orghealth.yml")
        try "organization: Fixture Co\nperiod: 2026-Q3\nroster: roster.csv\nplugins: {sandbox: none}\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let outcome = try CommandLineTests.orghealth([
            "report", "--config", config.path, "--format", "json", "--no-history",
            "--output", fixtures.folder.appendingPathComponent("out").path, "--plugin", fixtures.folder.path,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try await Task.sleep(for: .milliseconds(300))
        let left = ChildProcesses.running(containing: "sleep \(marker)") + ChildProcesses.running(containing: "do sleep \(marker)")
        #expect(left.isEmpty, "left running: \(left.map(\.command))")
        for process in left { kill(process.pid, SIGKILL) }
    }

    @Test("an analyzer starts in an empty private folder that is its HOME, removed afterwards; the report says 'not sandboxed'")
    func privateWorkingFolder() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("where", analyze: #"""
            cat > /dev/null
            echo "cwd=$(pwd)" >&2
            echo "home=$HOME" >&2
            echo "entries=$(ls -A | wc -l)" >&2
            echo "written=$(echo x > mine.txt && echo yes)" >&2
            """# + "\n" + FixturePlugins.validResult)
        let (run, containment) = try await Self.report(fixtures, "where", sandbox: .none)
        #expect(run.status == .ok, "\(run.message ?? "")")
        let lines = Self.stderrLines(run, "where")
        let cwd = try #require(lines.first { $0.hasPrefix("cwd=") }).dropFirst(4)
        #expect(cwd.hasSuffix("/work") && cwd.contains("/orghealth-plugin-"))
        #expect(lines.contains("home=\(cwd)"))
        #expect(lines.contains("entries=0"))
        #expect(lines.contains("written=yes"))
        #expect(!FileManager.default.fileExists(atPath: String(cwd)), "the working folder was left behind")
        #expect(containment == ["this external analyzer ran not sandboxed: plugins.sandbox is none in the config"])
    }

    // Row 13 with bubblewrap: the same script run without and with the sandbox, so the test
    // shows each attempt succeeds when nothing stops it.
    @Test("in the bubblewrap sandbox an analyzer cannot read what it was not given, write outside its folder, or connect",
          .enabled(if: bubblewrapWorks))
    func sandbox() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let secret = fixtures.folder.appendingPathComponent("secret-notes.md")
        try "salary: 1".write(to: secret, atomically: true, encoding: .utf8)
        let outside = fixtures.folder.appendingPathComponent("planted.txt")
        let listener = try LoopbackListener()
        defer { listener.close() }
        try fixtures.write("nosy", analyze: """
            python3 -c '
            import json, sys
            request = json.load(sys.stdin)
            try:
                open(request["roster"], "a").write("x")
                print("write-roster=yes", file=sys.stderr)
            except OSError:
                print("write-roster=no", file=sys.stderr)
            '
            if cat '\(secret.path)' > /dev/null 2>&1; then echo 'read=yes' >&2; else echo 'read=no' >&2; fi
            if echo x > '\(outside.path)' 2>/dev/null; then echo 'write-outside=yes' >&2; else echo 'write-outside=no' >&2; fi
            if echo x > inside.txt 2>/dev/null; then echo 'write-inside=yes' >&2; else echo 'write-inside=no' >&2; fi
            if python3 -c 'import socket; socket.create_connection(("127.0.0.1", \(listener.port)), 2)' 2>/dev/null; then echo 'connect=yes' >&2; else echo 'connect=no' >&2; fi
            if [ "$(ls /proc | grep -c '^[0-9]')" -lt 10 ]; then echo 'processes=few' >&2; else echo 'processes=many' >&2; fi
            """ + "\n" + FixturePlugins.validResult)

        let open = try await Self.run(fixtures, "nosy", sandbox: .none)
        #expect(open.status == .ok, "\(open.message ?? "")")
        let openLines = Set(Self.stderrLines(open, "nosy"))
        #expect(openLines.isSuperset(of: ["write-roster=yes", "read=yes", "write-outside=yes", "write-inside=yes", "connect=yes"]),
                "\(openLines)")
        #expect(FileManager.default.fileExists(atPath: outside.path))
        try FileManager.default.removeItem(at: outside)

        let (boxed, containment) = try await Self.report(fixtures, "nosy", sandbox: .bubblewrap)
        #expect(boxed.status == .ok, "\(boxed.message ?? "")")
        let boxedLines = Set(Self.stderrLines(boxed, "nosy"))
        // Writing to the path of the planted file may "succeed" inside the sandbox — the folder
        // exists there only inside its private, discarded /tmp — but nothing reaches the real one.
        #expect(boxedLines.isSuperset(of: ["write-roster=no", "read=no", "write-inside=yes", "connect=no", "processes=few"]),
                "\(boxedLines)")
        #expect(!FileManager.default.fileExists(atPath: outside.path), "the sandboxed analyzer wrote outside its folder")
        #expect(containment == [
            "this external analyzer ran sandboxed with bubblewrap (no network, read-only inputs, writes only to its working folder)",
        ])
    }

    @Test("analyzers.<id>.timeoutSeconds bounds an external analyzer too, below plugins.timeoutSeconds")
    func externalDeadline() async throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try fixtures.write("dawdle", analyze: "cat > /dev/null\nsleep 30")
        let analyzer = try await ExternalAnalyzer.describe(
            fixtures.folder.appendingPathComponent("orghealth-analyzer-dawdle"), limits: ExternalAnalyzerLimits(timeoutSeconds: 60))
        var configuration = try Fixture.configuration(in: fixtures.folder)
        configuration.analyzerOptions["dawdle"] = AnalyzerOptions(["timeoutSeconds": .number(1)])
        let runs = await AnalyzerRunner(registry: AnalyzerRegistry(entries: [.init(analyzer: analyzer, origin: "fixture")]),
                                        clock: .fixed(secondsSince1970: 0))
            .run(configuration: configuration, roster: try Fixture.roster())
        #expect(runs.first?.status == .failed)
        // The process is stopped at 1 s; the host's own backstop (the same deadline + 5 s) ends
        // the run instead when the machine is so loaded that the stop is not handled in time —
        // both name the key. Checked by message, not wall time: in the full parallel suite the
        // other tests can hold this test's threads for longer than the deadline.
        let message = runs.first?.message ?? ""
        #expect(message.contains("analyze did not finish within 1 s (analyzers.dawdle.timeoutSeconds) and was stopped")
                    || message.contains("did not finish within 6 s (analyzers.dawdle.timeoutSeconds) and was cancelled"),
                "\(message)")
    }

    @Test("without bwrap, or with one that cannot make namespaces, the report says 'not sandboxed' and why")
    func noBubblewrap() throws {
        let missing = PluginSandbox.probe(candidates: ["/nonexistent/bwrap"])
        #expect(missing.description
            == "not sandboxed: bubblewrap (bwrap) is not installed; install the bubblewrap package to sandbox analyzers")
        // A "bwrap" that fails the probe, as bwrap does where user namespaces are disabled.
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        let broken = fixtures.folder.appendingPathComponent("bwrap")
        try FixturePlugins.writeExecutable("#!/bin/sh\necho 'bwrap: No permissions to creating new namespace' >&2\nexit 1\n", to: broken)
        let refused = PluginSandbox.probe(candidates: [broken.path])
        #expect(refused.description == "not sandboxed: bwrap cannot make a sandbox here (bwrap: No permissions to creating new namespace)")
    }

    @Test("plugins.sandbox is read from the config; an unknown value names the line and the choices")
    func sandboxSetting() throws {
        let fixtures = try FixturePlugins()
        defer { fixtures.remove() }
        try Fixture.rosterCSV.write(to: fixtures.folder.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let config = fixtures.folder.appendingPathComponent("orghealth.yml")
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\nplugins:\n  sandbox: none\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try ConfigurationLoader(knownAnalyzers: []).load(config).plugins.sandbox == SandboxMode.none)
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\n".write(to: config, atomically: true, encoding: .utf8)
        #expect(try ConfigurationLoader(knownAnalyzers: []).load(config).plugins.sandbox == .auto)
        try "organization: A\nperiod: 2026-Q3\nroster: roster.csv\nplugins:\n  sandbox: firejail\n".write(to: config, atomically: true, encoding: .utf8)
        #expect {
            _ = try ConfigurationLoader(knownAnalyzers: []).load(config)
        } throws: { error in
            "\(error)".contains("orghealth.yml:5") && "\(error)".contains("'firejail' is not one of auto, bubblewrap, none")
        }
    }
}

/// A TCP listener on 127.0.0.1 at a free port, for the network test.
struct LoopbackListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, size) } }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var actual = sockaddr_in()
        var length = size
        _ = withUnsafeMutablePointer(to: &actual) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        descriptor = listener
        port = UInt16(bigEndian: actual.sin_port)
    }

    func close() { _ = Glibc.close(descriptor) }
}
