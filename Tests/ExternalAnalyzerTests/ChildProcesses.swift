import Foundation

/// What `/proc` says about processes, to prove the host leaves nothing behind (Linux).
enum ChildProcesses {
    /// One process as `/proc/<pid>/stat` and `cmdline` describe it.
    struct Entry: Hashable {
        let pid: Int32
        let parent: Int32
        let state: Character
        let command: String
    }

    static var isSupported: Bool { FileManager.default.fileExists(atPath: "/proc/self/stat") }

    static func all() -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { name -> Entry? in
            guard let pid = Int32(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
            let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(name)/cmdline"))) ?? Data()
            let command = String(decoding: raw.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return Entry(pid: pid, parent: parent, state: state, command: command)
        }
    }

    /// Zombie children of this process that stay zombies for a while (a child being reaped
    /// by another test at that moment is not counted).
    static func lingeringZombies() async throws -> Set<Int32> {
        let me = ProcessInfo.processInfo.processIdentifier
        func zombies() -> Set<Int32> { Set(all().filter { $0.parent == me && $0.state == "Z" }.map(\.pid)) }
        let first = zombies()
        guard !first.isEmpty else { return [] }
        try await Task.sleep(for: .milliseconds(1_500))
        return first.intersection(zombies())
    }

    /// Live (non-zombie) processes whose command line contains `marker`.
    static func running(containing marker: String) -> [Entry] {
        all().filter { $0.state != "Z" && $0.command.contains(marker) }
    }
}
