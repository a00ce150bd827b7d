import Foundation

/// `plugins.sandbox` in the config: how external analyzers are contained (issue 14, row 13).
public enum SandboxMode: String, Sendable, Equatable, CaseIterable {
    /// bubblewrap when `bwrap` is installed and works here, else no sandbox (the report says why).
    case auto
    /// bubblewrap, required: without it every external analyzer fails with the reason.
    case bubblewrap
    /// No sandbox: only the private working folder and the minimal environment.
    case none
}

/// How one external analyzer is run: in a bubblewrap sandbox, or not, with the reason.
///
/// In the sandbox an analyzer sees the system folders it needs to run (`/usr`, `/lib*`,
/// `/bin`, `/opt`, a few files of `/etc`), its own executable, the roster copy and the
/// inputs it declared — all read-only — a private `/tmp`, a `/proc` of its own PID
/// namespace and nothing else; it can write only to its working folder; it has no network.
enum PluginSandbox: Sendable, Equatable {
    case bubblewrap(String)
    case none(String)

    /// The words the report uses for it.
    var description: String {
        switch self {
        case .bubblewrap: return "sandboxed with bubblewrap (no network, read-only inputs, writes only to its working folder)"
        case .none(let reason): return "not sandboxed: \(reason)"
        }
    }

    /// The sandbox for a mode: bubblewrap is probed once per host.
    static func choose(_ mode: SandboxMode) -> PluginSandbox {
        switch mode {
        case .none: return .none("plugins.sandbox is none in the config")
        case .auto, .bubblewrap: return probed
        }
    }

    /// Whether `bwrap` is on the system PATH and can make namespaces here (user namespaces may
    /// be off in a container); the reason when not.
    private static let probed: PluginSandbox = probe(candidates: ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"])

    /// The sandbox the first executable of `candidates` gives, if it works here.
    static func probe(candidates: [String]) -> PluginSandbox {
        #if os(Linux)
        guard let bwrap = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return .none("bubblewrap (bwrap) is not installed; install the bubblewrap package to sandbox analyzers")
        }
        let probe = ChildProcess(
            executable: URL(fileURLWithPath: bwrap), arguments: ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"],
            environment: ["PATH": "/usr/bin:/bin"], timeout: .seconds(10), maxOutputBytes: 4_096
        ).runBlocking()
        guard probe.termination == .exited(0) else {
            let said = StderrTail.lines(probe.errorTail, limit: 1).first ?? "\(probe.termination)"
            return .none("bwrap cannot make a sandbox here (\(said))")
        }
        return .bubblewrap(bwrap)
        #else
        return .none("bubblewrap sandboxes only on Linux")
        #endif
    }

    /// System paths bound read-only when they exist: enough to run a shell, Python or a
    /// Swift executable (whose runtime may live under /opt), and no user data.
    static let systemPaths = [
        "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt",
        "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives", "/etc/localtime",
        "/etc/passwd", "/etc/group", "/etc/nsswitch.conf", "/etc/ssl/certs",
    ]

    /// The command line that runs `executable` in the sandbox (or unchanged when none).
    /// - Parameters:
    ///   - readable: files and folders the analyzer may read (its inputs, the roster copy).
    ///   - workingFolder: the one folder it may write to, where it starts.
    func command(executable: URL, arguments: [String], readable: [URL], workingFolder: URL) -> (URL, [String]) {
        guard case .bubblewrap(let bwrap) = self else { return (executable, arguments) }
        var options = ["--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        let manager = FileManager.default
        for path in Self.systemPaths {
            // /bin → usr/bin on merged-/usr systems: recreate the link rather than bind it.
            // Not a link (the usual error) means a real folder, bound below when it exists.
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
                options += ["--symlink", target, path]
            } else if manager.fileExists(atPath: path) {
                options += ["--ro-bind", path, path]
            }
        }
        options += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        var bound: Set<String> = []
        let executableFile = executable.resolvingSymlinksInPath().path
        for url in [URL(fileURLWithPath: executableFile), executable] + readable {
            let path = url.standardizedFileURL.path
            guard !bound.contains(path), manager.fileExists(atPath: path) else { continue }
            bound.insert(path)
            options += ["--ro-bind", path, path]
        }
        options += ["--bind", workingFolder.path, workingFolder.path, "--chdir", workingFolder.path]
        return (URL(fileURLWithPath: bwrap), options + ["--", executable.path] + arguments)
    }
}
