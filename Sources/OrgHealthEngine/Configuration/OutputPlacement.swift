import Foundation
import OrgHealthKit

/// The output folder is never an input: a report written inside a notes (or survey, or
/// reviews) folder would be read back as input by the next run. A run whose output folder is
/// an input folder, or inside one, is refused before anything is read or written.
public struct OutputPlacementError: Error, CustomStringConvertible, Sendable {
    /// The output folder.
    public let output: URL
    /// The input folder that holds it.
    public let input: URL
    /// The kind of input the folder is configured for.
    public let kind: InputKind

    public var description: String {
        "the output folder \(output.path) is inside the \(kind.rawValue) input folder \(input.path), so the next run "
            + "would read the report as input; choose an output folder outside it (--output or output.directory)"
    }
}

extension Configuration {
    /// Throws when `output` is one of the configured input folders or lies inside one.
    /// Paths are compared after resolving `.`/`..` and symbolic links (of the parts that
    /// exist), so `notes/../notes/out` and a link into the notes folder are both caught.
    public func checkOutputPlacement(_ output: URL) throws(OutputPlacementError) {
        let outputPath = Self.canonicalPath(output)
        for (kind, urls) in sources.sorted(by: { $0.key < $1.key }) {
            for input in urls {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: input.path, isDirectory: &isFolder), isFolder.boolValue else {
                    continue
                }
                let inputPath = Self.canonicalPath(input)
                if outputPath == inputPath || outputPath.hasPrefix(inputPath == "/" ? "/" : inputPath + "/") {
                    throw OutputPlacementError(output: output, input: input, kind: kind)
                }
            }
        }
    }

    /// The absolute path with `.`, `..` and links resolved, for its longest existing prefix
    /// (an output folder may not exist yet); the rest is appended as written, normalised.
    static func canonicalPath(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in missing { path = (path == "/" ? "" : path) + "/" + component }
        return path
    }
}
