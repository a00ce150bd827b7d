import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files so that a reader never sees a partial file and an earlier report is
/// never half-overwritten: each file goes to a temporary file in the same folder (created
/// owner-only, mode 0600, since reports hold HR data), is flushed to disk, then renamed
/// over the target in one step.
public struct AtomicFileWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes every file or, if any temporary file cannot be written, none of them.
    public func write(_ files: [(url: URL, contents: [UInt8])]) throws(OutputError) {
        var staged: [(temporary: String, target: URL)] = []
        do {
            for file in files {
                staged.append((try stage(file.contents, for: file.url), file.url))
            }
        } catch {
            for entry in staged { PartialFiles.finish(entry.temporary) { unlink(entry.temporary) == 0 } }
            throw error
        }
        if let pause = PartialFiles.pauseBeforeRename { usleep(UInt32(min(max(pause, 0), 60) * 1_000_000)) }
        // Renaming cannot replace a folder: refuse before any file is replaced.
        for entry in staged {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: entry.target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                for remaining in staged { PartialFiles.finish(remaining.temporary) { unlink(remaining.temporary) == 0 } }
                throw OutputError(path: entry.target.path, message: "a folder is in the way of the report file; move it")
            }
        }
        for (index, entry) in staged.enumerated() {
            var reason = ""
            let renamed = PartialFiles.finish(entry.temporary) {
                guard rename(entry.temporary, entry.target.path) == 0 else {
                    reason = String(cString: strerror(errno))
                    return false
                }
                return true
            }
            guard renamed else {
                for remaining in staged[index...] { PartialFiles.finish(remaining.temporary) { unlink(remaining.temporary) == 0 } }
                throw OutputError(path: entry.target.path, message: "cannot replace the file: \(reason)")
            }
        }
    }

    /// Creates the folder (owner-only) when missing.
    public func makeDirectory(_ url: URL) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw OutputError(path: url.path, message: "cannot create the output folder: \(error.localizedDescription)")
        }
    }

    private func stage(_ contents: [UInt8], for target: URL) throws(OutputError) -> String {
        let folder = target.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(target.lastPathComponent).XXXXXX".utf8CString)
        var descriptor: Int32 = -1
        var reason = "the run is being stopped"
        // Created and recorded in one step, so that a signal removes it (PartialFiles).
        let created = PartialFiles.create {
            descriptor = template.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress.map { mkstemp($0) } ?? -1
            }
            guard descriptor >= 0 else {
                reason = String(cString: strerror(errno))
                return nil
            }
            return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        guard let temporary = created else {
            throw OutputError(path: target.path, message: "cannot create a file in \(folder): \(reason)")
        }
        fchmod(descriptor, 0o600)
        var offset = 0
        var failure: String?
        contents.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while offset < raw.count {
                let written = posixWrite(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        close(descriptor)
        if let failure {
            PartialFiles.finish(temporary) { unlink(temporary) == 0 }
            throw OutputError(path: target.path, message: "cannot write the file: \(failure)")
        }
        return temporary
    }
}

/// A report file that could not be written. The earlier report, if any, is untouched.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// The file or folder concerned.
    public let path: String
    /// What went wrong.
    public let message: String
    public var description: String { "\(path): \(message)" }
}

/// `write(2)`, named apart from the writer's own `write` method.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
