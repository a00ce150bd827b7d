import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report files so that a reader never sees a partial file and an earlier report is
/// never half-overwritten: each file goes to a temporary file in the same folder (created
/// owner-only, mode 0600, since reports hold HR data) — written whole or streamed by its
/// renderer — is flushed to disk, then renamed over the target in one step.
public struct AtomicFileWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes every file or, if any temporary file cannot be written, none of them.
    public func write(_ files: [(url: URL, contents: [UInt8])]) throws(OutputError) {
        do {
            try write(streaming: files.map { file in (file.url, { stream in try stream.write(file.contents) }) })
        } catch let error as OutputError {
            throw error
        } catch {
            // Unreachable: writing bytes throws nothing but OutputError.
            throw OutputError(path: files.first?.url.path ?? "", message: "cannot write the file: \(error)")
        }
    }

    /// Writes every file, each streamed by its `produce` into a temporary file beside the
    /// target, or, if any of them fails (a renderer's error or a write error), none of them:
    /// every temporary file is removed and the error is rethrown. Only after all are written
    /// and flushed are they renamed over the targets.
    ///
    /// The files are staged at the same time (the renderers only read the report): the first
    /// on the calling thread, each other one on a thread of its own. Plain threads, not
    /// `concurrentPerform`: the XML builds its rows with `concurrentPerform`, and nested inside
    /// another one on a two-core machine that ran on the XML's thread alone, so the XML and the
    /// HTML took longer side by side than one after the other (issue 16: at 10^6 people the
    /// step took 2.4–2.5 s; 1.9–2.0 s now). When several fail, the first in the given order is
    /// the error thrown.
    public func write(streaming files: [(url: URL, produce: (ReportFileStream) throws -> Void)]) throws {
        let outcomes = StagingOutcomes(count: files.count)
        // The renderers' closures are not `Sendable`, but each is called once, on one thread,
        // and reads only the report value it captured; the outcomes are kept under a lock.
        nonisolated(unsafe) let files = files
        let group = DispatchGroup()
        // Each thread sets its outcome, then leaves the group; `wait` returns after every one has.
        for index in files.indices.dropFirst() {
            group.enter()
            let thread = Thread {
                outcomes.set(index, Result { try stage(for: files[index].url, files[index].produce) })
                group.leave()
            }
            thread.start()
        }
        if !files.isEmpty { outcomes.set(0, Result { try stage(for: files[0].url, files[0].produce) }) }
        group.wait()
        var staged: [(temporary: String, target: URL)] = []
        var failure: (any Error)?
        for (index, outcome) in outcomes.results.enumerated() {
            switch outcome {
            case .success(let temporary): staged.append((temporary, files[index].url))
            case .failure(let error): failure = failure ?? error
            case nil: failure = failure ?? OutputError(path: files[index].url.path, message: "the file was not written")
            }
        }
        if let failure {
            for entry in staged { PartialFiles.finish(entry.temporary) { unlink(entry.temporary) == 0 } }
            throw failure
        }
        if let pause = PartialFiles.pauseBeforeRename { sleep(UInt32(min(max(pause, 0), 600))) }
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

    private func stage(for target: URL, _ produce: (ReportFileStream) throws -> Void) throws -> String {
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
        do {
            let stream = ReportFileStream(descriptor: descriptor, target: target)
            try produce(stream)
            try stream.flush()
            if fsync(descriptor) != 0 {
                throw OutputError(path: target.path, message: "cannot write the file: \(String(cString: strerror(errno)))")
            }
        } catch {
            close(descriptor)
            PartialFiles.finish(temporary) { unlink(temporary) == 0 }
            throw error
        }
        close(descriptor)
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

/// The outcome of staging each file, by index, filled in from several threads.
private final class StagingOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<String, any Error>?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: Result<String, any Error>) {
        lock.withLock { outcomes[index] = outcome }
    }

    var results: [Result<String, any Error>?] { lock.withLock { outcomes } }
}
