import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The three pipes between the host and a child process. Every descriptor is close-on-exec,
/// so a pipe of one child never leaks into another started at the same time (which would
/// keep its output open after it exits).
struct PipeSet {
    /// Host writes → child's standard input.
    var input = Pipe()
    /// Child's standard output → host reads.
    var output = Pipe()
    /// Child's standard error → host reads.
    var error = Pipe()

    /// One pipe's two descriptors; -1 once closed.
    struct Pipe {
        var read: Int32 = -1
        var write: Int32 = -1
    }

    /// A system call that failed.
    struct Failure: Swift.Error {
        let reason: String
    }

    /// Opens the three pipes (the caller serializes this with spawning).
    mutating func open() throws(Failure) {
        input = try Self.makePipe()
        output = try Self.makePipe()
        error = try Self.makePipe()
        // The host's ends never block: the pump polls them.
        for descriptor in [input.write, output.read, error.read] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
    }

    /// Closes the child's ends in the host once the child holds its own copies.
    mutating func closeChildEnds() {
        Self.close(&input.read)
        Self.close(&output.write)
        Self.close(&error.write)
    }

    /// Closes every descriptor still open.
    mutating func closeAll() {
        for keyPath in [\PipeSet.input.read, \.input.write, \.output.read, \.output.write, \.error.read, \.error.write] {
            Self.close(&self[keyPath: keyPath])
        }
    }

    /// Closes a descriptor and marks it closed.
    static func close(_ descriptor: inout Int32) {
        guard descriptor >= 0 else { return }
        _ = closeDescriptor(descriptor)
        descriptor = -1
    }

    private static func makePipe() throws(Failure) -> Pipe {
        var descriptors: [Int32] = [-1, -1]
        let status = pipe(&descriptors)
        if status == 0 { for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) } }
        guard status == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        return Pipe(read: descriptors[0], write: descriptors[1])
    }
}

#if canImport(Glibc)
private let closeDescriptor = Glibc.close
#else
private let closeDescriptor = Darwin.close
#endif
