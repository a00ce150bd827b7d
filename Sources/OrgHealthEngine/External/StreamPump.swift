import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves bytes between the host and a child until both of the child's output streams end:
/// writes the request to its standard input (then closes it), collects standard output up to
/// a cap and keeps the tail of standard error. Everything is polled, so a child that does not
/// read its input, or floods either output, cannot block the host past the deadline.
struct StreamPump {
    /// Bytes still to write to standard input.
    private var input: Data
    private var inputOffset = 0
    /// The cap on standard output.
    let maxOutputBytes: Int
    /// How much of the end of standard error to keep.
    let errorTailBytes: Int
    /// Standard output so far.
    private(set) var output = Data()
    /// The end of standard error so far, in a ring of fixed size.
    private var errorRing: TailBuffer
    /// The end of standard error so far (at most `errorTailBytes`).
    var errorTail: Data { errorRing.bytes }

    /// How pumping ended.
    enum Ending {
        /// Both output streams reached their end.
        case finished
        /// The deadline passed first.
        case timedOut
        /// Standard output passed the cap.
        case outputTooLarge
    }

    init(input: Data, maxOutputBytes: Int, errorTailBytes: Int) {
        self.input = input
        self.maxOutputBytes = maxOutputBytes
        self.errorTailBytes = errorTailBytes
        errorRing = TailBuffer(capacity: errorTailBytes)
    }

    /// Pumps until both outputs end, the deadline passes or the output cap is passed. When
    /// the child has exited but something it left running still holds its outputs open, what
    /// is already in the pipes is read and pumping ends.
    mutating func pump(
        _ pipes: inout PipeSet, until deadline: ContinuousClock.Instant, childExited: () -> Bool
    ) -> Ending {
        if input.isEmpty { PipeSet.close(&pipes.input.write) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while pipes.output.read >= 0 || pipes.error.read >= 0 {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return .timedOut }
            if childExited() {
                if pipes.output.read >= 0, !drain(&pipes.output.read, into: &buffer, isOutput: true) { return .outputTooLarge }
                if pipes.error.read >= 0 { _ = drain(&pipes.error.read, into: &buffer, isOutput: false) }
                return .finished
            }
            var descriptors: [pollfd] = []
            if pipes.input.write >= 0 { descriptors.append(pollfd(fd: pipes.input.write, events: Int16(POLLOUT), revents: 0)) }
            if pipes.output.read >= 0 { descriptors.append(pollfd(fd: pipes.output.read, events: Int16(POLLIN), revents: 0)) }
            if pipes.error.read >= 0 { descriptors.append(pollfd(fd: pipes.error.read, events: Int16(POLLIN), revents: 0)) }
            let milliseconds = Int32(clamping: max(1, remaining.components.seconds * 1000
                + Int64(remaining.components.attoseconds / 1_000_000_000_000_000) + 1))
            let ready = poll(&descriptors, nfds_t(descriptors.count), min(milliseconds, 100))
            if ready < 0 && errno != EINTR { return .timedOut }
            guard ready > 0 else { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == pipes.input.write {
                    writeInput(&pipes)
                } else if descriptor.fd == pipes.output.read {
                    if !drain(&pipes.output.read, into: &buffer, isOutput: true) { return .outputTooLarge }
                } else if descriptor.fd == pipes.error.read {
                    _ = drain(&pipes.error.read, into: &buffer, isOutput: false)
                }
            }
        }
        return .finished
    }

    /// Writes what the pipe takes; closes standard input when all is written or the child
    /// stopped reading.
    private mutating func writeInput(_ pipes: inout PipeSet) {
        while inputOffset < input.count {
            let written = input.withUnsafeBytes { bytes in
                write(pipes.input.write, bytes.baseAddress.map { $0 + inputOffset }, input.count - inputOffset)
            }
            if written > 0 {
                inputOffset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return
            } else {
                break  // EPIPE: the child does not read its input; what it prints still counts.
            }
        }
        PipeSet.close(&pipes.input.write)
    }

    /// Reads what is there; closes the descriptor at its end. Returns false when standard
    /// output passes the cap.
    private mutating func drain(_ descriptor: inout Int32, into buffer: inout [UInt8], isOutput: Bool) -> Bool {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                if isOutput {
                    guard output.count + count <= maxOutputBytes else { return false }
                    output.append(contentsOf: buffer[0..<count])
                } else {
                    buffer.withUnsafeBufferPointer { errorRing.append(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                }
            } else if count < 0 && errno == EINTR {
                continue
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return true
            } else {
                PipeSet.close(&descriptor)
                return true
            }
        }
    }
}
