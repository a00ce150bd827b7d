import Foundation
import OrgHealthKit

/// The survey's two inputs as configured: `sources: culture-survey: {responses: …, definition: …}`.
struct SurveyInputs {
    static let responsesKind = InputKind(rawValue: "culture-survey.responses")
    static let definitionKind = InputKind(rawValue: "culture-survey.definition")

    /// The responses exports (a folder gives its `.csv` files, sorted).
    let responses: [URL]
    /// The definition (`survey.yml`; a folder gives its `survey.yml` or `survey.yaml`).
    let definition: URL
    /// Notes on the inputs (e.g. a second definition that was ignored).
    var diagnostics: [Diagnostic] = []

    init(_ context: AnalysisContext) throws(AnalyzerError) {
        let responses = context.inputs[Self.responsesKind] ?? []
        let definitions = context.inputs[Self.definitionKind] ?? []
        if responses.isEmpty || definitions.isEmpty {
            if context.inputs[InputKind(rawValue: "culture-survey")] != nil {
                throw AnalyzerError(
                    "sources.culture-survey gives a single path, but the survey needs two: give the responses and the "
                        + "definition, e.g. culture-survey: {responses: data/survey/responses.csv, definition: data/survey/survey.yml}")
            }
            throw AnalyzerError(
                "sources.culture-survey needs both 'responses' (the export) and 'definition' (survey.yml); add the missing one")
        }
        var expanded: [URL] = []
        for url in responses { expanded += try Self.expand(url, extensions: ["csv", "xlsx", "xlsm"]) }
        self.responses = expanded
        guard !self.responses.isEmpty else {
            throw AnalyzerError("sources.culture-survey.responses names a folder without .csv or .xlsx files; point it at the export")
        }
        let definitionFiles = definitions.flatMap { url -> [URL] in
            guard Self.isDirectory(url) else { return [url] }
            return ["survey.yml", "survey.yaml"].map { url.appendingPathComponent($0) }
                .filter { FileManager.default.fileExists(atPath: $0.path) }
        }
        guard let definition = definitionFiles.first else {
            throw AnalyzerError("sources.culture-survey.definition names a folder without survey.yml; point it at the file")
        }
        self.definition = definition
        if definitionFiles.count > 1 {
            diagnostics.append(Diagnostic(
                severity: .warning, source: definitionFiles[1].lastPathComponent,
                message: "only one survey definition is used per run (\(definition.lastPathComponent)); this one was ignored"))
        }
    }

    /// The largest survey definition read: 1 MiB.
    static let maxDefinitionBytes = 1 << 20

    /// Reads the definition's text (UTF-8, a byte order mark dropped).
    func definitionText() throws(AnalyzerError) -> String {
        let source = definition.lastPathComponent
        let bytes: [UInt8]
        // A regular file only (a FIFO or device is refused before it is read), of a size a
        // definition can have: 200 questions are about 20 KB.
        do { bytes = try RegularFile.read(definition.path, maxBytes: Self.maxDefinitionBytes) } catch {
            throw AnalyzerError("cannot read the survey definition (\(error.reason)); check the path and that it is a readable file",
                                source: source)
        }
        guard let text = ByteOrderMark.utf8Text(bytes) else {
            throw AnalyzerError("the survey definition is not UTF-8; save it as UTF-8 and run again", source: source)
        }
        return text
    }

    /// The files of a folder with one of `extensions`, sorted by name; a file stands for itself.
    /// A folder that cannot be listed is an error naming it, never an empty list.
    private static func expand(_ url: URL, extensions: Set<String>) throws(AnalyzerError) -> [URL] {
        guard isDirectory(url) else { return [url] }
        let files: [URL]
        do { files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil) } catch {
            throw AnalyzerError(
                "the survey responses folder \(url.path) cannot be listed (\((error as NSError).localizedDescription)); "
                    + "check that it exists and that this user may read it",
                source: url.lastPathComponent)
        }
        return files.filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
