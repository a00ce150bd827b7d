import Foundation

/// Why a sample organization could not be generated or written.
public enum SampleDataError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The requested size is too small to hold every planted scenario.
    case tooFewEmployees(requested: Int, minimum: Int)
    /// The target directory holds files this generator did not write, and writing would mix or overwrite them.
    case directoryNotEmpty(path: String, conflicting: String)
    /// A file or folder could not be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .tooFewEmployees(let requested, let minimum):
            return "a sample organization needs at least \(minimum) employees (requested \(requested)); pass a larger --employees"
        case .directoryNotEmpty(let path, let conflicting):
            return "\(path) already holds '\(conflicting)', which the sample generator did not write; choose an empty directory"
        case .writeFailed(let path, let reason):
            return "could not write \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
