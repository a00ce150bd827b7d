import Foundation

/// The output directory of a sample: created when missing; an earlier sample (recognised by the
/// marker on its `orghealth.yml`) is removed entry by entry, and anything else is left alone.
struct SampleDirectory {
    let url: URL

    static let configName = "orghealth.yml"

    /// The top-level entries a sample owns: its config, the roster and every input's.
    static let ownedEntries = [configName, SampleConfigWriter.roster] + SampleSources.all.flatMap(\.ownedEntries)

    func prepare() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw SampleDataError.writeFailed(path: url.path, reason: error.localizedDescription)
            }
            return
        }
        guard isDirectory.boolValue else {
            throw SampleDataError.writeFailed(path: url.path, reason: "it is a file, not a directory")
        }
        let config = url.appendingPathComponent(Self.configName)
        // A config that cannot be read is not taken for an earlier sample, so it is never
        // overwritten: losing the read error errs on the safe side, and the writes below report.
        let isEarlierSample = (try? String(contentsOf: config, encoding: .utf8))?.hasPrefix(SampleConfigWriter.marker) ?? false
        for entry in Self.ownedEntries {
            let entryURL = url.appendingPathComponent(entry)
            guard manager.fileExists(atPath: entryURL.path) else { continue }
            guard isEarlierSample else { throw SampleDataError.directoryNotEmpty(path: url.path, conflicting: entry) }
            do {
                try manager.removeItem(at: entryURL)
            } catch {
                throw SampleDataError.writeFailed(path: entryURL.path, reason: error.localizedDescription)
            }
        }
    }
}
